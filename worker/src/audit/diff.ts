/** One changed field in an audit entry's detail: the value before and after (JSON values). */
export type FieldChange = { from: unknown; to: unknown };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The fields of `after` whose values differ from `before`, as `{field: {from, to}}` (undefined becomes null).
 * With `prefix`, nested objects are compared one level down and named `prefix.key` (site settings:
 * `settings.color`), so an entry says which setting changed rather than repeating all of them.
 */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  prefix = '',
): Record<string, FieldChange> {
  const out: Record<string, FieldChange> = {};
  for (const [key, to] of Object.entries(after)) {
    const from = before[key];
    if (to === undefined || same(from, to)) continue;
    out[prefix ? `${prefix}.${key}` : key] = { from: from ?? null, to };
  }
  return out;
}

/** Whether a change set is empty (nothing to record). */
export const isEmpty = (changes: Record<string, FieldChange>) => Object.keys(changes).length === 0;
