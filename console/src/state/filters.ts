// Pure inbox filters: what the filter bar holds, how it becomes the inbox route's query,
// and whether a live conversation belongs in the filtered list (the server decides for REST pages; state/live.ts applies events).
import type { Conversation, ConversationDelta, ConversationStatus, Priority } from '../../../protocol';

/** The filter bar's values; '' means "any". Dates are <input type="date"> values (YYYY-MM-DD, local). */
export type InboxFilters = {
  status: '' | ConversationStatus;
  /** all, me, unassigned or an agent id. */
  assignee: string;
  department: string;
  priority: '' | Priority;
  tag: string;
  from: string;
  to: string;
  q: string;
};

/** No filter at all. */
export const noFilters: InboxFilters = {
  status: '',
  assignee: 'all',
  department: '',
  priority: '',
  tag: '',
  from: '',
  to: '',
  q: '',
};

/** The inbox route's query parameters for these filters (only the ones that filter something). */
export type InboxFilterQuery = {
  status?: ConversationStatus;
  assignee?: string;
  department?: string;
  priority?: Priority;
  tag?: string;
  from?: string;
  to?: string;
  q?: string;
};

/** Local midnight of a YYYY-MM-DD day, in ms; NaN for anything else. */
export function localDayStart(day: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return NaN;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).getTime();
}

// "To" a day means up to the end of that day, so the bound sent is the next local midnight.
function localDayEnd(day: string): number {
  const start = localDayStart(day);
  if (Number.isNaN(start)) return NaN;
  const d = new Date(start);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
}

/** Normalises a typed tag the way the server stores it (trimmed, lower case). */
export function normaliseTag(tag: string): string {
  return tag.trim().toLowerCase();
}

/** A from/to pair of local days as ISO bounds: from the first day's midnight to the midnight after the last day. */
export function dayRangeQuery(fromDay: string, toDay: string): { from?: string; to?: string } {
  const range: { from?: string; to?: string } = {};
  const from = localDayStart(fromDay);
  if (!Number.isNaN(from)) range.from = new Date(from).toISOString();
  const to = localDayEnd(toDay);
  if (!Number.isNaN(to)) range.to = new Date(to).toISOString();
  return range;
}

/** Filters → query parameters; empty values and the "all" assignee are left out. */
export function filtersToQuery(filters: InboxFilters): InboxFilterQuery {
  const query: InboxFilterQuery = {};
  if (filters.status) query.status = filters.status;
  if (filters.assignee && filters.assignee !== 'all') query.assignee = filters.assignee;
  if (filters.department) query.department = filters.department;
  if (filters.priority) query.priority = filters.priority;
  const tag = normaliseTag(filters.tag);
  if (tag) query.tag = tag;
  Object.assign(query, dayRangeQuery(filters.from, filters.to));
  const q = filters.q.trim();
  if (q) query.q = q;
  return query;
}

/** True when any filter narrows the list (the empty-state text depends on it). */
export function hasFilters(filters: InboxFilters): boolean {
  return Object.keys(filtersToQuery(filters)).length > 0;
}

/** The filters a delta's own fields can answer (status, assignee, dates): false means the whole conversation cannot match. */
export function deltaMayMatch(
  delta: Pick<ConversationDelta, 'status' | 'assigneeId' | 'lastMessageAt'>,
  filters: InboxFilters,
  me: string,
): boolean {
  if (filters.status && delta.status !== filters.status) return false;
  const assignee = filters.assignee || 'all';
  if (assignee === 'me' && delta.assigneeId !== me) return false;
  if (assignee === 'unassigned' && delta.assigneeId !== null) return false;
  if (assignee !== 'all' && assignee !== 'me' && assignee !== 'unassigned' && delta.assigneeId !== assignee)
    return false;
  const from = localDayStart(filters.from);
  const to = localDayEnd(filters.to);
  if (Number.isNaN(from) && Number.isNaN(to)) return true;
  // The server compares the last message time, so a conversation without messages is outside every range.
  if (!delta.lastMessageAt) return false;
  const at = Date.parse(delta.lastMessageAt);
  if (!Number.isNaN(from) && at < from) return false;
  if (!Number.isNaN(to) && at >= to) return false;
  return true;
}

/**
 * Whether a conversation passes every filter that can be checked on the client.
 * `q` cannot (the server searches message text), so it is ignored here; callers skip live inserts while q is set.
 */
export function matchesFilters(conversation: Conversation, filters: InboxFilters, me: string): boolean {
  if (!deltaMayMatch(conversation, filters, me)) return false;
  if (filters.department && conversation.departmentId !== filters.department) return false;
  if (filters.priority && conversation.priority !== filters.priority) return false;
  const tag = normaliseTag(filters.tag);
  if (tag && !conversation.tags.some((t) => t.toLowerCase() === tag)) return false;
  return true;
}

/** Whether an unlisted conversation may join the list now: it matches and no search is set (q is unknowable here). */
export function mayList(conversation: Conversation, filters: InboxFilters, me: string): boolean {
  return !filters.q.trim() && matchesFilters(conversation, filters, me);
}
