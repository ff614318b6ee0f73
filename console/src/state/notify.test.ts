import { describe, expect, it } from 'vitest';
import type { Conversation, SiteEvent } from '../../../protocol';
import { makeConversation, makeDelta } from './fixture';
import { channels, mayNotify, noticesFor, NoticeGate, tabTitle, type InboxSignal, type NotifyContext } from './notify';

/** The first notice, or null. */
const noticeFor = (signal: InboxSignal, c: NotifyContext) => noticesFor(signal, c)[0] ?? null;

const ctx = { me: 'me', openId: null, focused: true };
const event = (e: SiteEvent, previous?: Conversation): InboxSignal => ({ type: 'event', event: e, previous });
const created = (assigneeId: string | null = null) =>
  event({ type: 'conversation.created', conversation: makeConversation('c1', 0, { assigneeId }) });
// Held: seq 4, nothing unread, "Ada"; the delta brings seq 5 from the visitor, unread 1.
const held = (extra: Partial<Conversation> = {}) =>
  makeConversation('c1', 4, {
    agentUnread: 0,
    agentReadSeq: 4,
    lastMessageSender: 'agent',
    visitor: { id: 'v', name: 'Ada', email: null },
    ...extra,
  });
const posted = (extra: Partial<Conversation> = {}, previous: Conversation | undefined = held()) =>
  event(
    {
      type: 'conversation.delta',
      delta: makeDelta('c1', 5, {
        agentUnread: 1,
        agentReadSeq: 4,
        lastMessagePreview: 'Where is my order?',
        ...extra,
      }),
    },
    previous,
  );

describe('noticeFor', () => {
  it('tells about new conversations that are unassigned or mine', () => {
    expect(noticeFor(created(), ctx)).toMatchObject({ title: 'New conversation', conversationId: 'c1' });
    expect(noticeFor(created('me'), ctx)).not.toBeNull();
    expect(noticeFor(created('someone-else'), ctx)).toBeNull();
  });
  it('also tells the first message of a conversation created with it (an offline message, or coalesced)', () => {
    const c = makeConversation('c1', 1, {
      agentUnread: 1,
      lastMessagePreview: 'Call me back',
      visitor: { id: 'v', name: 'Bo', email: null },
    });
    expect(
      noticesFor(event({ type: 'conversation.created', conversation: c }), ctx).map((n) => [n.kind, n.body]),
    ).toEqual([
      ['conversation', 'Bo'],
      ['message', 'Call me back'],
    ]);
  });
  it('tells about a new visitor message from a delta, labelled from the held copy', () => {
    expect(noticesFor(posted(), ctx)).toEqual([
      { kind: 'message', title: 'New message from Ada', body: 'Where is my order?', conversationId: 'c1', lastSeq: 5 },
    ]);
  });
  it("says nothing for agents' messages, read markers, deletions or a stale delta", () => {
    expect(noticeFor(posted({ lastMessageSender: 'agent' }), ctx)).toBeNull();
    expect(noticeFor(posted({ lastMessageSender: 'system' }), ctx)).toBeNull();
    // A read marker or a deletion: the last seq did not grow.
    expect(noticeFor(posted({}, held({ lastSeq: 5, rev: 4 })), ctx)).toBeNull();
    expect(noticeFor(posted({}, held({ rev: 9 })), ctx)).toBeNull();
  });
  it('says nothing for a note or system message after an unread visitor message (the last message stays the same)', () => {
    const before = held({ lastMessageSender: 'visitor', agentUnread: 1, agentReadSeq: 3 });
    expect(
      noticeFor(posted({ agentUnread: 1, agentReadSeq: 3, lastMessageAt: before.lastMessageAt }, before), ctx),
    ).toBeNull();
  });
  it('tells when the agent read in between, so unread restarted below the held count', () => {
    expect(
      noticeFor(posted({ agentUnread: 1, agentReadSeq: 4 }, held({ agentUnread: 3, agentReadSeq: 1 })), ctx),
    ).not.toBeNull();
  });
  it('tells when a read marker came in the same window (a visible, unfocused console with it open)', () => {
    expect(
      noticeFor(posted({ agentUnread: 0, agentReadSeq: 5 }), { ...ctx, openId: 'c1', focused: false }),
    ).not.toBeNull();
  });
  it('needs the held copy: a delta for an unknown conversation waits for its fetch', () => {
    const unknown = event({ type: 'conversation.delta', delta: makeDelta('c1', 5, { agentUnread: 1 }) }, undefined);
    expect(unknown.type === 'event' && unknown.previous).toBe(undefined);
    expect(noticeFor(unknown, ctx)).toBeNull();
  });
  it('skips conversations assigned to someone else, going by the newest assignee', () => {
    expect(noticeFor(posted({ assigneeId: 'other' }), ctx)).toBeNull();
    expect(noticeFor(posted({ assigneeId: 'me' }, held({ assigneeId: 'other' })), ctx)).not.toBeNull();
  });
  it('skips the conversation open on screen while the tab is focused, not when it is in the background', () => {
    expect(noticeFor(posted(), { ...ctx, openId: 'c1' })).toBeNull();
    expect(noticeFor(posted(), { ...ctx, openId: 'c1', focused: false })).not.toBeNull();
    expect(noticeFor(posted(), { ...ctx, openId: 'c2' })).not.toBeNull();
  });
  it('ignores whole-copy updates', () => {
    expect(
      noticeFor(
        event({ type: 'conversation.updated', conversation: makeConversation('c1', 5, { agentUnread: 1 }) }, held()),
        ctx,
      ),
    ).toBeNull();
  });
  it("tells about a fetched conversation whose last message is the visitor's and unread", () => {
    const fetched = (extra: Partial<Conversation>): InboxSignal => ({
      type: 'fetched',
      conversation: makeConversation('c1', 7, extra),
    });
    expect(noticeFor(fetched({ agentUnread: 2, lastMessagePreview: 'Hi' }), ctx)).toMatchObject({
      body: 'Hi',
      lastSeq: 7,
    });
    expect(noticeFor(fetched({ agentUnread: 0 }), ctx)).toBeNull();
    expect(noticeFor(fetched({ agentUnread: 2, lastMessageSender: 'agent' }), ctx)).toBeNull();
    expect(noticeFor(fetched({ agentUnread: 2, assigneeId: 'other' }), ctx)).toBeNull();
  });
});

