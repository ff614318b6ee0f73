// Unit tests of the widget's small pure helpers: language picking, contrast colour, upload checks, email, queue replay.
import { describe, expect, it, vi } from 'vitest';
import { replay } from './api-global';
import { checkFile, fileSize, validEmail } from './files';
import { pickLocale } from './locale';
import { contrast, textOn } from './theme';
import { available } from './chat/view';

describe('pickLocale', () => {
  it('takes the first supported candidate, by its language part, else English', () => {
    expect(pickLocale(['fr', 'de'])).toBe('fr');
    expect(pickLocale([undefined, '', 'pt-BR'])).toBe('pt');
    expect(pickLocale(['ja', 'zh-Hans-CN'])).toBe('zh');
    expect(pickLocale(['DE-at'])).toBe('de');
    expect(pickLocale(['ja', 'ko'])).toBe('en');
    expect(pickLocale([])).toBe('en');
  });
});

describe('textOn', () => {
  it('picks white on dark accents and black on light ones', () => {
    expect(textOn('#4f46e5')).toBe('#ffffff');
    expect(textOn('#111827')).toBe('#ffffff');
    expect(textOn('#fde047')).toBe('#000000');
    expect(textOn('#ffffff')).toBe('#000000');
  });
  it('always reaches 4.5:1 against the accent', () => {
    for (let r = 0; r < 256; r += 17)
      for (let g = 0; g < 256; g += 17)
        for (let b = 0; b < 256; b += 17) {
          const hex = '#' + [r, g, b].map((x) => x.toString(16).padStart(2, '0')).join('');
          expect(contrast(hex, textOn(hex))).toBeGreaterThanOrEqual(4.5);
        }
  });
  it('computes WCAG contrast', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#777777')).toBe(1);
  });
});

describe('checkFile', () => {
  it('allows the server types up to 10 MB', () => {
    expect(checkFile({ size: 1000, type: 'image/png' })).toBeNull();
    expect(checkFile({ size: 10 * 1024 * 1024, type: 'application/pdf' })).toBeNull();
    expect(checkFile({ size: 10 * 1024 * 1024 + 1, type: 'text/plain' })).toBe('too_large');
    expect(checkFile({ size: 10, type: 'application/x-msdownload' })).toBe('unsupported_type');
    expect(checkFile({ size: 10, type: '' })).toBe('unsupported_type');
  });
  it('formats sizes', () => {
    expect(fileSize(512)).toBe('512 B');
    expect(fileSize(2048)).toBe('2 KB');
    expect(fileSize(3.5 * 1048576)).toBe('3.5 MB');
  });
});

describe('validEmail', () => {
  it('accepts plain addresses and refuses obvious mistakes', () => {
    expect(validEmail('ann@example.com')).toBe(true);
    expect(validEmail(' ann@example.co.uk ')).toBe(true);
    for (const bad of ['', 'ann', 'ann@', 'ann@example', 'a b@example.com', '@example.com'])
      expect(validEmail(bad)).toBe(false);
  });
});

describe('available', () => {
  it('needs agents online and business hours; unknown counts as available', () => {
    expect(available(null)).toBe(true);
    expect(available({ agentsOnline: true, withinHours: true })).toBe(true);
    expect(available({ agentsOnline: false, withinHours: true })).toBe(false);
    expect(available({ agentsOnline: true, withinHours: false })).toBe(false);
  });
});

describe('replay', () => {
  it('runs queued calls in order, arguments objects included, and survives a failing call', () => {
    const seen: unknown[][] = [];
    const q: ArrayLike<unknown>[] = [];
    // What the snippet's stub pushes: the `arguments` object.
    (function (..._: unknown[]) {
      // biome-ignore lint/complexity/noArguments: the snippet sites paste is ES5, as here
      q.push(arguments);
    })('identify', { userId: 'u1' });
    q.push(['boom'], ['open'], ['on', 'message', 'cb']);
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    replay(q, (cmd, ...args) => {
      if (cmd === 'boom') throw new Error('x');
      seen.push([cmd, ...args]);
    });
    err.mockRestore();
    expect(seen).toEqual([['identify', { userId: 'u1' }], ['open'], ['on', 'message', 'cb']]);
  });
});
