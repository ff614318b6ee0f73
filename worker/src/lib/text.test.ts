import { describe, expect, it } from 'vitest';
import { wellFormed } from '../lib/clean';
import { truncateFilename, truncateText } from '../../../protocol/text';

/** Whether a string has a lone surrogate (what a cut inside an emoji leaves). */
const broken = (s: string) => wellFormed(s) !== s;

describe('truncateText cuts on whole characters', () => {
  const cases: [string, string][] = [
    ['emoji', '😀'],
    ['ZWJ family', '👩‍👩‍👧‍👦'],
    ['flag', '🇫🇷'],
    ['skin tone', '👍🏽'],
    ['combining marks', 'e\u0301\u0302'],
    ['keycap', '1\uFE0F\u20E3'],
  ];
  for (const [name, ch] of cases) {
    it(`never splits a ${name}`, () => {
      for (let pad = 130; pad <= 140; pad++) {
        const text = 'a'.repeat(pad) + ch + 'tail';
        const out = truncateText(text, 140);
        expect(out.length).toBeLessThanOrEqual(140);
        expect(broken(out)).toBe(false);
        // Either the whole character is kept or none of it.
        expect(out === 'a'.repeat(pad) || out.startsWith('a'.repeat(pad) + ch)).toBe(true);
      }
    });
  }

  it('leaves short text alone and adds the ellipsis within the limit', () => {
    expect(truncateText('hello', 5, '…')).toBe('hello');
    expect(truncateText('hello world', 8, '…')).toBe('hello w…');
    expect(truncateText('ab😀cd', 4, '…')).toBe('ab…');
  });

  it('cuts a single huge cluster between code points, never inside a pair', () => {
    const zalgo = 'a' + '\u0301'.repeat(500);
    expect(truncateText(zalgo, 10)).toBe(zalgo.slice(0, 10));
    const odd = '😀'.repeat(3); // three clusters; room for 1.5 of them
    expect(truncateText(odd, 3)).toBe('😀');
    expect(truncateText('👩‍👩‍👧‍👦', 3)).toBe('👩\u200d');
    expect(broken(truncateText('👩‍👩‍👧‍👦', 4))).toBe(false);
  });
});

describe('truncateFilename', () => {
  it('keeps the extension and whole characters (199 letters + emoji + .txt)', () => {
    const name = 'a'.repeat(199) + '😀.txt';
    const out = truncateFilename(name, 200);
    expect(out).toBe('a'.repeat(196) + '.txt');
    expect(broken(out)).toBe(false);
  });
  it('leaves short names alone and treats a long tail as part of the name', () => {
    expect(truncateFilename('report.pdf', 200)).toBe('report.pdf');
    expect(truncateFilename('x'.repeat(30) + '.' + 'y'.repeat(30), 20)).toBe('x'.repeat(20));
  });
});
