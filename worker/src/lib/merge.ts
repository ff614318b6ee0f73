/** A plain JSON object (not an array, not null). */
const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * `patch` laid over `base` at every depth: nested objects merge key by key (a PATCH of one nested field keeps its
 * siblings), while arrays, null and other values replace what was there. Inputs are not mutated.
 * Recursion follows `patch`, whose depth cleanInput has already bounded (lib/clean.ts).
 */
export function mergeDeep(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch === undefined ? base : patch;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) out[k] = mergeDeep(base[k], v);
  return out;
}
