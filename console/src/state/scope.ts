// What the site socket should send this console: its scope follows the inbox filters' assignee and status
// (docs/protocol.md), so a big site's console is not sent every delta of every conversation.
import type { ScopeFrame, SiteScope } from '../../../protocol';
import type { InboxFilters } from './filters';

/** The scope for these filters: 'me' and 'unassigned' as they are, any other assignee (all, one agent) 'all'. */
export function scopeFor(filters: Pick<InboxFilters, 'assignee' | 'status'>): SiteScope {
  const assignee = filters.assignee === 'me' || filters.assignee === 'unassigned' ? filters.assignee : 'all';
  return filters.status ? { assignee, status: filters.status } : { assignee };
}

/** The frame that sets it (sent on every socket open and whenever it changes). */
export function scopeFrame(filters: Pick<InboxFilters, 'assignee' | 'status'>): ScopeFrame {
  return { type: 'scope', ...scopeFor(filters) };
}

/** Whether two filter sets ask for the same scope (a change of tag or search sends nothing). */
export function sameScope(
  a: Pick<InboxFilters, 'assignee' | 'status'>,
  b: Pick<InboxFilters, 'assignee' | 'status'>,
): boolean {
  const x = scopeFor(a);
  const y = scopeFor(b);
  return x.assignee === y.assignee && x.status === y.status;
}
