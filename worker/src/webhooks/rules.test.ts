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

  it('retries 408, 429, 5xx and no answer; gives up on other 4xx and 3xx', () => {
    expect([200, 204, 299].map(verdict)).toEqual(['delivered', 'delivered', 'delivered']);
    expect([408, 429, 500, 503, null].map(verdict)).toEqual(['retry', 'retry', 'retry', 'retry', 'retry']);
    expect([301, 400, 401, 404, 410].map(verdict)).toEqual(['give_up', 'give_up', 'give_up', 'give_up', 'give_up']);
  });
});
