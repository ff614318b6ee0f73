// Percentiles and number formatting for the bench's tables.

/** The q-quantile (0..1) of an ascending array; Infinity stands for "never arrived". */
export function quantile(sorted, q) {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** p50/p90/p99/max of latencies in ms (undelivered messages count as Infinity). */
export function percentiles(values) {
  const s = Float64Array.from(values).sort();
  return {
    p50: quantile(s, 0.5),
    p90: quantile(s, 0.9),
    p99: quantile(s, 0.99),
    max: s.length ? s[s.length - 1] : null,
  };
}

/** A latency for a table: "1.2", "340", "∞" (never arrived), "–" (nothing measured). */
export function ms(v) {
  if (v === null || v === undefined || Number.isNaN(v)) return '–';
  if (!Number.isFinite(v)) return '∞';
  return v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : String(Math.round(v));
}

/** A ratio or a small figure with two significant decimals; "–" when unknown. */
export function num(v, digits = 2) {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  return v >= 100 ? String(Math.round(v)) : v.toFixed(digits);
}

/** JSON-safe copy: Infinity becomes the string "Infinity" (JSON has no infinity). */
export function jsonSafe(value) {
  return JSON.parse(
    JSON.stringify(value, (_k, v) =>
      typeof v === 'number' && !Number.isFinite(v) && !Number.isNaN(v) ? String(v) : v,
    ),
  );
}
