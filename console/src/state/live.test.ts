import { describe, expect, it } from 'vitest';
import type { Conversation, SiteEvent } from '../../../protocol';
import { noFilters, type InboxFilters } from './filters';
import { makeConversation, makeDelta } from './fixture';
import { tabList, unreadCount } from './inbox';
import { applyEvents, applyFetched, clearList, emptyLive, listConversations, wantsFetch, type LiveInbox } from './live';

const f = (extra: Partial<InboxFilters>): InboxFilters => ({ ...noFilters, ...extra });
const listed = (...list: Conversation[]): LiveInbox => listConversations(emptyLive(), list);
const delta = (id: string, minute: number, extra: Partial<Conversation> = {}): SiteEvent => ({
  type: 'conversation.delta',
  delta: makeDelta(id, minute, extra),
});
const created = (c: Conversation): SiteEvent => ({ type: 'conversation.created', conversation: c });
const updated = (c: Conversation): SiteEvent => ({ type: 'conversation.updated', conversation: c });
const ids = (live: LiveInbox) => tabList(live.map, 'active').map((c) => c.id);

describe('applyEvents', () => {
  it('applies every event of a batch in order', () => {
    const start = listed(makeConversation('a', 1));
    const step = applyEvents(
      start,
      [created(makeConversation('n', 2)), delta('n', 3, { lastMessagePreview: 'first' }), delta('a', 4)],
      noFilters,
      'me',
    );
    expect(ids(step.live)).toEqual(['a', 'n']);
    expect(step.live.map.get('n')?.lastMessagePreview).toBe('first');
    expect(step.fetch).toEqual([]);
  });
  it('moves a conversation with a new message to the top, with its preview and unread count', () => {
    const start = listed(makeConversation('a', 1), makeConversation('b', 2));
    const { live } = applyEvents(
      start,
      [delta('a', 5, { lastMessagePreview: 'hello again', agentUnread: 3 })],
      noFilters,
      'me',
    );
    expect(ids(live)).toEqual(['a', 'b']);
    expect(live.map.get('a')).toMatchObject({ lastMessagePreview: 'hello again', agentUnread: 3, lastSeq: 5 });
    expect(unreadCount(live.map)).toBe(1);
  });
  it('leaves the state it was given untouched, and returns it when nothing changed', () => {
    const start = listed(makeConversation('a', 5));
    const step = applyEvents(start, [delta('a', 6), created(makeConversation('n', 7))], noFilters, 'me');
    expect(start.map.get('a')?.rev).toBe(5);
    expect(start.map.has('n')).toBe(false);
    expect(step.live.map.get('a')?.rev).toBe(6);
    expect(applyEvents(start, [delta('a', 4)], noFilters, 'me').live).toBe(start);
  });
  it('ignores a delta older than the held copy', () => {
    const start = listed(makeConversation('a', 5, { lastMessagePreview: 'new' }));
    expect(
      applyEvents(start, [delta('a', 3, { lastMessagePreview: 'old' })], noFilters, 'me').live.map.get('a')
        ?.lastMessagePreview,
    ).toBe('new');
  });
  it('keeps updating a listed conversation that stops matching (the list hides it)', () => {
    const start = listed(makeConversation('a', 1, { status: 'waiting' }));
    const { live } = applyEvents(start, [delta('a', 2, { status: 'active' })], f({ status: 'waiting', q: 'x' }), 'me');
    expect(live.map.get('a')?.status).toBe('active');
  });
  it('tells notifications each event with the copy held before it', () => {
    const held = makeConversation('a', 1);
    const { signals } = applyEvents(listed(held), [delta('a', 2), delta('z', 3)], noFilters, 'me');
    expect(signals.map((s) => s.type === 'event' && s.previous)).toEqual([held, undefined]);
  });
  it('lists a whole copy that matches, keeps one that does not outside (no fetch needed later)', () => {
    const filters = f({ department: 'd1' });
    const step = applyEvents(
      emptyLive(),
      [created(makeConversation('in', 1, { departmentId: 'd1' })), created(makeConversation('out', 1))],
      filters,
      'me',
    );
    expect([...step.live.map.keys()]).toEqual(['in']);
    expect([...step.live.outside.keys()]).toEqual(['out']);
    const next = applyEvents(step.live, [delta('out', 2, { lastMessagePreview: 'merged' })], filters, 'me');
    expect(next.fetch).toEqual([]);
    expect(next.live.outside.get('out')?.lastMessagePreview).toBe('merged');
  });
  it('lists a copy from outside once it matches', () => {
    const filters = f({ department: 'd1' });
    const start = applyEvents(emptyLive(), [created(makeConversation('c', 1))], filters, 'me').live;
    const { live } = applyEvents(start, [updated(makeConversation('c', 2, { departmentId: 'd1' }))], filters, 'me');
    expect([...live.map.keys()]).toEqual(['c']);
    expect(live.outside.size).toBe(0);
  });
  it('adds nothing new while a search is set', () => {
    const { live } = applyEvents(emptyLive(), [created(makeConversation('n', 1))], f({ q: 'refund' }), 'me');
    expect(live.map.size).toBe(0);
  });
  it('asks to fetch a conversation held nowhere that may match, once per batch entry', () => {
    const step = applyEvents(listed(makeConversation('a', 1)), [delta('z', 5)], noFilters, 'me');
    expect(step.fetch.map((d) => d.id)).toEqual(['z']);
    expect(step.live.map.has('z')).toBe(false);
  });
});

