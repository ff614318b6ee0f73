import { describe, expect, it } from 'vitest';
import { exportFiles, exportSearch, findBy, rowCounter } from './privacy';

describe('privacy page helpers', () => {
  it('downloads one JSON Lines file or two CSV files, with only the filters set', () => {
    expect(exportFiles({ siteId: '', from: '', to: '', format: 'jsonl' })).toEqual([
      { name: 'conversations.jsonl', query: { format: 'jsonl' } },
    ]);
    const csv = exportFiles({ siteId: 's1', from: '2025-01-01', to: '', format: 'csv' });
    expect(csv.map((f) => f.name)).toEqual(['conversations.csv', 'messages.csv']);
    expect(exportSearch(csv[1]!.query)).toBe('format=csv&siteId=s1&from=2025-01-01&part=messages');
  });

  it('counts rows across chunks, without the CSV header, never past the total', () => {
    const jsonl = rowCounter('jsonl', 3);
    expect(jsonl('{"a":1}\n{"b"')).toBe(1);
    expect(jsonl(':2}\n')).toBe(2);
    expect(jsonl('{}\n{}\n')).toBe(3);
    const csv = rowCounter('csv', 10);
    expect(csv('id,name\r\n1,a\r\n')).toBe(1);
  });

  it('tells an email from an id', () => {
    expect(findBy(' ana@example.com ')).toEqual({ email: 'ana@example.com' });
    expect(findBy('vi_123')).toEqual({ id: 'vi_123' });
  });
});
