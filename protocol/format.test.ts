import { describe, expect, it } from 'vitest';
import { type FormatNode, parse } from './format';
import { mayFormat } from './format-hint';

// The tree written as HTML-like text for short expectations (text escaped, so a tag in the text shows as &lt;).
const show = (nodes: FormatNode[]): string =>
  nodes
    .map((n) =>
      typeof n === 'string'
        ? n.replace(/&/g, '&amp;').replace(/</g, '&lt;')
        : `<${n.t}${n.href ? ` href="${n.href}"` : ''}${n.n !== undefined ? ` n=${n.n}` : ''}>${show(n.c)}</${n.t}>`,
    )
    .join('');
const f = (s: string) => show(parse(s));
// Every href anywhere in the tree.
const hrefs = (nodes: FormatNode[]): string[] =>
  nodes.flatMap((n) => (typeof n === 'string' ? [] : [...(n.href ? [n.href] : []), ...hrefs(n.c)]));

describe('parse: blocks', () => {
  it('keeps text with its line breaks, less blank lines at either end', () => {
    expect(f('one\ntwo\n\n  three')).toBe('one\ntwo\n\n  three');
    expect(f('a\r\nb')).toBe('a\nb');
    expect(f('\n\na\n\n')).toBe('a');
    expect(f('')).toBe('');
    expect(f('\n\n')).toBe('');
  });
  it('makes fenced code blocks, taken literally', () => {
    expect(f('see:\n```js\nconst a = **b** <i>;\n\n  x\n```\nafter')).toBe(
      'see:<pre>const a = **b** &lt;i>;\n\n  x</pre>after',
    );
  });
  it('needs a bare closing fence; a fence line with text is inline code', () => {
    expect(f('```not a fence```\nx')).toBe('<code>not a fence</code>\nx');
    expect(f('```js\na\n```js')).toBe('<code>js\na\n</code>js');
  });
  it('leaves an unclosed fence as text', () => {
    expect(f('```\ncode')).toBe('```\ncode');
  });
  it('makes bulleted and numbered lists, with indented continuation lines', () => {
    expect(f('Steps:\n1. open **it**\n2. close\n   it well\n\ndone')).toBe(
      'Steps:<ol n=1><li>open <strong>it</strong></li><li>close\nit well</li></ol>done',
    );
    expect(f('- a\n* b\n+ c')).toBe('<ul><li>a</li><li>b</li><li>c</li></ul>');
    expect(f('3) three\n4) four')).toBe('<ol n=3><li>three</li><li>four</li></ol>');
    expect(f('- a\n1. b\nc')).toBe('<ul><li>a</li></ul><ol n=1><li>b</li></ol>c');
    expect(f('- a\n\n- b')).toBe('<ul><li>a</li></ul><ul><li>b</li></ul>');
  });
  it('needs a space after a list marker', () => {
    expect(f('-5 degrees\n1.5 million\n**bold**')).toBe('-5 degrees\n1.5 million\n<strong>bold</strong>');
  });
});

describe('parse: spans', () => {
  it('formats bold, italic and code', () => {
    expect(f('see **step 2** and *this* or _that_ and __that__ with `a *b*`')).toBe(
      'see <strong>step 2</strong> and <em>this</em> or <em>that</em> and <strong>that</strong> with <code>a *b*</code>',
    );
    expect(f('**bold *and italic* inside**')).toBe('<strong>bold <em>and italic</em> inside</strong>');
    expect(f('*it **bold** it*')).toBe('<em>it <strong>bold</strong> it</em>');
  });
  it('takes code spans literally, ** included, with longer runs holding backticks', () => {
    expect(f('`**not bold**`')).toBe('<code>**not bold**</code>');
    expect(f('``a ` b``')).toBe('<code>a ` b</code>');
    expect(f('`https://example.com`')).toBe('<code>https://example.com</code>');
  });
  it('leaves unclosed, empty and spaced markers as text', () => {
    expect(f('**open')).toBe('**open');
    expect(f('*a **b* c**')).toBe('<em>a **b</em> c**');
    expect(f('a * b * c')).toBe('a * b * c');
    expect(f('** x **')).toBe('** x **');
    expect(f('****')).toBe('****');
    expect(f('`unclosed')).toBe('`unclosed');
    expect(f('2*3*4')).toBe('2*3*4');
  });
  it('does not italicise inside words (snake_case, file names)', () => {
    expect(f('my_var_name and a_b')).toBe('my_var_name and a_b');
  });
  it('honours backslash escapes', () => {
    expect(f('\\*not em\\* and \\`tick')).toBe('*not em* and `tick');
  });
  it('keeps HTML as text', () => {
    expect(f('<b>x</b> <script>alert(1)</script> <a href="javascript:x">y</a>')).toBe(
      '&lt;b>x&lt;/b> &lt;script>alert(1)&lt;/script> &lt;a href="javascript:x">y&lt;/a>',
    );
    // A URL inside markup is an ordinary link to what it shows; the tag around it stays text.
    expect(f('<a href="https://x.example">y</a>')).toBe(
      '&lt;a href="<a href="https://x.example">https://x.example</a>">y&lt;/a>',
    );
  });
});

