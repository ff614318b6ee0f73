// Pure helpers of the audit page: an entry's details as short lines of text.
import type { AuditEntry } from '../../../protocol';

const MAX_VALUE = 80;

/** A detail value as text: strings as they are, lists joined, the rest as JSON; long values cut. */
export function valueText(value: unknown): string {
  const text =
    value === null || value === undefined
      ? '—'
      : typeof value === 'string'
        ? value
        : Array.isArray(value) && value.every((v) => typeof v === 'string')
          ? value.join(', ') || '—'
          : JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

/**
 * The lines that describe an entry: `field: from → to` for each change, then the other facts
 * (`name: Ann`). Always text: the page renders each line as a text node, never as HTML.
 */
export function detailLines(entry: Pick<AuditEntry, 'detail'>): string[] {
  const { changes, ...facts } = entry.detail as { changes?: Record<string, { from: unknown; to: unknown }> };
  const lines = Object.entries(facts).map(([k, v]) => `${k}: ${valueText(v)}`);
  for (const [field, change] of Object.entries(changes ?? {})) {
    lines.push(`${field}: ${valueText(change?.from)} → ${valueText(change?.to)}`);
  }
  return lines;
}
