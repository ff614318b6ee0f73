import { describe, expect, it } from 'vitest';
import { SiteClientFrame } from '../../../protocol/frames';
import { noFilters, type InboxFilters } from './filters';
import { sameScope, scopeFor, scopeFrame } from './scope';

describe('site socket scope from the inbox filters', () => {
  it('keeps me and unassigned, widens any other assignee to all, and carries the status filter', () => {
    expect(scopeFor(noFilters)).toEqual({ assignee: 'all' });
    expect(scopeFor({ ...noFilters, assignee: 'me' })).toEqual({ assignee: 'me' });
    expect(scopeFor({ ...noFilters, assignee: 'unassigned', status: 'waiting' })).toEqual({
      assignee: 'unassigned',
      status: 'waiting',
    });
    // One agent's conversations: the server scopes only by "me" or nobody, so a console watching a colleague takes all.
    expect(scopeFor({ ...noFilters, assignee: 'agent-42', status: 'active' })).toEqual({
      assignee: 'all',
      status: 'active',
    });
    expect(scopeFor({ ...noFilters, assignee: '' })).toEqual({ assignee: 'all' });
    expect(scopeFrame({ ...noFilters, assignee: 'me', status: 'resolved' })).toEqual({
      type: 'scope',
      assignee: 'me',
      status: 'resolved',
    });
    // What the console sends is what the site socket accepts.
    for (const assignee of ['all', 'me', 'unassigned', 'agent-42']) {
      const frame = scopeFrame({ ...noFilters, assignee, status: 'waiting' });
      expect(SiteClientFrame.parse(frame)).toEqual(frame);
    }
  });

  it('changes only with the assignee or status that reaches the scope', () => {
    const narrowed: InboxFilters = { ...noFilters, tag: 'vip', q: 'refund', department: 'd1' };
    expect(sameScope(noFilters, narrowed)).toBe(true);
    expect(sameScope(noFilters, { ...noFilters, assignee: 'agent-42' })).toBe(true);
    expect(sameScope(noFilters, { ...noFilters, assignee: 'me' })).toBe(false);
    expect(sameScope({ ...noFilters, assignee: 'me' }, { ...noFilters, assignee: 'me', status: 'waiting' })).toBe(
      false,
    );
  });
});