describe('parse: links', () => {
  it('links bare http and https URLs and www. addresses', () => {
    expect(f('see https://example.com/setup now')).toBe(
      'see <a href="https://example.com/setup">https://example.com/setup</a> now',
    );
    expect(f('http://localhost:8787/a?b=1#c')).toBe(
      '<a href="http://localhost:8787/a?b=1#c">http://localhost:8787/a?b=1#c</a>',
    );
    expect(f('www.example.com')).toBe('<a href="https://www.example.com">www.example.com</a>');
    expect(f('HTTPS://EXAMPLE.COM')).toBe('<a href="HTTPS://EXAMPLE.COM">HTTPS://EXAMPLE.COM</a>');
  });
  it('leaves trailing punctuation and unmatched parentheses out, as GitHub does', () => {
    expect(f('Go to https://example.com.')).toBe('Go to <a href="https://example.com">https://example.com</a>.');
    expect(f('(see https://example.com/a)')).toBe('(see <a href="https://example.com/a">https://example.com/a</a>)');
    expect(f('https://en.wikipedia.org/wiki/Foo_(bar)!')).toBe(
      '<a href="https://en.wikipedia.org/wiki/Foo_(bar)">https://en.wikipedia.org/wiki/Foo_(bar)</a>!',
    );
    expect(f('"https://example.com/x?",')).toBe('"<a href="https://example.com/x">https://example.com/x</a>?",');
    expect(f('**https://example.com/b**')).toBe(
      '<strong><a href="https://example.com/b">https://example.com/b</a></strong>',
    );
  });
  it('keeps underscores and stars inside URLs', () => {
    expect(hrefs(parse('_x_ https://a.example/_b_/*c*/d'))).toEqual(['https://a.example/_b_/*c*/d']);
  });
  it('links email addresses with mailto', () => {
    expect(f('write to help.desk+1@example.co.uk.')).toBe(
      'write to <a href="mailto:help.desk+1@example.co.uk">help.desk+1@example.co.uk</a>.',
    );
    expect(f('a@localhost or @name or a@')).toBe('a@localhost or @name or a@');
  });
  it('needs a host and a word boundary before the scheme', () => {
    expect(f('https:// http://. www. xhttps://example.com')).toBe('https:// http://. www. xhttps://example.com');
  });
  it('turns the knowledge base "Insert link" text into a link', () => {
    expect(hrefs(parse('Reset your password: http://127.0.0.1:8787/api/kb/site_1/articles/art_1'))).toEqual([
      'http://127.0.0.1:8787/api/kb/site_1/articles/art_1',
    ]);
  });
});

describe('parse: never a dangerous link', () => {
  const attacks = [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    ' javascript:alert(1)',
    '&#106;avascript:alert(1)',
    'javascript&colon;alert(1)',
    '\u0000javascript:alert(1)',
    'vbscript:msgbox(1)',
    'VBScript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'DATA:text/html,x',
    'file:///etc/passwd',
    '[x](javascript:alert(1))',
    '[x](data:text/html,hi)',
    '<javascript:alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
    '![x](javascript:alert(1))',
    'javascript://example.com/%0Aalert(1)',
    'javascript:alert(1)//https',
    'mailto:x@example.com?body=javascript:alert(1)',
    'ftp://example.com',
    '//example.com',
  ];
  it.each(attacks)('%j', (attack) => {
    for (const href of hrefs(parse(attack))) expect(href).toMatch(/^(https?:\/\/|mailto:)/);
    expect(hrefs(parse(attack)).filter((h) => !h.startsWith('mailto:'))).toEqual([]);
  });
  it('links only the http part of an obfuscated string', () => {
    expect(hrefs(parse('javascript:alert(1)//https://example.com'))).toEqual(['https://example.com']);
  });
  it('writes every link scheme itself (http, https or mailto)', () => {
    const all = hrefs(parse('a https://x.example www.y.example z@w.example http://v.example'));
    expect(all).toEqual(['https://x.example', 'https://www.y.example', 'mailto:z@w.example', 'http://v.example']);
  });
});

