import { describe, expect, it } from 'vitest';
import type { OutboxEmail } from '../api-dev';
import { extractLinks, selectedEmail } from './outbox';

describe('extractLinks', () => {
  it('finds the links of a Parley email text body, in order', () => {
    const text = [
      'You have a new reply from Acme.',
      '',
      'Support: Hi there',
      '',
      'Continue the conversation: http://127.0.0.1:8787/demo?x=1#parley-open',
      'Unsubscribe from these emails: https://parley.test/api/email/unsubscribe?token=a.b-c_d',
    ].join('\n');
    expect(extractLinks(text)).toEqual([
      'http://127.0.0.1:8787/demo?x=1#parley-open',
      'https://parley.test/api/email/unsubscribe?token=a.b-c_d',
    ]);
  });
  it('drops sentence punctuation and unbalanced brackets after a URL', () => {
    expect(extractLinks('See https://a.test/x. Or (https://b.test/y), or https://c.test/z!')).toEqual([
      'https://a.test/x',
      'https://b.test/y',
      'https://c.test/z',
    ]);
    expect(extractLinks('https://en.wikipedia.org/wiki/Foo_(bar)')).toEqual([
      'https://en.wikipedia.org/wiki/Foo_(bar)',
    ]);
  });
  it('stops at quotes and angle brackets, skips duplicates and other schemes', () => {
    expect(
      extractLinks('<https://a.test/1> "https://a.test/1" mailto:x@y.test javascript:alert(1) ftp://f.test'),
    ).toEqual(['https://a.test/1']);
  });
  it('returns nothing for text without links', () => {
    expect(extractLinks('')).toEqual([]);
    expect(extractLinks('no links here, just http and https words')).toEqual([]);
  });
});

describe('selectedEmail', () => {
  const email = (id: string): OutboxEmail => ({
    id,
    to: 'v@x.test',
    from: 'p@x.test',
    replyTo: null,
    subject: id,
    text: '',
    html: '',
    createdAt: '',
  });
  it('returns the selected email while it is listed', () => {
    expect(selectedEmail([email('a'), email('b')], 'b')?.id).toBe('b');
    expect(selectedEmail([email('a')], 'gone')).toBeNull();
    expect(selectedEmail([email('a')], null)).toBeNull();
  });
});
