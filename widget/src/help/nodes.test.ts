// Unit test of the help center's article renderer: nodes become Preact elements of the allowed tags only, links and
// images only with safe addresses, and text is always text (vnodes are inspected: no DOM in this project).
import { h, type VNode } from 'preact';
import { describe, expect, it } from 'vitest';
import type { ArticleNode } from '../../../protocol/kb';
import { toChild } from './nodes';
import { helpStrings } from './strings';
import { LOCALES } from '../locale';

type Shape = string | { tag: string; props: Record<string, unknown>; kids: Shape[] } | Shape[];
/** A vnode tree as plain data (children out of props). */
const shape = (c: unknown): Shape => {
  if (Array.isArray(c)) return c.map(shape);
  if (typeof c === 'string') return c;
  const { children, ...props } = (c as VNode<Record<string, unknown>>).props;
  const kids = children === undefined ? [] : Array.isArray(children) ? children : [children];
  return { tag: (c as VNode).type as string, props, kids: kids.map(shape) };
};
const render = (n: ArticleNode) => shape(toChild(n, h));

describe('toChild', () => {
  it('builds allowed elements with their text as text', () => {
    expect(render(['p', null, '<b>not bold</b> ', ['strong', null, 'bold']])).toEqual({
      tag: 'p',
      props: {},
      kids: ['<b>not bold</b> ', { tag: 'strong', props: {}, kids: ['bold'] }],
    });
  });

  it('opens safe links in a new tab without referrer or opener, and drops others to their text', () => {
    expect(render(['a', { href: 'https://example.com' }, 'x'])).toEqual({
      tag: 'a',
      props: { href: 'https://example.com', target: '_blank', rel: 'noopener noreferrer nofollow' },
      kids: ['x'],
    });
    expect(render(['a', { href: 'mailto:a@b.example' }, 'm'])).toMatchObject({ tag: 'a' });
    for (const href of ['javascript:alert(1)', ' javascript:alert(1)', 'data:text/html,x', '/relative', 'vbscript:x'])
      expect(render(['a', { href }, 'text'])).toEqual(['text']);
  });

  it('allows https images only, keeps nothing else of the attributes, and unknown tags only as their children', () => {
    expect(render(['img', { src: 'https://cdn.example/a.png', alt: 'A' }])).toEqual({
      tag: 'img',
      props: { src: 'https://cdn.example/a.png', alt: 'A', loading: 'lazy', referrerpolicy: 'no-referrer' },
      kids: [],
    });
    expect(render(['img', { src: 'http://cdn.example/a.png', alt: 'A' }])).toBe('A');
    const forged = ['script', { onclick: 'x', href: 'https://e.example' }, 'alert(1)'] as unknown as ArticleNode;
    expect(render(forged)).toEqual(['alert(1)']);
    expect(render(['p', { onclick: 'x' } as never, 'y'])).toEqual({ tag: 'p', props: {}, kids: ['y'] });
    expect(render(['ol', { start: '3x' }, ['li', null, 'a']])).toMatchObject({ tag: 'ol', props: { start: '3' } });
  });
});

describe('helpStrings', () => {
  it('has every string in every language', () => {
    const en = Object.keys(helpStrings('en'));
    for (const l of LOCALES) {
      const t = helpStrings(l);
      expect(Object.keys(t)).toEqual(en);
      for (const k of en) expect(t[k as keyof typeof t]?.trim(), `${l}.${k}`).toBeTruthy();
    }
  });
});
