import { describe, expect, it } from 'vitest';
import { checkWebhookUrl } from './url';

// The whole kind behind docs/integrations.md "URL": a private address or name written another way is the same
// private address or name (the WHATWG parser normalises, ipaddr.js classifies).
describe('webhook URL: a private address written another way', () => {
  const refused = (url: string) => expect(checkWebhookUrl(url, false), url).toHaveProperty('error');
  const taken = (url: string) => expect(checkWebhookUrl(url, false), url).toHaveProperty('url');

  it('refuses IPv4 loopback, private and metadata addresses in hex, octal, integer, short and encoded spellings', () => {
    for (const url of [
      'https://2130706433/x',
      'https://0177.0.0.1/x',
      'https://0x0a.0.0.1/x',
      'https://10.1/x',
      'https://%31%32%37.0.0.1/x',
      'https://①②⑦.0.0.1/x',
      'https://169.254.169.254./latest',
      'https://0.0.0.0/x',
      'https://255.255.255.255/x',
      'https://198.18.0.1/x',
      'https://240.0.0.1/x',
      'https://192.0.0.8/x',
    ])
      refused(url);
  });

  it('refuses every IPv6 form carrying an IPv4 address, and non-global IPv6', () => {
    for (const url of [
      'https://[::ffff:127.0.0.1]/x',
      'https://[0:0:0:0:0:ffff:a9fe:a9fe]/x',
      'https://[::ffff:8.8.8.8]/x',
      'https://[::127.0.0.1]/x',
      'https://[::a00:1]/x',
      'https://[64:ff9b::a9fe:a9fe]/x',
      'https://[64:ff9b:1::a00:1]/x',
      'https://[::ffff:0:a00:1]/x',
      'https://[2002:c0a8:101::1]/x',
      'https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/x',
      'https://[::]/x',
      'https://[fc00::1]/x',
      'https://[fec0::1]/x',
      'https://[ff02::1]/x',
      'https://[2001:db8:1::1]/x',
      'https://[100::1]/x',
    ])
      refused(url);
  });

  it('refuses private names however they are written, and empty or over-long URLs', () => {
    for (const url of [
      'https://LOCALHOST/x',
      'https://ⓛocalhost/x',
      'https://localhost../x',
      'https://nas.home.arpa/x',
      'https://router.lan./x',
      'https://intranet/x',
      '',
      '   ',
      `https://hooks.example.com/${'a'.repeat(2000)}`,
      // Percent-encoding lengthens the URL past the limit once normalised.
      `https://hooks.example.com/${'é'.repeat(400)}`,
    ])
      refused(url);
  });

  it('still takes public names and addresses', () => {
    for (const url of ['https://hooks.example.com./p', 'https://1.1.1.1/x', 'https://[2606:4700:4700::1111]/x'])
      taken(url);
  });

  it('takes a receiver on this machine only where WEBHOOK_ALLOW_LOCAL is on', () => {
    expect(checkWebhookUrl('http://localhost.:8787/x', true)).toHaveProperty('url');
    expect(checkWebhookUrl('http://localhost.:8787/x', false)).toHaveProperty('error');
  });
});
