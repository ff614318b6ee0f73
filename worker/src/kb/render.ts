import MarkdownIt from 'markdown-it';
import { escapeHtml } from '../lib/html';

// html: false escapes any HTML in the source; markdown-it's validateLink refuses
// javascript:, vbscript:, file: and data: links (except images), so output is safe to serve.
const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
const defaultLink = md.renderer.rules.link_open ?? ((tokens, i, opts, _env, self) => self.renderToken(tokens, i, opts));
md.renderer.rules.link_open = (tokens, i, opts, env, self) => {
  tokens[i]!.attrSet('rel', 'noopener noreferrer nofollow');
  tokens[i]!.attrSet('target', '_blank');
  return defaultLink(tokens, i, opts, env, self);
};

/** An article's Markdown as markdown-it tokens (the same parser and link rules as the page): tree.ts walks them. */
export const parseMarkdown = (source: string) => md.parse(source, {});

/** An article's Markdown as safe HTML. */
export const renderMarkdown = (source: string) => md.render(source);

const CSS = `body{font:16px/1.6 system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#1f2937}h1{line-height:1.2}
pre{background:#f3f4f6;padding:.75rem;overflow:auto;border-radius:6px}code{font-size:.9em}a{color:#4338ca}img{max-width:100%}
footer{margin-top:3rem;color:#6b7280;font-size:.85rem}`;

let policy: Promise<string> | undefined;
/**
 * The article page's Content-Security-Policy: no script at all, and only its own <style> (allowed by its hash, not
 * by 'unsafe-inline'), so that nothing an author writes can style or script the page. Computed once per isolate.
 */
export const articleCsp = () =>
  (policy ??= crypto.subtle
    .digest('SHA-256', new TextEncoder().encode(CSS))
    .then(
      (d) =>
        `default-src 'none'; style-src 'sha256-${btoa(String.fromCharCode(...new Uint8Array(d)))}'; img-src https: data:; base-uri 'none'; form-action 'none'`,
    ));

/** The public, read-only page of an article. */
export function articlePage(article: { title: string; content: string; updatedAt: string }) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(article.title)}</title>
<style>${CSS}</style></head>
<body><article><h1>${escapeHtml(article.title)}</h1>${renderMarkdown(article.content)}</article>
<footer>Updated ${escapeHtml(article.updatedAt.slice(0, 10))}</footer></body></html>`;
}
