// The saturation search: the highest total rate whose p99 stays under the limit with nothing
// lost, unacked or refused. Conversations grow geometrically from the last passing step, then
// one or two bisections, within a time budget.

/** Whether a step stayed within the latency limit and delivered everything. */
export function passes(step, p99Limit) {
  return (
    !step.overloaded &&
    step.lost === 0 &&
    step.unacked === 0 &&
    step.refused <= step.sent * 0.001 &&
    step.latency.p99 !== null &&
    step.latency.p99 < p99Limit
  );
}

/**
 * Search from the fixed steps' results. `probe(conversations)` runs one step and returns it.
 * Returns { rate, below, above, probes, capped } where `rate` is the highest passing total rate
 * (msg/s) and `above` the lowest failing one (null when none failed).
 */
export async function searchSaturation(fixed, { ratePerSide, p99Limit, budgetSeconds, maxConversations, probe }) {
  const rate = (c) => c * 2 * ratePerSide;
  let lo = 0;
  let hi = null;
  for (const s of fixed) {
    if (passes(s, p99Limit)) lo = Math.max(lo, s.conversations);
    else if (hi === null || s.conversations < hi) hi = s.conversations;
  }
  if (hi !== null && hi < lo) hi = null; // a failing small step below a passing bigger one: noise; search upwards
  const deadline = Date.now() + budgetSeconds * 1000;
  const probes = [];
  let capped = false;
  const tryAt = async (c) => {
    const step = await probe(c);
    probes.push(step);
    if (passes(step, p99Limit)) lo = Math.max(lo, c);
    else hi = hi === null ? c : Math.min(hi, c);
  };
  // Upwards while everything passes.
  while (hi === null && Date.now() < deadline) {
    const next = Math.min(maxConversations, Math.round(Math.max(lo, 5) * 1.6));
    if (next <= lo) {
      capped = true;
      break;
    }
    await tryAt(next);
  }
  // Then bisect (geometrically) while the bracket is wider than 20 %.
  for (let i = 0; i < 3 && hi !== null && Date.now() < deadline; i++) {
    const mid = lo ? Math.round(Math.sqrt(lo * hi)) : Math.floor(hi / 2);
    if (mid <= lo || mid >= hi || (lo && hi / lo < 1.2) || mid < 2) break;
    await tryAt(mid);
  }
  return { rate: rate(lo), below: lo, above: hi, aboveRate: hi === null ? null : rate(hi), probes, capped };
}
