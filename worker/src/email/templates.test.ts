import { describe, expect, it } from 'vitest';
import type { VisitorMessage } from '../../../protocol';
import { formatHtml } from './format';
import { transcriptEmail, unreadRepliesEmail } from './templates';

const agent = (body: string, seq = 1): VisitorMessage => ({
  id: `m${seq}`,
  seq,
  sender: { type: 'agent', name: 'Ada' },
  kind: 'text',
  body,
  createdAt: '2026-11-30T10:00:00.000Z',
});

describe('email formatting', () => {
  it('writes the formatting as escaped HTML, links with the safe rel and target', () => {
    expect(formatHtml('see **step 2** at https://example.com/setup?a=1&b=2')).toBe(
      'see <strong>step 2</strong> at <a href="https://example.com/setup?a=1&#38;b=2" target="_blank" ' +
        'rel="noopener noreferrer nofollow" style="color:#4338ca">https://example.com/setup?a=1&#38;b=2</a>',
    );
    expect(formatHtml('a\nb')).toBe('a<br>b');
    expect(formatHtml('1. one\n2. two')).toBe(
      '<ol style="margin:4px 0;padding-left:20px"><li>one</li><li>two</li></ol>',
    );
    expect(formatHtml('3. three')).toContain('<ol start="3"');
    expect(formatHtml('```\n<b>&</b>\n```')).toContain('>&#60;b&#62;&#38;&#60;/b&#62;</pre>');
  });
  it('keeps markup and dangerous URLs as text', () => {
    const html = formatHtml(
      '<img src=x onerror=alert(1)> javascript:alert(1) [x](javascript:alert(1)) data:text/html,x',
    );
    expect(html).not.toContain('<img');
    expect(html).not.toContain('href="javascript');
    expect(html).not.toContain('href="data');
    expect(html).not.toContain('<a');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
  });
  it('formats the messages of the unread-replies and transcript emails; the text part keeps the text', () => {
    const messages = [agent('see **step 2** at https://example.com/setup'), agent('<script>x</script> _ok_', 2)];
    const mail = unreadRepliesEmail('Acme', messages, 'https://parley.example/c', 'https://parley.example/u');
    expect(mail.html).toContain('see <strong>step 2</strong> at <a href="https://example.com/setup"');
    expect(mail.html).toContain('&#60;script&#62;x&#60;/script&#62; <em>ok</em>');
    expect(mail.html).not.toContain('<script>');
    expect(mail.text).toContain('Ada: see **step 2** at https://example.com/setup');
    expect(transcriptEmail('Acme', messages, 'https://parley.example/u').html).toContain('<em>ok</em>');
  });
});
