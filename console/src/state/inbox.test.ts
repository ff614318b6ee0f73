import { describe, expect, it } from 'vitest';
import type { ConversationDelta, SiteEvent } from '../../../protocol';
import { noFilters } from './filters';
import { makeConversation, makeDelta } from './fixture';
import { applyEvents } from './live';
import {
  mergeDelta,
  previewLine,
  tabList,
  unreadCount,
  upsertConversations,
  visitorLabel,
  type ConversationMap,
} from './inbox';

const conv = makeConversation;
const empty: ConversationMap = new Map();
const deltaOf = makeDelta;
/** One site event applied the way the console does (state/live.ts), without filters. */
const applySiteEvent = (map: ConversationMap, event: SiteEvent) =>
  applyEvents({ map, outside: new Map() }, [event], noFilters, 'me').live.map;

describe('deltas', () => {
  it('merges the message fields into the held copy and keeps the rest', () => {
    const held = conv('a', 5, { tags: ['vip'], departmentId: 'd1', visitor: { id: 'v', name: 'Ada', email: null } });
    const merged = mergeDelta(held, deltaOf('a', 7, { lastMessagePreview: 'new', agentUnread: 3, assigneeId: 'ag1' }));
    expect(merged).toMatchObject({
      rev: 7,
      lastSeq: 7,
      lastMessagePreview: 'new',
      agentUnread: 3,
      assigneeId: 'ag1',
      tags: ['vip'],
      departmentId: 'd1',
    });
    expect(merged.visitor?.name).toBe('Ada');
  });
  it('ignores fields a delta carries beyond DELTA_FIELDS', () => {
    const merged = mergeDelta(conv('a', 5, { tags: ['vip'] }), { ...deltaOf('a', 6), tags: [] } as ConversationDelta);
    expect(merged.tags).toEqual(['vip']);
  });
  it('ignores an older delta, takes one of equal rev', () => {
    const held = conv('a', 5, { lastMessagePreview: 'newest' });
    expect(mergeDelta(held, deltaOf('a', 4, { lastMessagePreview: 'old' }))).toBe(held);
    expect(
      mergeDelta(held, deltaOf('a', 5, { agentUnread: 0, lastMessagePreview: 'same rev' })).lastMessagePreview,
    ).toBe('same rev');
  });
  it('leaves the map as it is for a stale delta', () => {
    const map = upsertConversations(empty, [conv('a', 5)]);
    expect(applySiteEvent(map, { type: 'conversation.delta', delta: deltaOf('a', 3) })).toBe(map);
  });
});

describe('inbox lists', () => {
  it('sorts by newest activity first', () => {
    const map = upsertConversations(empty, [conv('a', 1), conv('b', 3), conv('c', 2)]);
    expect(tabList(map, 'active').map((c) => c.id)).toEqual(['b', 'c', 'a']);
  });
  it('moves an updated conversation to the top', () => {
    let map = upsertConversations(empty, [conv('a', 1), conv('b', 3)]);
    map = applySiteEvent(map, { type: 'conversation.delta', delta: deltaOf('a', 5) });
    expect(tabList(map, 'active').map((c) => c.id)).toEqual(['a', 'b']);
  });
  it('puts new conversations at the top', () => {
    let map = upsertConversations(empty, [conv('a', 1)]);
    map = applySiteEvent(map, { type: 'conversation.created', conversation: conv('n', 9) });
    expect(tabList(map, 'active')[0].id).toBe('n');
  });
  it('moves archived conversations between tabs', () => {
    let map = upsertConversations(empty, [conv('a', 1), conv('b', 2)]);
    map = applySiteEvent(map, {
      type: 'conversation.updated',
      conversation: conv('a', 1, { archivedAt: '2026-01-02T00:00:00Z', rev: 2 }),
    });
    expect(tabList(map, 'active').map((c) => c.id)).toEqual(['b']);
    expect(tabList(map, 'archived').map((c) => c.id)).toEqual(['a']);
  });
  it('ignores a stale copy from a slow REST page', () => {
    let map = upsertConversations(empty, [conv('a', 5)]);
    map = upsertConversations(map, [conv('a', 2)]);
    expect(map.get('a')?.lastSeq).toBe(5);
  });
  it('accepts a newer rev without new messages (read, archive)', () => {
    let map = upsertConversations(empty, [conv('a', 5, { agentUnread: 2 })]);
    map = upsertConversations(map, [conv('a', 5, { agentUnread: 0, rev: 6 })]);
    expect(map.get('a')?.agentUnread).toBe(0);
  });
  it('leaves a delta for a conversation it does not hold to the caller', () => {
    const map = upsertConversations(empty, [conv('a', 1)]);
    expect(applySiteEvent(map, { type: 'conversation.delta', delta: deltaOf('z', 9) })).toBe(map);
  });
  it('counts unread conversations from merged deltas (tab title)', () => {
    let map = upsertConversations(empty, [conv('a', 1), conv('b', 2)]);
    map = applySiteEvent(map, { type: 'conversation.delta', delta: deltaOf('a', 3, { agentUnread: 2 }) });
    expect(unreadCount(map)).toBe(1);
    map = applySiteEvent(map, {
      type: 'conversation.delta',
      delta: deltaOf('a', 4, { agentUnread: 0, agentReadSeq: 4 }),
    });
    expect(unreadCount(map)).toBe(0);
  });
  it('counts unread active conversations', () => {
    const map = upsertConversations(empty, [
      conv('a', 1, { agentUnread: 2 }),
      conv('b', 2),
      conv('c', 3, { agentUnread: 1, archivedAt: '2026-01-01T00:00:00Z' }),
    ]);
    expect(unreadCount(map)).toBe(1);
  });
});

describe('row text', () => {
  it('labels visitors by name or by the start of their id', () => {
    expect(visitorLabel(conv('a', 1, { visitor: { id: 'v', name: 'Ada', email: null } }))).toBe('Ada');
    expect(visitorLabel(conv('a', 1, { visitorId: '1234567890' }))).toBe('Visitor #123456');
    expect(visitorLabel(conv('a', 1, { visitorId: '1234567890', visitor: { id: 'v', name: '  ', email: null } }))).toBe(
      'Visitor #123456',
    );
    expect(visitorLabel(conv('a', 1, { visitorId: 'vi_abcdef123' }))).toBe('Visitor #abcdef');
  });
  it('prefixes "You: " when the agent side wrote last', () => {
    expect(previewLine(conv('a', 1, { lastMessageSender: 'agent', lastMessagePreview: 'On it' }))).toBe('You: On it');
    expect(previewLine(conv('a', 1, { lastMessageSender: 'visitor', lastMessagePreview: 'Help' }))).toBe('Help');
    expect(previewLine(conv('a', 1, { lastMessageSender: 'system', lastMessagePreview: 'Resolved' }))).toBe('Resolved');
  });
});