describe('mayNotify', () => {
  it('wants a fetch for unread visitor messages in mine or unassigned conversations only', () => {
    expect(mayNotify(makeDelta('c1', 5, { agentUnread: 1 }), 'me')).toBe(true);
    expect(mayNotify(makeDelta('c1', 5, { agentUnread: 0 }), 'me')).toBe(false);
    expect(mayNotify(makeDelta('c1', 5, { agentUnread: 1, lastMessageSender: 'agent' }), 'me')).toBe(false);
    expect(mayNotify(makeDelta('c1', 5, { agentUnread: 1, assigneeId: 'other' }), 'me')).toBe(false);
  });
});

describe('NoticeGate', () => {
  it('lets each message of a conversation through once', () => {
    const gate = new NoticeGate();
    const delta = noticeFor(posted(), ctx)!;
    expect(gate.pass(delta)).toBe(true);
    // The same message again, from the fetch of a copy or a replayed delta.
    const fetched = noticeFor({ type: 'fetched', conversation: makeConversation('c1', 5, { agentUnread: 1 }) }, ctx)!;
    expect(gate.pass(fetched)).toBe(false);
    expect(gate.pass(delta)).toBe(false);
    expect(gate.pass({ ...delta, lastSeq: 6 })).toBe(true);
    expect(gate.pass({ ...delta, conversationId: 'c2' })).toBe(true);
  });
  it('announces a conversation once, and still lets its first message through', () => {
    const gate = new NoticeGate();
    expect(gate.pass(noticeFor(created(), ctx)!)).toBe(true);
    expect(gate.pass(noticeFor(created(), ctx)!)).toBe(false);
    expect(gate.pass({ ...noticeFor(posted(), ctx)!, lastSeq: 0 })).toBe(true);
  });
});

describe('channels and tabTitle', () => {
  const all = { desktop: true, sound: true, title: true };
  it('shows desktop notifications only when wanted and allowed', () => {
    expect(channels(all, 'granted')).toEqual({ desktop: true, sound: true });
    expect(channels(all, 'default').desktop).toBe(false);
    expect(channels({ ...all, desktop: false, sound: false }, 'granted')).toEqual({ desktop: false, sound: false });
  });
  it('puts the unread count in the title unless turned off', () => {
    expect(tabTitle('Parley', 3, all)).toBe('(3) Parley');
    expect(tabTitle('Parley', 0, all)).toBe('Parley');
    expect(tabTitle('Parley', 3, { ...all, title: false })).toBe('Parley');
  });
});
