// The Node verification code in docs/integrations.md is the file the worker tests' receiver verifies deliveries
// with (docs/examples/verify-webhook.mjs): the docs must show it verbatim, and it must refuse what it should.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyParleySignature } from '../docs/examples/verify-webhook.mjs';

const root = new URL('..', import.meta.url);
const read = (p) => readFileSync(new URL(p, root), 'utf8');
const sign = (secret, t, body) => `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;

describe('the documented webhook verification', () => {
  it('is shown in docs/integrations.md exactly as the tests run it', () => {
    expect(read('docs/integrations.md')).toContain(read('docs/examples/verify-webhook.mjs'));
  });

  it('accepts a fresh signature over the raw body, and refuses tampering, another secret, old or junk headers', () => {
    const secret = 'whsec_test';
    const body = '{"id":"dl_1","type":"message.created"}';
    const now = Math.floor(Date.now() / 1000);
    expect(verifyParleySignature(body, sign(secret, now, body), secret)).toBe(true);
    expect(verifyParleySignature(Buffer.from(body), sign(secret, now, body), secret)).toBe(true);
    expect(verifyParleySignature(`${body} `, sign(secret, now, body), secret)).toBe(false);
    expect(verifyParleySignature(body, sign('whsec_other', now, body), secret)).toBe(false);
    expect(verifyParleySignature(body, sign(secret, now - 301, body), secret)).toBe(false);
    for (const junk of [undefined, '', 't=1', `t=${now},v1=zz`, `v1=${'a'.repeat(64)}`])
      expect(verifyParleySignature(body, junk, secret)).toBe(false);
  });
});
