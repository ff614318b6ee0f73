import { describe, expect, it } from 'vitest';
import { parseOrigins } from './sites';

describe('parseOrigins', () => {
  it('takes one origin per line, trimming blanks, trailing slashes and duplicates', () => {
    expect(parseOrigins(' https://a.com/ \n\nhttps://*.b.com\nhttps://a.com\n')).toEqual([
      'https://a.com',
      'https://*.b.com',
    ]);
  });
  it('accepts commas too and returns [] for nothing', () => {
    expect(parseOrigins('https://a.com, https://b.com')).toEqual(['https://a.com', 'https://b.com']);
    expect(parseOrigins('  \n ')).toEqual([]);
  });
});
