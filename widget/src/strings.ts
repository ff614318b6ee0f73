// Every user-visible English string of the widget; the other languages (locales/*.json) follow this shape.
import type { VisitorErrorCode } from '../../protocol/errors';

/**
 * Codes a visitor may receive that show the generic notice (`notice.error`): a bug, a misconfigured site, or a case
 * the widget handles on its own (an already rated conversation, a Turnstile token it fetches).
 */
type GenericNotice = VisitorCodes<
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'method_not_allowed'
  | 'conflict'
  | 'internal'
  | 'misconfigured'
  | 'origin_not_allowed'
  | 'upgrade_required'
  | 'prechat_required'
  | 'turnstile_required'
  | 'turnstile_unavailable'
  | 'already_rated'
  | 'not_your_message'
>;
/** Its argument, which must be visitor codes: a typo or a code visitors never get fails to compile. */
type VisitorCodes<C extends VisitorErrorCode> = C;

/**
 * The notice texts: one for every code a visitor may receive (protocol/errors.ts) but the generic ones, and the
 * widget's own two. A new visitor code with no text here and no place in GenericNotice fails to compile.
 */
type NoticeTexts = Record<Exclude<VisitorErrorCode, GenericNotice> | 'offline' | 'error', string>;

/** The English string table (the default locale, bundled; the others load on demand). */
export const strings = {
  title: 'Chat with us',
  greeting: 'Hi! How can we help?',
  openChat: 'Open chat',
  closeChat: 'Close chat',
  placeholder: 'Write a message…',
  send: 'Send',
  status: { connecting: 'Connecting…', online: 'Online', offline: 'Offline' },
  state: { sending: 'Sending…', sent: 'Sent', failed: 'Not sent', read: 'Read' },
  retry: 'Retry',
  agent: 'Support',
  typing: (name: string) => `${name} is typing…`,
  loadOlder: 'Load earlier messages',
  dismiss: 'Dismiss',
  notice: {
    rate_limited: 'You are sending messages too quickly. Please wait a moment, then retry.',
    too_large: 'That is too large to send (files: 10 MB at most).',
    unsupported_type: 'That kind of file cannot be sent. Try an image, a PDF or a text file.',
    closed: 'This conversation has ended.',
    offline: 'You are offline. Messages will be sent when the connection is back.',
    identity_required: 'Please sign in to chat with us.',
    identity_invalid: 'We could not verify your account. Please sign in again.',
    error: 'Something went wrong. Please try again.',
    not_resolved: 'A transcript can be sent once the conversation is resolved.',
    email_required: 'Please enter a valid email address.',
    /** A blocked visitor (any request): neutral on purpose, it does not say why. */
    chat_unavailable: 'Chat is unavailable.',
    /** Turnstile (the bot check of a new visitor's session) said no, or could not run. */
    turnstile_failed: 'We could not check that you are not a robot. Please reload the page to chat.',
    /** Refusals of an edit (docs/protocol.md "Editing"). */
    edit_window_passed: 'This message can no longer be edited.',
    already_replied: 'This message was answered, so it can no longer be edited.',
    not_editable: 'This message cannot be edited.',
    /** A continuation link (docs/widget.md) that is not valid any more, or was opened on another device. */
    continuation_invalid: 'This link has expired. Ask for a new one by email from the chat.',
    continuation_used: 'This link was already opened on another device.',
  } satisfies NoticeTexts as Record<string, string>,
  /** The line above the composer once agents ended the conversation (writing reopens it). */
  lifecycle: {
    resolved: 'This conversation has been resolved — write to reopen it.',
    closed: 'This conversation was closed — write to start again.',
  } as Record<string, string>,
  helping: (name: string) => `${name} is helping you`,
  unread: (n: number) => `Open chat, ${n} unread`,
  /** Header line: agents online, nobody online, outside business hours. */
  avail: { on: 'We are online', off: 'Nobody is online right now', hours: 'Outside business hours' },
  name: 'Name',
  email: 'Email',
  optional: '(optional)',
  badEmail: 'Please enter a valid email address.',
  needed: 'Please fill in this field.',
  prechat: 'Before we start, tell us who you are.',
  start: 'Start chat',
  away: 'We are away right now. Leave a message and we will reply by email.',
  message: 'Message',
  leave: 'Send message',
  sentAway: 'Thanks! We got your message and will reply by email.',
  rate: 'How would you rate this conversation?',
  stars: (n: number) => `${n} of 5`,
  comment: 'Comment (optional)',
  submitRating: 'Send rating',
  thanks: 'Thanks for your feedback!',
  attach: 'Attach a file',
  uploading: 'Uploading',
  dropHere: 'Drop a file to send it',
  /** Shown instead of a message its author deleted. */
  deleted: 'Message deleted',
  /** The offer under a resolved conversation, and its confirmation. */
  transcript: 'Email me the transcript',
  sentTo: (to: string) => `Sent to ${to}`,
  /** Editing one's own message: the action, the label of an edited message, the line above the composer. */
  edit: 'Edit',
  edited: 'edited',
  editing: 'Editing your message',
  cancel: 'Cancel',
  /** The help center's search box (the rest of its strings come with its chunk: help/strings.ts). */
  helpSearch: 'Search help articles',
  /** Emails a link that opens this conversation on another device (docs/widget.md). */
  linkMe: 'Continue on another device',
  /** The list of the visitor's conversations (components/History.tsx), its button, and each one's status. */
  convs: 'Your conversations',
  newConv: 'New conversation',
  convStatus: { waiting: 'Open', active: 'Open', resolved: 'Resolved', closed: 'Closed' } as Record<string, string>,
};

/** The shape every locale implements. */
export type Strings = typeof strings;

/** A table from one language's strings (locales/*.json), in the order of the English table's leaves; {} is the argument. */
export function fromList(list: string[]): Strings {
  let i = 0;
  // Walks the English table for the shape: groups stay objects, functions become templates (map runs in order).
  const walk = (en: object): never =>
    Object.fromEntries(
      Object.entries(en).map(([k, v]) => {
        if (typeof v == 'object') return [k, walk(v)];
        const s = list[i++];
        return [k, typeof v == 'function' ? (x: unknown) => s.replace('{}', String(x)) : s];
      }),
    ) as never;
  return walk(strings);
}
