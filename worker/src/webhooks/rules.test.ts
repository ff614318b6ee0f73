import { describe, expect, it } from 'vitest';
import { backoff, verdict } from './policy';
import { checkWebhookUrl } from './url';

describe('webhook URL rules on a deployment (WEBHOOK_ALLOW_LOCAL off)', () => {
  it('takes https to public hosts and addresses only', () => {
    const ok = ['https://hooks.example.com/p?q=1', 'https://8.8.8.8:8443/x', 'https://[2606:4700::1111]/x'];
    for (const url of ok) expect(checkWebhookUrl(url, false), url).toHaveProperty('url');
    const refused = [
      'http://hooks.example.com/x',
      'http://127.0.0.1:8080/x',
      'https://127.0.0.1/x',
      'https://localhost/x',
      'https://api.localhost/x',
      'https://0x7f.1/x',
      'https://100.64.0.1/x',
      'https://172.20.0.1/x',
      'https://[::1]/x',
      'https://[fe80::1]/x',
      'https://[2001:db8::1]/x',
      'https://metadata.internal/x',
    ];
    for (const url of refused) expect(checkWebhookUrl(url, false), url).toHaveProperty('error');
  });
});

describe('retry policy', () => {
  it('backs off exponentially with jitter, capped at an hour', () => {
    expect(backoff(1, 0)).toBe(15_000);
    expect(backoff(1, 1)).toBe(30_000);
    expect(backoff(3, 1)).toBe(120_000);
    expect(backoff(20, 1)).toBe(3_600_000);
    expect(backoff(20, 0)).toBe(1_800_000);
  });

  it('retries every failure but 410 Gone: a 4xx may be a secret rotated a moment ago, a 3xx a URL being moved', () => {
    expect([200, 204, 299].map(verdict)).toEqual(['delivered', 'delivered', 'delivered']);
    const passing = [null, 301, 302, 400, 401, 403, 404, 408, 409, 422, 429, 500, 503];
    expect(passing.map(verdict)).toEqual(passing.map(() => 'retry'));
    expect(verdict(410)).toBe('give_up');
  });
});