describe('parse: linear time', () => {
  const inputs = [
    '*a '.repeat(20000),
    '**a '.repeat(20000),
    '_a_'.repeat(20000),
    '`'.repeat(1000) + 'a'.repeat(20000),
    '` `` ``` '.repeat(5000),
    'a'.repeat(50000) + '@',
    'a@'.repeat(30000),
    'a.'.repeat(30000) + '@b',
    'https://' + 'a.'.repeat(30000),
    'https://x.example/' + ')'.repeat(50000),
    '(https://x.example/' + '('.repeat(50000),
    '```\n'.repeat(20000),
    '- a\n  b\n'.repeat(20000),
    'www.' + '-'.repeat(50000),
    '\\*'.repeat(30000),
    '*'.repeat(60000),
  ];
  it.each(inputs.map((s, i) => [i, s] as const))(
    'input %i of 60 000 characters parses in linear time (a quadratic parse takes many seconds)',
    (_, s) => {
      const start = performance.now();
      parse(s);
      expect(performance.now() - start).toBeLessThan(2000);
    },
  );
});

describe('parse: random inputs', () => {
  // A fixed pseudo-random sequence (mulberry32): the same strings on every run.
  let seed = 14;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const parts = [
    'a',
    'b ',
    ' ',
    '*',
    '**',
    '_',
    '`',
    '```',
    '\\',
    '\n',
    '- ',
    '1. ',
    '(',
    ')',
    'https://',
    'x.example',
    'www.',
    '@',
    '.',
    'javascript:',
    'data:',
    '<',
    '>',
    '"',
    ':',
    '[',
    '](',
    'é',
    '😀',
    '\t',
  ];
  const samples = Array.from({ length: 3000 }, () =>
    Array.from({ length: 1 + Math.floor(random() * 24) }, () => parts[Math.floor(random() * parts.length)]).join(''),
  );
  const texts = (nodes: FormatNode[]): string[] => nodes.flatMap((n) => (typeof n === 'string' ? [n] : texts(n.c)));
  it('makes only http(s) and mailto links, whose text is their address', () => {
    for (const s of samples) {
      const walk = (nodes: FormatNode[]) => {
        for (const n of nodes) {
          if (typeof n === 'string') continue;
          if (n.t === 'a') {
            expect(n.href).toMatch(/^(https?:\/\/[a-z\d]|mailto:[\w.+-]+@[\w-]+\.)/i);
            expect(n.href!.endsWith(n.c[0] as string)).toBe(true);
            expect(n.c).toHaveLength(1);
          }
          walk(n.c);
        }
      };
      walk(parse(s));
    }
  });
  it('loses no letters: the text of the output holds those of the input, in order', () => {
    const letters = (t: string) => t.replace(/[^a-zé😀]/gu, '');
    // Except a code block's language name (```js), dropped as in Markdown.
    for (const s of samples.filter((s) => !/^ {0,3}```+[^\n`]*[a-zé]/m.test(s)))
      expect(letters(texts(parse(s)).join('')), JSON.stringify(s)).toBe(letters(s));
  });
  it('finds nothing to format where mayFormat says so (the widget then skips loading the parser)', () => {
    for (const s of [...samples, 'hello there', 'a\nb', 'price: 5 (or 6)', '2.5 % off!']) {
      if (!mayFormat(s)) expect(parse(s).every((n) => typeof n === 'string')).toBe(true);
    }
    expect(mayFormat('plain words, nothing else.')).toBe(false);
    for (const s of ['**b**', '`c`', 'x@y.example', 'https://x', 'WWW.x', '- a', ' 1) a', 'a\n* b'])
      expect(mayFormat(s)).toBe(true);
  });
});
