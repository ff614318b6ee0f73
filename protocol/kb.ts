// The widget's help center: what an article body looks like on the wire. No zod here: the widget's help chunk imports
// these (protocol/visitor.ts holds the schemas). An article is never sent to a visitor as HTML: the worker turns its
// Markdown into a tree of these nodes and the widget builds DOM nodes from it, allowing the same tags again.

/** The only elements an article body may contain (anything else in the Markdown stays text). */
export const ARTICLE_TAGS = [
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'code',
  'em',
  'strong',
  's',
  'a',
  'br',
  'hr',
  'img',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
] as const;

/** One allowed element name. */
export type ArticleTag = (typeof ARTICLE_TAGS)[number];

/**
 * A node of an article body: text, or [tag, attributes, ...children]. Attributes are only `href` on a (http, https
 * or mailto), `src` and `alt` on img (https), `start` on ol.
 */
export type ArticleNode = string | [ArticleTag, Record<string, string> | null, ...ArticleNode[]];

/** Longest search text of GET /api/widget/kb/search (characters; longer is refused with bad_request). */
export const KB_QUERY_MAX = 200;
