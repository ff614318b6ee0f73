import { describe, expect, it } from 'vitest';
import { articleTree, excerpt } from './tree';

describe('articleTree', () => {
  it('keeps the Markdown subset as elements and everything else as text', () => {
    const md = [
      '## Steps',
      '',
      '3. one *a* **b** ~~c~~',
      '4. two  ',
      '   next',
      '',
      '- [mail](mailto:help@example.com) and https://example.com',
      '',
      '```',
      '<b>x</b>',
      '```',
      '',
      '> quote `code`',
      '',
      '---',
      '',
      '| a |',
      '| - |',
      '| b |',
      '',
      '![alt](https://cdn.example/x.png) ![data](data:image/png;base64,AA==) <img src=x onerror=alert(1)>',
    ].join('\n');
    expect(articleTree(md)).toEqual([
      ['h2', null, 'Steps'],
      [
        'ol',
        { start: '3' },
        ['li', null, 'one ', ['em', null, 'a'], ' ', ['strong', null, 'b'], ' ', ['s', null, 'c']],
        ['li', null, 'two', ['br', null], 'next'],
      ],
      [
        'ul',
        null,
        [
          'li',
          null,
          ['a', { href: 'mailto:help@example.com' }, 'mail'],
          ' and ',
          ['a', { href: 'https://example.com' }, 'https://example.com'],
        ],
      ],
      ['pre', null, ['code', null, '<b>x</b>\n']],
      ['blockquote', null, ['p', null, 'quote ', ['code', null, 'code']]],
      ['hr', null],
      [
        'table',
        null,
        ['thead', null, ['tr', null, ['th', null, 'a']]],
        ['tbody', null, ['tr', null, ['td', null, 'b']]],
      ],
      ['p', null, ['img', { src: 'https://cdn.example/x.png', alt: 'alt' }], ' data <img src=x onerror=alert(1)>'],
    ]);
  });

  it('refuses links to other schemes and relative links (their text stays)', () => {
    expect(articleTree('[a](javascript:alert(1)) [b](/relative) [c](vbscript:x) [d](HTTPS://ok.example)')).toEqual([
      ['p', null, '[a](javascript:alert(1)) b [c](vbscript:x) ', ['a', { href: 'HTTPS://ok.example' }, 'd']],
    ]);
  });

  it('cuts plain excerpts', () => {
    expect(excerpt('# Title\n\nSome **bold**. *Text*\n\n- a\n- b')).toBe('Title Some bold. Text a b');
    expect(excerpt('word '.repeat(100), 20)).toBe('word word word word…');
  });
});
