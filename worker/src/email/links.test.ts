import { describe, expect, it } from 'vitest';
import { continueUrl } from './links';

describe("continueUrl (the unread-reply email's link back)", () => {
  const allowed = ['https://shop.example', 'https://*.shop.example'];
  const base = 'https://parley.example';
  it('links to the page the visitor was on when it is a page of the site, opening the widget', () => {
    expect(continueUrl('https://shop.example/cart?x=1', allowed, base)).toBe(
      'https://shop.example/cart?x=1#parley-open',
    );
    expect(continueUrl('https://eu.shop.example/', allowed, base)).toBe('https://eu.shop.example/#parley-open');
  });
  it('never links to a page the visitor reported elsewhere, or to something that is not a web page', () => {
    expect(continueUrl('https://evil.example/login', allowed, base)).toBe(`${base}#parley-open`);
    expect(continueUrl('https://shop.example.evil.example/', allowed, base)).toBe(`${base}#parley-open`);
    expect(continueUrl('javascript:alert(1)', allowed, base)).toBe(`${base}#parley-open`);
    expect(continueUrl(null, allowed, base)).toBe(`${base}/#parley-open`);
  });
  it('carries a continuation token in the fragment, which browsers never send to a server', () => {
    expect(continueUrl('https://shop.example/cart', allowed, base, 'a.b.c')).toBe(
      'https://shop.example/cart#parley_continue=a.b.c',
    );
    expect(continueUrl('https://evil.example/', allowed, base, 'a.b.c')).toBe(`${base}#parley_continue=a.b.c`);
  });
});
