import { describe, expect, it } from 'vitest';
import { cleanFilename } from '../files/upload';
import { cleanInput, headerText, MAX_DEPTH, logText, plainText, wellFormed } from './clean';

describe('text hygiene helpers', () => {
  it('headerText makes one line of anything: CR, LF, other controls, U+2028/U+2029', () => {
    expect(headerText('New message from Eve\r\nBcc: someone@example.net')).toBe(
      'New message from Eve Bcc: someone@example.net',
    );
    expect(headerText('a\u0000b\u0085c\u2028d\u2029e\tf\u007fg')).toBe('a b c d e f g');
    expect(headerText('ok \ud800')).toBe('ok \ufffd');
  });

  it('logText quotes one line and cuts long values on whole characters', () => {
    expect(logText('reply+x@evil\r\n[fake] entry')).toBe('"reply+x@evil [fake] entry"');
    const long = logText('a'.repeat(199) + '😀😀');
    expect(JSON.parse(long)).toBe(`${'a'.repeat(199)}…`);
  });

  it('cleanInput: lone surrogates become U+FFFD everywhere (keys, arrays, nested); NUL is refused', () => {
    expect(cleanInput({ a: ['x\ud800', { 'k\udc00': 'ok😀' }], n: 1, b: true, z: null })).toEqual({
      value: { a: ['x\ufffd', { 'k\ufffd': 'ok😀' }], n: 1, b: true, z: null },
    });
    expect(cleanInput({ deep: [{ s: 'a\u0000b' }] })).toEqual({ error: 'Text may not contain NUL characters' });
    expect(cleanInput({ 'k\u0000': 1 })).toEqual({ error: 'Text may not contain NUL characters' });
  });

  it('cleanInput refuses JSON nested deeper than MAX_DEPTH without walking it (no stack overflow at 100,000 levels)', () => {
    const nest = (n: number) => JSON.parse(`${'['.repeat(n)}${']'.repeat(n)}`);
    expect(cleanInput(nest(MAX_DEPTH))).toHaveProperty('value');
    expect(cleanInput(nest(MAX_DEPTH + 1))).toEqual({ error: `JSON may nest at most ${MAX_DEPTH} levels` });
    expect(cleanInput(nest(100_000))).toEqual({ error: `JSON may nest at most ${MAX_DEPTH} levels` });
    const objects = JSON.parse(`${'{"a":'.repeat(40)}1${'}'.repeat(40)}`);
    expect(cleanInput(objects)).toEqual({ error: `JSON may nest at most ${MAX_DEPTH} levels` });
  });

  it('plainText (inbound email) drops NUL and controls but keeps newlines and tabs', () => {
    expect(plainText('Hi\u0000 there\r\n\tbye\u001b[31m\ud800')).toBe('Hi there\r\n\tbye[31m\ufffd');
    expect(wellFormed('😀')).toBe('😀');
  });

  it('file names: bidi controls cannot disguise the extension', () => {
    expect(cleanFilename(encodeURIComponent('invoice\u202Efdp.exe'))).toBe('invoicefdp.exe');
    for (const ch of [
      '\u202A',
      '\u202B',
      '\u202C',
      '\u202D',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
      '\u200E',
      '\u200F',
      '\u061C',
    ]) {
      expect(cleanFilename(encodeURIComponent(`a${ch}b.png`))).toBe('ab.png');
    }
    expect(cleanFilename(encodeURIComponent('a\u0085b\u2028.txt'))).toBe('ab.txt');
    expect(cleanFilename('%ED%A0%80')).toBe('file'); // not decodable: the default name
  });
});
