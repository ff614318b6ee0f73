// An article body (protocol/kb.ts nodes from the worker) as Preact elements: text stays text and only the allowed
// tags and attributes are built again here, whatever the server sent, so no author markup ever becomes HTML.
import type { ComponentChild, h } from 'preact';
import { ARTICLE_TAGS, type ArticleNode } from '../../../protocol/kb';

const TAGS: readonly string[] = ARTICLE_TAGS;

/**
 * One node as a Preact child, made with `make` (the app's h: this chunk imports nothing of the app at run time): a
 * string is a text node; an unknown tag keeps only its children.
 */
export function toChild(n: ArticleNode, make: typeof h): ComponentChild {
  if (typeof n === 'string') return n;
  const [tag, at, ...kids] = n;
  const children = kids.map((k) => toChild(k, make));
  if (!TAGS.includes(tag)) return children;
  const p: Record<string, string> = {};
  const href = at?.href || '';
  const src = at?.src || '';
  if (tag === 'a') {
    // A refused scheme loses the link, not the text.
    if (!/^(https?|mailto):/i.test(href)) return children;
    Object.assign(p, { href, target: '_blank', rel: 'noopener noreferrer nofollow' });
  }
  if (tag === 'img') {
    if (!/^https:/i.test(src)) return at?.alt || '';
    Object.assign(p, { src, alt: at?.alt || '', loading: 'lazy', referrerpolicy: 'no-referrer' });
  }
  if (tag === 'ol' && at?.start) p.start = String(Number.parseInt(at.start, 10) || 1);
  return make(tag, p, ...children);
}
