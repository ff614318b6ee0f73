import { describe, expect, it } from 'vitest';
import { identifySnippet, installSnippet, maskSecret, QUEUE_STUB, scriptTag, serverHashSnippet } from './snippet';

describe('install snippets', () => {
  it('builds the script tag from the API origin and the site key', () => {
    expect(scriptTag('http://127.0.0.1:8787/', 'pk_abc')).toBe(
      '<script src="http://127.0.0.1:8787/widget.js" data-site="pk_abc" async></script>',
    );
  });
  it('puts the queue stub before the script so early calls are kept', () => {
    const text = installSnippet('https://chat.example.com', 'k');
    expect(QUEUE_STUB).toBe('window.Parley = window.Parley || function(){(Parley.q=Parley.q||[]).push(arguments)};');
    expect(text.indexOf(QUEUE_STUB)).toBeGreaterThan(-1);
    expect(text.indexOf(QUEUE_STUB)).toBeLessThan(text.indexOf('widget.js'));
  });
  it('escapes the key inside the attribute', () => {
    expect(scriptTag('https://x', 'a"b')).toContain('data-site="a&quot;b"');
  });
  it('explains identify with a server-computed HMAC, under the names the widget reads', () => {
    const text = identifySnippet();
    expect(text).toContain("Parley('identify'");
    // The widget's identify() reads userId and userHash; `id`/`hash` were silently ignored.
    expect(text).toMatch(/\buserId: '/);
    expect(text).toMatch(/\buserHash: '/);
    expect(text).not.toMatch(/\b(id|hash): '/);
    expect(text).toContain(QUEUE_STUB);
    expect(text).toMatch(/HMAC-SHA256\(userId, .*secret\)/);
    expect(serverHashSnippet()).toContain("createHmac('sha256'");
  });
  it('masks a secret without revealing any character', () => {
    expect(maskSecret('abc123')).toBe('••••••');
  });
});
