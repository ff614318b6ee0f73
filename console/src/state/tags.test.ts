import { describe, expect, it } from 'vitest';
import { addTags, parseTags, removeTag, TAGS_MAX } from './tags';

describe('tags', () => {
  it('splits on commas, trims, lower-cases and dedupes', () => {
    expect(parseTags(' VIP, billing ,,vip ')).toEqual(['vip', 'billing']);
    expect(parseTags('   ')).toEqual([]);
  });
  it('cuts tags to 40 characters', () => {
    expect(parseTags('x'.repeat(50))[0]).toHaveLength(40);
  });
  it('adds only new tags and stops at the maximum', () => {
    expect(addTags(['vip'], 'VIP, refund')).toEqual(['vip', 'refund']);
    const full = Array.from({ length: TAGS_MAX }, (_, i) => `t${i}`);
    expect(addTags(full, 'one-more')).toEqual(full);
  });
  it('removes a tag', () => {
    expect(removeTag(['a', 'b'], 'a')).toEqual(['b']);
  });
});
