import { describe, expect, it } from 'vitest';
import { checkWebhookUrl } from '../webhooks/url';

// docs/integrations.md "URL": never localhost, *.local, *.internal, a loopback, private, link-local or
// documentation address (IPv4 or IPv6), on a deployment (WEBHOOK_ALLOW_LOCAL off).
describe('break15 webhooks: URL rules on a deployment', () => {
  it('refuses localhost, *.local and *.internal written with a trailing dot (the same hosts to DNS)', () => {
    for (const url of [
      'https://localhost./x',
      'https://api.localhost./x',
      'https://printer.local./x',
      'https://metadata.google.internal./computeMetadata/v1/',
    ])
      expect(checkWebhookUrl(url, false), url).toHaveProperty('error');
  });

  it('refuses the IPv4 documentation ranges (TEST-NET-1, -2, -3) the docs promise to refuse', () => {
    for (const url of ['https://192.0.2.10/x', 'https://198.51.100.7/x', 'https://203.0.113.9/x'])
      expect(checkWebhookUrl(url, false), url).toHaveProperty('error');
  });

  it('refuses IPv6 forms that carry a private or link-local IPv4 address (6to4)', () => {
    for (const url of [
      'https://[2002:a9fe:a9fe::]/latest', // 6to4 of 169.254.169.254
      'https://[2002:7f00:1::]/x', // 6to4 of 127.0.0.1
      'https://[2002:a00:1::]/x', // 6to4 of 10.0.0.1
    ])
      expect(checkWebhookUrl(url, false), url).toHaveProperty('error');
  });
});
