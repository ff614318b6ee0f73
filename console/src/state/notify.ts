// Pure notification rules: which site-socket events tell which agent, with what text.
import type { Conversation, Preferences, SiteServerFrame } from '../../../worker/src/protocol';
import { truncateText } from '../../../worker/src/protocol/text';
import { visitorLabel } from './inbox';
import { toolStrings as t } from '../strings-tools';

/** What the console knows when an event arrives. */
export type NotifyContext = {
  /** The signed-in agent's id. */
  me: string;
  /** The conversation open on screen, if any. */
  openId: string | null;
  /** Whether this tab is visible and focused (the agent is looking at it). */
  focused: boolean;
};

/** A notification to show: desktop text plus the conversation it opens. */
export type Notice = { title: string; body: string; conversationId: string };

/** Yours or nobody's: the conversations an agent is expected to answer. */
export function concernsMe(conversation: Conversation, me: string): boolean {
  return conversation.assigneeId === null || conversation.assigneeId === me;
}

/** The notice for a site frame, or null: new conversations and visitor messages in yours or unassigned ones, except the one the agent is looking at. */
export function noticeFor(frame: SiteServerFrame, ctx: NotifyContext): Notice | null {
  if (frame.type !== 'conversation.created' && frame.type !== 'message.created') return null;
  const conversation = frame.conversation;
  if (!concernsMe(conversation, ctx.me)) return null;
  if (ctx.focused && ctx.openId === conversation.id) return null;
  if (frame.type === 'conversation.created') {
    return { title: t.notifyNewConversation, body: visitorLabel(conversation), conversationId: conversation.id };
  }
  const message = frame.message;
  if (message.sender.type !== 'visitor' || message.deletedAt) return null;
  const body = message.kind === 'file' ? message.file?.name ?? message.body : message.body;
  return { title: t.notifyNewMessage(visitorLabel(conversation)), body: truncateText(body, 140, '…'), conversationId: conversation.id };
}

/** Which channels a notice goes out on, given the agent's preferences and the browser's permission. */
export function channels(prefs: Preferences, permission: NotificationPermission | 'unsupported'): { desktop: boolean; sound: boolean } {
  return { desktop: prefs.desktop && permission === 'granted', sound: prefs.sound };
}

/** The tab title: the unread count in front unless the agent turned it off. */
export function tabTitle(appName: string, unread: number, prefs: Preferences): string {
  return prefs.title && unread > 0 ? `(${unread}) ${appName}` : appName;
}
