// Pure notification rules: which inbox changes tell which agent, with what text, and only once per message.
import type { Conversation, ConversationDelta, Preferences, SiteEvent } from '../../../worker/src/protocol';
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

/**
 * What the inbox reports: a site event with the copy held before it (undefined when unknown), or a copy
 * fetched because a delta named a conversation the console did not hold.
 */
export type InboxSignal =
  | { type: 'event'; event: SiteEvent; previous: Conversation | undefined }
  | { type: 'fetched'; conversation: Conversation };

/** A notification to show: desktop text, the conversation it opens, and the last seq it stands for. */
export type Notice = { title: string; body: string; conversationId: string; lastSeq: number };

/** Yours or nobody's: the conversations an agent is expected to answer. */
export function concernsMe(conversation: Pick<Conversation, 'assigneeId'>, me: string): boolean {
  return conversation.assigneeId === null || conversation.assigneeId === me;
}

// A coalesced delta may stand for several messages: a new visitor message is there when the last one grew,
// is the visitor's and is unread (unread grew, or the agent read in between so it restarted from 0).
function newVisitorMessage(previous: Conversation, delta: ConversationDelta): boolean {
  if (delta.rev < previous.rev || delta.lastSeq <= previous.lastSeq || delta.lastMessageSender !== 'visitor') return false;
  return delta.agentUnread > previous.agentUnread || (delta.agentUnread > 0 && delta.agentReadSeq > previous.agentReadSeq);
}

/** Whether an unknown conversation's delta may bring a notice once fetched (worth fetching even if the filters hide it). */
export function mayNotify(delta: ConversationDelta, me: string): boolean {
  return delta.lastMessageSender === 'visitor' && delta.agentUnread > 0 && concernsMe(delta, me);
}

/** The notice for an inbox signal, or null: new conversations and visitor messages in yours or unassigned ones, except the one the agent is looking at. */
export function noticeFor(signal: InboxSignal, ctx: NotifyContext): Notice | null {
  const notice = rawNotice(signal);
  if (!notice) return null;
  const { who, ...rest } = notice;
  if (!concernsMe(who, ctx.me)) return null;
  if (ctx.focused && ctx.openId === rest.conversationId) return null;
  return rest;
}

function rawNotice(signal: InboxSignal): (Notice & { who: Pick<Conversation, 'assigneeId'> }) | null {
  if (signal.type === 'fetched') {
    const c = signal.conversation;
    if (c.lastMessageSender !== 'visitor' || c.agentUnread <= 0) return null;
    return messageNotice(c, c.lastMessagePreview, c);
  }
  const { event, previous } = signal;
  if (event.type === 'conversation.created') {
    const c = event.conversation;
    return { title: t.notifyNewConversation, body: visitorLabel(c), conversationId: c.id, lastSeq: c.lastSeq, who: c };
  }
  if (event.type !== 'conversation.delta' || !previous || !newVisitorMessage(previous, event.delta)) return null;
  return messageNotice(previous, event.delta.lastMessagePreview, event.delta);
}

// The label comes from the held copy (a delta carries no visitor); seq and assignee from the newest fields.
function messageNotice(labelled: Conversation, preview: string | null, latest: Pick<Conversation, 'id' | 'lastSeq' | 'assigneeId'>) {
  const body = truncateText(preview ?? '', 140, '…');
  return { title: t.notifyNewMessage(visitorLabel(labelled)), body, conversationId: latest.id, lastSeq: latest.lastSeq, who: latest };
}

/** Remembers the last seq notified per conversation, so one message never notifies twice (a delta, then its fetch). */
export class NoticeGate {
  private readonly seen = new Map<string, number>();
  /** True the first time a notice for this conversation's seq (or a later one) comes through. */
  pass(notice: Notice): boolean {
    if ((this.seen.get(notice.conversationId) ?? -1) >= notice.lastSeq) return false;
    this.seen.set(notice.conversationId, notice.lastSeq);
    return true;
  }
}

/** Which channels a notice goes out on, given the agent's preferences and the browser's permission. */
export function channels(prefs: Preferences, permission: NotificationPermission | 'unsupported'): { desktop: boolean; sound: boolean } {
  return { desktop: prefs.desktop && permission === 'granted', sound: prefs.sound };
}

/** The tab title: the unread count in front unless the agent turned it off. */
export function tabTitle(appName: string, unread: number, prefs: Preferences): string {
  return prefs.title && unread > 0 ? `(${unread}) ${appName}` : appName;
}
