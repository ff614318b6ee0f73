import { describe, expect, it } from 'vitest';
import { makeConversation } from './fixture';
import {
  dayRangeQuery,
  deltaMayMatch,
  filtersToQuery,
  hasFilters,
  matchesFilters,
  mayList,
  noFilters,
  type InboxFilters,
} from './filters';

const f = (extra: Partial<InboxFilters>): InboxFilters => ({ ...noFilters, ...extra });
// Activity at 2026-01-01 00:30 UTC; date bounds are local, so tests build them from local dates too.
const conv = (extra = {}) => makeConversation('a', 30, extra);
const localDay = (iso: string) => {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

describe('filtersToQuery', () => {
  it('leaves out empty filters and the "all" assignee', () => {
    expect(filtersToQuery(noFilters)).toEqual({});
    expect(hasFilters(noFilters)).toBe(false);
  });
  it('passes every set filter, normalising tag and q', () => {
    expect(
      filtersToQuery(
        f({ status: 'waiting', assignee: 'me', department: 'd1', priority: 'high', tag: ' VIP ', q: '  refund ' }),
      ),
    ).toEqual({
      status: 'waiting',
      assignee: 'me',
      department: 'd1',
      priority: 'high',
      tag: 'vip',
      q: 'refund',
    });
    expect(hasFilters(f({ q: 'x' }))).toBe(true);
  });
  it('turns local days into an inclusive ISO range', () => {
    const range = dayRangeQuery('2026-03-10', '2026-03-12');
    expect(range.from).toBe(new Date(2026, 2, 10).toISOString());
    expect(range.to).toBe(new Date(2026, 2, 13).toISOString());
    expect(filtersToQuery(f({ from: '2026-03-10' }))).toEqual({ from: new Date(2026, 2, 10).toISOString() });
  });
  it('ignores malformed dates', () => {
    expect(dayRangeQuery('yesterday', '')).toEqual({});
  });
});

describe('matchesFilters', () => {
  it('accepts anything without filters', () => {
    expect(matchesFilters(conv(), noFilters, 'me1')).toBe(true);
  });
  it('checks status, priority and department', () => {
    expect(matchesFilters(conv({ status: 'waiting' }), f({ status: 'waiting' }), 'me1')).toBe(true);
    expect(matchesFilters(conv({ status: 'active' }), f({ status: 'waiting' }), 'me1')).toBe(false);
    expect(matchesFilters(conv({ priority: 'urgent' }), f({ priority: 'urgent' }), 'me1')).toBe(true);
    expect(matchesFilters(conv({ priority: 'low' }), f({ priority: 'urgent' }), 'me1')).toBe(false);
    expect(matchesFilters(conv({ departmentId: 'd1' }), f({ department: 'd1' }), 'me1')).toBe(true);
    expect(matchesFilters(conv({ departmentId: 'd2' }), f({ department: 'd1' }), 'me1')).toBe(false);
  });
  it('checks the assignee: me, unassigned, a given agent', () => {
    expect(matchesFilters(conv({ assigneeId: 'me1' }), f({ assignee: 'me' }), 'me1')).toBe(true);
    expect(matchesFilters(conv({ assigneeId: 'ag2' }), f({ assignee: 'me' }), 'me1')).toBe(false);
    expect(matchesFilters(conv({ assigneeId: null }), f({ assignee: 'unassigned' }), 'me1')).toBe(true);
    expect(matchesFilters(conv({ assigneeId: 'ag2' }), f({ assignee: 'unassigned' }), 'me1')).toBe(false);
    expect(matchesFilters(conv({ assigneeId: 'ag2' }), f({ assignee: 'ag2' }), 'me1')).toBe(true);
    expect(matchesFilters(conv({ assigneeId: null }), f({ assignee: 'ag2' }), 'me1')).toBe(false);
  });
  it('matches tags case-insensitively', () => {
    expect(matchesFilters(conv({ tags: ['vip', 'billing'] }), f({ tag: 'Billing' }), 'me1')).toBe(true);
    expect(matchesFilters(conv({ tags: ['vip'] }), f({ tag: 'billing' }), 'me1')).toBe(false);
  });
  it('keeps the last activity inside the local day range', () => {
    const day = localDay(conv().lastMessageAt!);
    expect(matchesFilters(conv(), f({ from: day, to: day }), 'me1')).toBe(true);
    const next = new Date(conv().lastMessageAt!);
    next.setDate(next.getDate() + 1);
    expect(matchesFilters(conv(), f({ from: localDay(next.toISOString()) }), 'me1')).toBe(false);
    const prev = new Date(conv().lastMessageAt!);
    prev.setDate(prev.getDate() - 1);
    expect(matchesFilters(conv(), f({ to: localDay(prev.toISOString()) }), 'me1')).toBe(false);
  });
  it('leaves conversations without messages out of a date range, as the server does', () => {
    const day = localDay(conv().lastMessageAt!);
    expect(matchesFilters(conv({ lastMessageAt: null }), f({ from: day }), 'me1')).toBe(false);
    expect(matchesFilters(conv({ lastMessageAt: null }), noFilters, 'me1')).toBe(true);
  });
  it('ignores q, which only the server can check', () => {
    expect(matchesFilters(conv(), f({ q: 'anything' }), 'me1')).toBe(true);
  });
});

describe('deltaMayMatch and mayList', () => {
  it('answers status, assignee and dates from the fields a delta carries', () => {
    expect(deltaMayMatch(conv({ status: 'waiting' }), f({ status: 'waiting' }), 'me1')).toBe(true);
    expect(deltaMayMatch(conv({ status: 'active' }), f({ status: 'waiting' }), 'me1')).toBe(false);
    expect(deltaMayMatch(conv({ assigneeId: 'ag2' }), f({ assignee: 'me' }), 'me1')).toBe(false);
    expect(deltaMayMatch(conv({ assigneeId: null }), f({ assignee: 'unassigned' }), 'me1')).toBe(true);
    const next = new Date(conv().lastMessageAt!);
    next.setDate(next.getDate() + 1);
    expect(deltaMayMatch(conv(), f({ from: localDay(next.toISOString()) }), 'me1')).toBe(false);
  });
  it('cannot rule out what a delta does not carry (department, priority, tag)', () => {
    expect(
      deltaMayMatch(
        conv({ departmentId: 'd2', priority: 'low' }),
        f({ department: 'd1', priority: 'urgent', tag: 'vip' }),
        'me1',
      ),
    ).toBe(true);
    expect(matchesFilters(conv({ departmentId: 'd2' }), f({ department: 'd1' }), 'me1')).toBe(false);
  });
  it('lists nothing new while a search is set', () => {
    expect(mayList(conv(), noFilters, 'me1')).toBe(true);
    expect(mayList(conv(), f({ q: 'refund' }), 'me1')).toBe(false);
    expect(mayList(conv({ status: 'active' }), f({ status: 'waiting' }), 'me1')).toBe(false);
  });
});
