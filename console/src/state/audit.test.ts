import { describe, expect, it } from 'vitest';
import { detailLines, valueText } from './audit';

describe('audit details', () => {
  it('lists the facts, then each change as from → to', () => {
    const detail = {
      name: 'Ann',
      changes: { role: { from: 'agent', to: 'admin' }, allowedOrigins: { from: ['https://a.test'], to: [] } },
    };
    expect(detailLines({ detail })).toEqual(['name: Ann', 'role: agent → admin', 'allowedOrigins: https://a.test → —']);
  });

  it('shows other values as JSON, null as a dash, and cuts long values', () => {
    expect(valueText(null)).toBe('—');
    expect(valueText({ a: 1 })).toBe('{"a":1}');
    expect(valueText(5)).toBe('5');
    const long = valueText('x'.repeat(200));
    expect(long).toHaveLength(80);
    expect(long.endsWith('…')).toBe(true);
  });

  it('keeps markup as text (the page renders lines as text nodes)', () => {
    expect(detailLines({ detail: { reason: '<img src=x onerror=alert(1)>' } })).toEqual([
      'reason: <img src=x onerror=alert(1)>',
    ]);
  });
});
