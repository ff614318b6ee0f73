// Counters of the message path's work, for `npm run bench` (docs/performance.md). Cheap enough to
// keep on everywhere (a Map increment); only read through /api/dev/counters when PARLEY_COUNTERS=1.
// Locally the Worker and every Durable Object share one isolate, so one module-level map sees them all.

/** What is counted: D1 statements and calls, SiteDO RPCs and frames, stored messages, DO SQLite rows. */
export type CounterName =
  | 'messages' // messages stored by ConversationDOs (the denominator)
  | 'd1.statements' // SQL statements sent to D1 (a batch counts each of its statements)
  | 'd1.calls' // round trips to D1 (a batch is one)
  | 'site.calls' // RPCs received by SiteDOs (publish, presence, autoAssign, ...)
  | 'relay.calls' // events received by a site's relays (realtime/RelayDO.ts)
  | 'site.frames' // frames sent on agents' site sockets
  | 'conversation.rowsRead'; // rows read by ConversationDOs' SQLite

const counts = new Map<CounterName, number>();

/** Add `n` (default 1) to a counter. */
export function count(name: CounterName, n = 1) {
  counts.set(name, (counts.get(name) ?? 0) + n);
}

/** Every counter's value since the last reset. */
export function readCounters(): Partial<Record<CounterName, number>> {
  return Object.fromEntries(counts);
}

/** Start counting from zero (the bench resets between load steps). */
export function resetCounters() {
  counts.clear();
}
