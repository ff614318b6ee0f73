// Pure knowledge-base helpers: Markdown rendering (markdown-it, raw HTML off), plain-text excerpts,
// public article URLs and the snippets agents insert into replies.
import MarkdownIt from 'markdown-it';
import type { Article } from '../../../protocol';
import { truncateText } from '../../../protocol/text';

// html: false escapes any HTML in the source, so the rendered string only holds markdown-it's own tags;
// its validateLink already refuses javascript:, vbscript: and data: (except images) URLs.
const md = new MarkdownIt({ html: false, linkify: true, breaks: false });
const defaultLinkOpen =
  md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  // Links leave the console in a new tab that cannot reach back into it (window.opener).
  tokens[idx].attrSet('target', '_blank');
  tokens[idx].attrSet('rel', 'noopener noreferrer');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** Article Markdown as safe HTML for the preview. */
export function renderMarkdown(source: string): string {
  return md.render(source);
}

/** The article's text without Markdown syntax: inline text of every block, blocks separated by a space. */
export function plainText(source: string): string {
  const blocks: string[] = [];
  for (const token of md.parse(source, {})) {
    if (token.type === 'inline')
      blocks.push(
        (token.children ?? [])
          .map((c) => (c.type === 'softbreak' || c.type === 'hardbreak' ? ' ' : c.content))
          .join(''),
      );
    else if (token.type === 'fence' || token.type === 'code_block') blocks.push(token.content.trim());
  }
  return blocks.filter(Boolean).join(' ').replace(/\s+/g, ' ').trim();
}

/** Up to `max` characters of plain text, cut at a word boundary with an ellipsis when longer. */
export function excerpt(source: string, max = 300): string {
  const text = plainText(source);
  if (text.length <= max) return text;
  const cut = truncateText(text, max); // whole characters: never half an emoji
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s.,;:!?-]+$/, '')}…`;
}

/** The public, read-only page of an article that visitors can open. */
export function articleUrl(origin: string, siteKey: string, articleId: string): string {
  return `${origin.replace(/\/+$/, '')}/api/kb/${encodeURIComponent(siteKey)}/articles/${encodeURIComponent(articleId)}`;
}

/** The "Title: URL" line inserted into a reply. */
export function articleLink(article: Pick<Article, 'title'>, url: string): string {
  return `${article.title}: ${url}`;
}

/** Tags typed as "a, b, c": trimmed, lower-cased, de-duplicated, empties dropped. */
export function parseTags(input: string): string[] {
  return [
    ...new Set(
      input
        .split(',')
        .map((t) => t.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}

/** Categories present in a list, sorted, for the filter. */
export function categoriesOf(articles: readonly { category: string }[]): string[] {
  return [...new Set(articles.map((a) => a.category).filter(Boolean))].sort((a, b) => a.localeCompare(b));
}
