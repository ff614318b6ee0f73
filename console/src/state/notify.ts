// Pure notification rules: which inbox changes tell which agent, with what text, and only once per message.
import type { Conversation, ConversationDelta, Preferences, SiteEvent } from '../../../protocol';
import { truncateText } from '../../../protocol/text';
import { mergeDelta, visitorLabel } from './inbox';
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

/** A notification to show: desktop text, the conversation it opens, what it announces and the last seq it stands for. */
export type Notice = {
  kind: 'conversation' | 'message';
  title: string;
  body: string;
  conversationId: string;
  lastSeq: number;
};

/** Yours or nobody's: the conversations an agent is expected to answer. */
export function concernsMe(conversation: Pick<Conversation, 'assigneeId'>, me: string): boolean {
  return conversation.assigneeId === null || conversation.assigneeId === me;
}

// A coalesced delta may stand for several messages: a new visitor message is there when the last seq grew, the last
// customer-facing message is the visitor's, and either unread grew or that message is newer than the held one (notes
// and system messages move neither; a read marker coalesced with the message, from a visible but unfocused console
// that has it open, resets unread but not the time).
function newVisitorMessage(previous: Conversation, delta: ConversationDelta): boolean {
  if (delta.rev < previous.rev || delta.lastSeq <= previous.lastSeq || delta.lastMessageSender !== 'visitor')
    return false;
  return delta.agentUnread > previous.agentUnread || later(delta.lastMessageAt, previous.lastMessageAt);
}

function later(a: string | null, b: string | null): boolean {
  return a !== null && (b === null || Date.parse(a) > Date.parse(b));
}

/** Whether an unknown conversation's delta may bring a notice once fetched (worth fetching even if the filters hide it). */
export function mayNotify(delta: ConversationDelta, me: string): boolean {
  return delta.lastMessageSender === 'visitor' && delta.agentUnread > 0 && concernsMe(delta, me);
}

/** The notices for an inbox signal: new conversations and visitor messages in yours or unassigned ones, except the one the agent is looking at. */
export function noticesFor(signal: InboxSignal, ctx: NotifyContext): Notice[] {
  return rawNotices(signal)
    .filter(({ who, conversationId }) => concernsMe(who, ctx.me) && !(ctx.focused && ctx.openId === conversationId))
    .map(({ who: _who, ...notice }) => notice);
}

type Raw = Notice & { who: Pick<Conversation, 'assigneeId'> };

function rawNotices(signal: InboxSignal): Raw[] {
  if (signal.type === 'fetched')
    return unreadFromVisitor(signal.conversation) ? [messageNotice(signal.conversation)] : [];
  const { event, previous } = signal;
  if (event.type === 'conversation.created') {
    const c = event.conversation;
    const created: Raw = {
      kind: 'conversation',
      title: t.notifyNewConversation,
      body: visitorLabel(c),
      conversationId: c.id,
      lastSeq: c.lastSeq,
      who: c,
    };
    // Created with its first message already in (an offline message, or coalesced at the source): that message too.
    return unreadFromVisitor(c) ? [created, messageNotice(c)] : [created];
  }
  if (event.type !== 'conversation.delta' || !previous || !newVisitorMessage(previous, event.delta)) return [];
  // The label comes from the held copy (a delta carries no visitor); text, seq and assignee from the delta.
  return [messageNotice(mergeDelta(previous, event.delta))];
}

function unreadFromVisitor(c: Conversation): boolean {
  return c.lastMessageSender === 'visitor' && c.agentUnread > 0;
}

function messageNotice(c: Conversation): Raw {
  const body = truncateText(c.lastMessagePreview ?? '', 140, '…');
  return {
    kind: 'message',
    title: t.notifyNewMessage(visitorLabel(c)),
    body,
    conversationId: c.id,
    lastSeq: c.lastSeq,
    who: c,
  };
}

/** Remembers what was notified per conversation, so one message never notifies twice (a delta, then its fetch). */
export class NoticeGate {
  private readonly seen = new Map<string, number>();
  /** True the first time a conversation is announced, or a message notice for a later seq than any before comes through. */
  pass(notice: Notice): boolean {
    const key = `${notice.kind}:${notice.conversationId}`;
    const seen = this.seen.get(key);
    if (seen !== undefined && (notice.kind === 'conversation' || seen >= notice.lastSeq)) return false;
    this.seen.set(key, notice.lastSeq);
    return true;
  }
}

/** Which channels a notice goes out on, given the agent's preferences and the browser's permission. */
export function channels(
  prefs: Preferences,
  permission: NotificationPermission | 'unsupported',
): { desktop: boolean; sound: boolean } {
  return { desktop: prefs.desktop && permission === 'granted', sound: prefs.sound };
}

/** The tab title: the unread count in front unless the agent turned it off. */
export function tabTitle(appName: string, unread: number, prefs: Preferences): string {
  return prefs.title && unread > 0 ? `(${unread}) ${appName}` : appName;
}
