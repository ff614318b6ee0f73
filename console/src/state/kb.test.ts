import { describe, expect, it } from 'vitest';
import { parse } from '../../../protocol/format';
import { articleLink, articleUrl, categoriesOf, excerpt, parseTags, plainText, renderMarkdown } from './kb';

describe('renderMarkdown', () => {
  it('renders Markdown and escapes raw HTML', () => {
    const html = renderMarkdown('# Title\n\n**bold** <script>alert(1)</script> <img src=x onerror=alert(1)>');
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;');
  });
  it('opens links in a new tab with rel=noopener and linkifies bare URLs', () => {
    expect(renderMarkdown('[docs](https://example.com)')).toContain(
      '<a href="https://example.com" target="_blank" rel="noopener noreferrer">docs</a>',
    );
    expect(renderMarkdown('see https://example.com/x')).toContain('href="https://example.com/x"');
  });
  it('refuses javascript: links', () => {
    expect(renderMarkdown('[x](javascript:alert(1))')).not.toContain('href="javascript:');
  });
});

describe('plainText and excerpt', () => {
  const source =
    '# Returns\n\nYou can **return** items within [30 days](https://x.io).\n\n- Keep the receipt\n- Pack it well';
  it('drops Markdown syntax', () => {
    expect(plainText(source)).toBe('Returns You can return items within 30 days. Keep the receipt Pack it well');
  });
  it('keeps short texts whole and cuts long ones at a word with an ellipsis', () => {
    expect(excerpt('Short text')).toBe('Short text');
    const long = excerpt('word '.repeat(100), 30);
    expect(long.endsWith('word…')).toBe(true);
    expect(long.length).toBeLessThanOrEqual(31);
  });
});

describe('links, tags and categories', () => {
  it('builds the public article URL and the inserted line', () => {
    const url = articleUrl('http://127.0.0.1:8787/', 'pk_1', 'ar_2');
    expect(url).toBe('http://127.0.0.1:8787/api/kb/pk_1/articles/ar_2');
    expect(articleLink({ title: 'Returns' }, url)).toBe(`Returns: ${url}`);
  });
  it('inserts a line that the message formatting turns into a clickable link (docs/formatting.md)', () => {
    const url = articleUrl('https://parley.example', 'pk_1', 'ar_2');
    for (const title of ['Returns', 'Returns (EU).', '*Shipping* _times_', 'a@b.example']) {
      const nodes = parse(articleLink({ title }, url));
      expect(nodes.at(-1), title).toEqual({ t: 'a', href: url, c: [url] });
    }
  });
  it('parses comma separated tags', () => {
    expect(parseTags(' Billing, refunds,,billing ')).toEqual(['billing', 'refunds']);
  });
  it('lists the categories present', () => {
    expect(categoriesOf([{ category: 'b' }, { category: '' }, { category: 'a' }, { category: 'b' }])).toEqual([
      'a',
      'b',
    ]);
  });
});
