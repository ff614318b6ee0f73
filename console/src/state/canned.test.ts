import { describe, expect, it } from 'vitest';
import type { CannedResponse } from '../../../protocol';
import {
  applyCanned,
  fillCanned,
  insertSnippet,
  matchCanned,
  pickerAction,
  quoteText,
  slashToken,
  sortCanned,
} from './canned';

const canned = (id: string, extra: Partial<CannedResponse> = {}): CannedResponse => ({
  id,
  title: `Title ${id}`,
  content: `Content ${id}`,
  shortcut: id,
  category: '',
  shared: false,
  ownerId: 'a1',
  usageCount: 0,
  lastUsedAt: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  ...extra,
});

describe('sortCanned', () => {
  it('puts the most used first, then the most recently used, then by title', () => {
    const list = [
      canned('b', { usageCount: 1, lastUsedAt: '2026-01-01T00:00:00Z' }),
      canned('c', { usageCount: 5 }),
      canned('a', { usageCount: 1, lastUsedAt: '2026-02-01T00:00:00Z' }),
      canned('z'),
      canned('y'),
    ];
    expect(sortCanned(list).map((c) => c.id)).toEqual(['c', 'a', 'b', 'y', 'z']);
  });
});

describe('matchCanned', () => {
  const list = [
    canned('hello', { title: 'Greeting', content: 'Hi there!', usageCount: 1 }),
    canned('refund', { title: 'Refund policy', content: 'Refunds take 5 days', usageCount: 9 }),
    canned('bye', { title: 'Goodbye', content: 'Thanks, say hello again', usageCount: 3 }),
  ];
  it('lists everything, most used first, for an empty query', () => {
    expect(matchCanned(list, '').map((c) => c.id)).toEqual(['refund', 'bye', 'hello']);
  });
  it('matches shortcut, title or content, case-insensitively', () => {
    expect(matchCanned(list, 'POLICY').map((c) => c.id)).toEqual(['refund']);
    expect(matchCanned(list, 'there').map((c) => c.id)).toEqual(['hello']);
  });
  it('ranks shortcut prefixes before other matches', () => {
    expect(matchCanned(list, 'hel').map((c) => c.id)).toEqual(['hello', 'bye']);
  });
  it('honours the limit', () => {
    expect(matchCanned(list, '', 2)).toHaveLength(2);
  });
});

describe('slashToken', () => {
  it('finds a slash at the start of the text or of a word', () => {
    expect(slashToken('/ref', 4)).toEqual({ start: 0, end: 4, query: 'ref' });
    expect(slashToken('Hi /re', 6)).toEqual({ start: 3, end: 6, query: 're' });
    expect(slashToken('line\n/', 6)).toEqual({ start: 5, end: 6, query: '' });
  });
  it('ignores slashes inside words and tokens the caret is not at the end of', () => {
    expect(slashToken('and/or', 6)).toBeNull();
    expect(slashToken('https://x.io/a', 14)).toBeNull();
    expect(slashToken('/ref done', 9)).toBeNull();
    expect(slashToken('/ref', 2)).toEqual({ start: 0, end: 2, query: 'r' });
  });
});

describe('applyCanned', () => {
  it('replaces the token with the content and puts the caret after it', () => {
    const text = 'Hi /ref and more';
    const token = slashToken(text, 7)!;
    expect(applyCanned(text, token, 'Refunds take 5 days')).toEqual({
      text: 'Hi Refunds take 5 days and more',
      caret: 22,
    });
  });
});

describe('insertSnippet and quoteText', () => {
  it('inserts into an empty composer as is', () => {
    expect(insertSnippet('', null, 'Doc: https://x')).toEqual({ text: 'Doc: https://x', caret: 14 });
  });
  it('puts the snippet on its own paragraph after existing text', () => {
    expect(insertSnippet('Hello', null, 'X').text).toBe('Hello\n\nX');
    expect(insertSnippet('Hello\nworld', 5, 'X').text).toBe('Hello\n\nX\nworld');
  });
  it('quotes every line and leaves an empty line to answer under', () => {
    expect(quoteText('a\nb')).toBe('> a\n> b\n\n');
  });
});

describe('pickerAction', () => {
  it('swallows Enter when nothing matches, so "/ref" is never sent to the customer', () => {
    expect(pickerAction('Enter', false, 0)).toBe('swallow');
    expect(pickerAction('Enter', false, 2)).toBe('insert');
  });
  it('leaves Shift+Enter, Tab and arrows with no match to the composer; Escape always closes', () => {
    expect(pickerAction('Enter', true, 0)).toBe(null);
    expect(pickerAction('Tab', false, 0)).toBe(null);
    expect(pickerAction('ArrowDown', false, 0)).toBe(null);
    expect(pickerAction('ArrowDown', false, 1)).toBe('down');
    expect(pickerAction('ArrowUp', false, 1)).toBe('up');
    expect(pickerAction('Tab', false, 1)).toBe('insert');
    expect(pickerAction('Escape', false, 0)).toBe('dismiss');
    expect(pickerAction('a', false, 1)).toBe(null);
  });
});

describe('fillCanned', () => {
  const vars = { name: '  Ada Lovelace ', email: 'ada@example.com', agent: 'Grace Hopper' };
  it("fills the visitor's name, first name and email and the agent's name", () => {
    expect(fillCanned('Hi {name} ({email}), {first_name}! — {agent}, {agent_first_name}', vars)).toBe(
      'Hi Ada Lovelace (ada@example.com), Ada! — Grace Hopper, Grace',
    );
  });
  it('tolerates spaces, case and double braces', () => {
    expect(fillCanned('Hi { Name }, {{ first_name }}, {{email}}, {AGENT }', vars)).toBe(
      'Hi Ada Lovelace, Ada, ada@example.com, Grace Hopper',
    );
  });
  it('uses the fallback after | when the value is missing, else drops it with its space', () => {
    const anonymous = { name: null, email: null, agent: 'Grace' };
    expect(fillCanned('Hi {first_name | there}!', anonymous)).toBe('Hi there!');
    expect(fillCanned('Hi {first_name|there}!', vars)).toBe('Hi Ada!');
    expect(fillCanned('Hi {name}, we will write to {email}.', anonymous)).toBe('Hi, we will write to.');
    expect(fillCanned('{name} Thanks', { name: '   ', email: null, agent: null })).toBe(' Thanks');
  });
  it('leaves unknown words in braces as written', () => {
    expect(fillCanned('Use {order_id} or {} or {name', vars)).toBe('Use {order_id} or {} or {name');
  });
});
