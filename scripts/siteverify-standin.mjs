// A local stand-in for Cloudflare Turnstile's siteverify, for tests only: this machine cannot reach Cloudflare.
// It implements the documented request (POST, form-encoded or JSON: secret, response, remoteip, idempotency_key)
// and answer ({success, "error-codes", challenge_ts, hostname, action, cdata, metadata}) for Cloudflare's documented
// test secret keys, which accept only the dummy token the test site keys produce
// (https://developers.cloudflare.com/turnstile/troubleshooting/testing/). Any other secret is an invalid secret.
import { createServer } from 'node:http';

/** Cloudflare's test keys and the dummy token (public, documented values). */
export const TURNSTILE_TEST = {
  /** Invisible widget, always passes (its token is the dummy token). */
  siteKey: '1x00000000000000000000BB',
  passSecret: '1x0000000000000000000000000000000AA',
  failSecret: '2x0000000000000000000000000000000AA',
  spentSecret: '3x0000000000000000000000000000000AA',
  dummyToken: 'XXXX.DUMMY.TOKEN.XXXX',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The answer siteverify gives to one request body (exported for its own unit test). */
export function siteverify(body) {
  const fail = (...codes) => ({ success: false, 'error-codes': codes, messages: [] });
  const { secret, response, idempotency_key: key } = body ?? {};
  if (!secret) return fail('missing-input-secret');
  if (!response) return fail('missing-input-response');
  if (typeof response !== 'string' || response.length > 2048) return fail('invalid-input-response');
  if (key !== undefined && !UUID.test(key)) return fail('bad-request');
  if (secret === TURNSTILE_TEST.failSecret) return fail('invalid-input-response');
  if (secret === TURNSTILE_TEST.spentSecret) return fail('timeout-or-duplicate');
  if (secret !== TURNSTILE_TEST.passSecret) return fail('invalid-input-secret');
  if (response !== TURNSTILE_TEST.dummyToken) return fail('invalid-input-response');
  return {
    success: true,
    'error-codes': [],
    challenge_ts: new Date().toISOString(),
    hostname: 'example.com',
    action: '',
    cdata: '',
    metadata: { interactive: false },
  };
}

/** Starts the stand-in on a free loopback port: `url` is its siteverify address, `requests` every parsed body. */
export async function startSiteverify() {
  const requests = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      const send = (status, answer) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer));
      };
      if (req.method !== 'POST' || !req.url.startsWith('/turnstile/v0/siteverify'))
        return send(405, { success: false, 'error-codes': ['bad-request'] });
      let body;
      try {
        body = String(req.headers['content-type']).includes('application/json')
          ? JSON.parse(raw)
          : Object.fromEntries(new URLSearchParams(raw));
      } catch {
        return send(400, { success: false, 'error-codes': ['bad-request'] });
      }
      requests.push(body);
      send(200, siteverify(body));
    });
  });
  // Never keeps a test process alive.
  server.unref();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/turnstile/v0/siteverify`;
  return { url, requests, close: () => new Promise((resolve) => server.close(resolve)) };
}