describe('wantsFetch', () => {
  const d = (extra: Partial<Conversation>) =>
    makeDelta('z', 5, { agentUnread: 0, lastMessageSender: 'agent', ...extra });
  it('fetches what may join the list, never while a search is set', () => {
    expect(wantsFetch(d({}), noFilters, 'me')).toBe(true);
    expect(wantsFetch(d({}), f({ q: 'refund' }), 'me')).toBe(false);
    expect(wantsFetch(d({ status: 'active' }), f({ status: 'waiting' }), 'me')).toBe(false);
    expect(wantsFetch(d({ assigneeId: 'other' }), f({ assignee: 'me' }), 'me')).toBe(false);
  });
  it('still fetches what may notify, even when the list would not show it', () => {
    const unread = d({ agentUnread: 1, lastMessageSender: 'visitor' });
    expect(wantsFetch(unread, f({ q: 'refund' }), 'me')).toBe(true);
    expect(wantsFetch(unread, f({ status: 'resolved' }), 'me')).toBe(true);
    expect(wantsFetch({ ...unread, assigneeId: 'other' }, f({ q: 'refund' }), 'me')).toBe(false);
  });
});

describe('applyFetched', () => {
  it('lists a fetched copy that matches, at the top', () => {
    const start = listed(makeConversation('a', 3));
    const { live, signal } = applyFetched(start, makeConversation('z', 9), noFilters, 'me');
    expect(ids(live)).toEqual(['z', 'a']);
    expect(signal).toEqual({ type: 'fetched', conversation: makeConversation('z', 9) });
  });
  it('keeps one that does not match outside, and never lists one while a search is set', () => {
    expect(
      applyFetched(emptyLive(), makeConversation('z', 9), f({ department: 'd1' }), 'me').live.outside.has('z'),
    ).toBe(true);
    const searched = applyFetched(emptyLive(), makeConversation('z', 9), f({ q: 'refund' }), 'me').live;
    expect(searched.map.has('z')).toBe(false);
    expect(searched.outside.has('z')).toBe(true);
  });
  it('does not replace a newer copy that arrived meanwhile', () => {
    const start = listed(makeConversation('z', 12, { lastMessagePreview: 'newer' }));
    const { live, signal } = applyFetched(start, makeConversation('z', 9), noFilters, 'me');
    expect(live.map.get('z')?.lastMessagePreview).toBe('newer');
    expect(signal.type === 'fetched' && signal.conversation.rev).toBe(12);
  });
});

describe('list resets', () => {
  it('keeps copies known outside when the filters change, and lists REST copies out of outside', () => {
    const cleared = clearList(listed(makeConversation('a', 1)));
    expect(cleared.map.size).toBe(0);
    expect(cleared.outside.has('a')).toBe(true);
    const relisted = listConversations(cleared, [makeConversation('a', 1)]);
    expect(relisted.map.has('a')).toBe(true);
    expect(relisted.outside.has('a')).toBe(false);
  });
});
