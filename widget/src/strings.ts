// Every user-visible string of the widget, in one place so that i18n can swap the table later.

/** The English string table (the default locale). */
export const strings = {
  title: 'Chat with us',
  greeting: 'Hi there! Ask us anything, we are happy to help.',
  panelLabel: 'Chat',
  openChat: 'Open chat',
  closeChat: 'Close chat',
  placeholder: 'Write a message…',
  send: 'Send',
  status: { connecting: 'Connecting…', online: 'Online', offline: 'Offline' },
  state: { sending: 'Sending…', sent: 'Sent', failed: 'Not sent', read: 'Read' },
  retry: 'Retry',
  agentTyping: 'typing…',
  agent: 'Support',
  loadOlder: 'Load earlier messages',
  dismiss: 'Dismiss',
  notice: {
    rate_limited: 'You are sending messages too quickly. Please wait a moment, then retry.',
    too_large: 'That message is too long to send.',
    closed: 'This conversation has ended.',
    error: 'Something went wrong. Please try again.',
  },
  /** The line above the composer once agents ended the conversation (writing reopens it). */
  lifecycle: {
    resolved: 'This conversation has been resolved — write to reopen it.',
    closed: 'This conversation was closed — write to start again.',
  } as Record<string, string>,
  /** The header subtitle when an agent has the conversation. */
  helping: (name: string) => `${name} is helping you`,
  /** The launcher's label when messages are waiting. */
  unread: (n: number) => `Open chat, ${n} unread message${n === 1 ? '' : 's'}`,
};
