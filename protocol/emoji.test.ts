import { describe, expect, it } from 'vitest';
import { EMOJI, SHORTCODES, shortcodes } from './emoji';

describe('emoji shortcodes', () => {
  it('replaces known codes, GitHub and Slack names alike', () => {
    expect(shortcodes('thanks :+1: :tada:')).toBe('thanks 👍 🎉');
    expect(shortcodes(':thumbsup::-1:')).toBe('👍👎');
    expect(shortcodes(':smile: :heart: :100:')).toBe('😄 ❤️ 💯');
  });
  it('leaves unknown codes, times and half codes as typed', () => {
    expect(shortcodes(':nope: 10:30:00 a:b :smile')).toBe(':nope: 10:30:00 a:b :smile');
    expect(shortcodes('::')).toBe('::');
  });
  it('has a well-formed table: codes of word characters, one emoji each, and the pickers offer each emoji once', () => {
    for (const [code, emoji] of Object.entries(SHORTCODES)) {
      expect(code).toMatch(/^[\w+-]+$/);
      expect(emoji).toMatch(/^\p{Extended_Pictographic}\uFE0F?$/u);
    }
    expect(EMOJI.length).toBe(new Set(EMOJI).size);
    expect(EMOJI).toContain('👍');
  });
  it('takes linear time on long inputs', () => {
    const start = performance.now();
    shortcodes(':'.repeat(100000) + 'a:'.repeat(50000));
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
