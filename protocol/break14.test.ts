// Issue 14 break tests (an outside tester's): each fails on the code as found.
import { describe, expect, it } from 'vitest';
import { shortcodes } from './emoji';
import { type FormatNode, type FormatTag, parse } from './format';

const links = (nodes: FormatNode[]): FormatTag[] =>
  nodes.flatMap((n) => (typeof n === 'string' ? [] : n.t === 'a' ? [n] : links(n.c)));

describe('break14: emoji shortcodes', () => {
  it('leaves names of Object.prototype as typed', () => {
    for (const code of [':constructor:', ':toString:', ':__proto__:', ':hasOwnProperty:', ':valueOf:'])
      expect(shortcodes(`a ${code} b`)).toBe(`a ${code} b`);
  });
});

describe('break14: links', () => {
  it('never makes a link whose text holds a bidi override (a spoofed address)', () => {
    // Shown as "https://example.com/evil.com" reversed tail: the reader sees a domain that is not the link's.
    for (const ch of ['\u202e', '\u202d', '\u2066', '\u2067', '\u200f']) {
      const found = links(parse(`see https://good.example${ch}moc.live.example/ x`));
      for (const a of found) expect(a.href).not.toContain(ch);
    }
  });

  it('keeps a parenthesised URL inside parentheses without the closing one', () => {
    const found = links(parse('(see https://en.wikipedia.org/wiki/Foo_(bar))'));
    expect(found.map((a) => a.href)).toEqual(['https://en.wikipedia.org/wiki/Foo_(bar)']);
  });
});

describe('break14: shortcodes leave code and addresses alone', () => {
  it('does not rewrite a URL or a code span that happens to hold :x: or :100:', () => {
    expect(shortcodes('see https://example.com/a:x:b')).toBe('see https://example.com/a:x:b');
    expect(shortcodes('run `grep :100: log`')).toBe('run `grep :100: log`');
  });
});

describe('break14: a link shows the host it goes to', () => {
  it('makes no link of an address whose userinfo poses as the host (good.example@evil.example)', () => {
    for (const text of ['https://good.example@evil.example/login', 'www.good.example@evil.example']) {
      for (const a of links(parse(`pay at ${text}`))) expect(new URL(a.href!).username).toBe('');
    }
  });
});
