// An article's Markdown as the widget's node tree (protocol/kb.ts): the help center shows articles inside a customer's
// page, so it gets no HTML at all, only elements from a short list that the widget builds as DOM nodes itself.
// Parsed by the public page's markdown-it (raw HTML is text, unsafe link schemes are no links), then narrowed again.
import { ARTICLE_TAGS, type ArticleNode, type ArticleTag } from '../../../protocol';
import { parseMarkdown } from './render';

type Token = ReturnType<typeof parseMarkdown>[number];

/** Where children go: the root list, or an element (its children start after tag and attributes). */
type Parent = { n: ArticleNode[]; from: number };

const SAFE_HREF = /^(https?:|mailto:)/i;
const allowed = (tag: string): tag is ArticleTag => (ARTICLE_TAGS as readonly string[]).includes(tag);

/** Appends text, joined to a text child just before it (fewer nodes). */
function text(p: Parent, s: string) {
  const last = p.n.length - 1;
  if (!s) return;
  if (last >= p.from && typeof p.n[last] === 'string') p.n[last] += s;
  else p.n.push(s);
}

/** Appends an element; returns it as a parent. */
function add(p: Parent, el: Exclude<ArticleNode, string>): Parent {
  p.n.push(el);
  return { n: el as ArticleNode[], from: 2 };
}

/** The element an opening token stands for, or null to keep only its children (a link to a refused scheme...). */
function open(t: Token): Exclude<ArticleNode, string> | null {
  if (t.hidden || !allowed(t.tag)) return null; // a tight list's paragraphs are hidden: their text joins the item
  if (t.tag === 'a') {
    const href = String(t.attrGet('href') ?? '');
    return SAFE_HREF.test(href) ? ['a', { href }] : null;
  }
  const start = t.tag === 'ol' ? t.attrGet('start') : null;
  return [t.tag, start ? { start: String(start) } : null];
}

/** Walks a balanced run of tokens into `root`. */
function walk(tokens: Token[], root: Parent) {
  const stack: Parent[] = [root];
  for (const t of tokens) {
    const top = stack[stack.length - 1]!;
    if (t.nesting === 1) {
      const el = open(t);
      stack.push(el ? add(top, el) : top);
    } else if (t.nesting === -1) {
      if (stack.length > 1) stack.pop();
    } else if (t.type === 'inline') walk(t.children ?? [], top);
    else if (t.type === 'softbreak') text(top, '\n');
    else if (t.type === 'hardbreak' || t.type === 'hr') add(top, [t.type === 'hr' ? 'hr' : 'br', null]);
    else if (t.type === 'code_inline') add(top, ['code', null, t.content]);
    else if (t.type === 'fence' || t.type === 'code_block') add(top, ['pre', null, ['code', null, t.content]]);
    else if (t.type === 'image') {
      const src = String(t.attrGet('src') ?? '');
      if (/^https:/i.test(src)) add(top, ['img', { src, alt: t.content }]);
      else text(top, t.content);
    } else text(top, t.content); // text, and anything else (html_inline stays text: html is off anyway)
  }
}

/** An article's Markdown as nodes. */
export function articleTree(markdown: string): ArticleNode[] {
  const root: ArticleNode[] = [];
  walk(parseMarkdown(markdown), { n: root, from: 0 });
  return root;
}

/** Elements that sit inside a line: no space is added after them. */
const INLINE = ['a', 'em', 'strong', 's', 'code', 'img'];

/** The text of nodes: a space after each block, none after inline elements ("**bold**." stays "bold."). */
const flat = (nodes: ArticleNode[]): string =>
  nodes
    .map((n) => (typeof n === 'string' ? n : flat(n.slice(2) as ArticleNode[]) + (INLINE.includes(n[0]) ? '' : ' ')))
    .join('');

/** A plain-text excerpt of an article (its first 2,000 characters are parsed, at most `max` characters kept). */
export function excerpt(markdown: string, max = 160): string {
  const s = flat(articleTree(markdown.slice(0, 2000)))
    .replace(/\s+/g, ' ')
    .trim();
  return s.length > max ? s.slice(0, max - 1).trimEnd() + '…' : s;
}
