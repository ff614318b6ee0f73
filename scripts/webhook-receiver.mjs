// A local webhook receiver for the worker's tests (started from vitest.config.ts, its URL passed as the
// WEBHOOK_RECEIVER_URL binding): it records every delivery, checks its signature with the very function
// docs/integrations.md publishes (docs/examples/verify-webhook.mjs), and answers as each test tells it.
//   POST /_config/<inbox>  {secret?, status?, hang?, failConversation?}: how <inbox> answers from now on
//   POST /_release/<inbox>  answers every request of <inbox> that was told to hang (200)
//   GET  /_requests/<inbox> every request received at /<inbox>: {headers, body, valid, open, closed}
//   POST /<inbox>           a delivery
import { createServer } from 'node:http';
import { verifyParleySignature } from '../docs/examples/verify-webhook.mjs';

/** Starts the receiver on a free loopback port. */
export async function startWebhookReceiver() {
  /** Per inbox: its configuration, its requests, the answers held back by `hang`. */
  const inboxes = new Map();
  const inbox = (name) => {
    if (!inboxes.has(name)) inboxes.set(name, { config: { status: 200 }, requests: [], held: [] });
    return inboxes.get(name);
  };
  const json = (res, status, body) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      const [, first, second] = req.url.split('/');
      if (first === '_config') {
        Object.assign(inbox(second).config, JSON.parse(raw || '{}'));
        return json(res, 200, inbox(second).config);
      }
      if (first === '_release') {
        for (const held of inbox(second).held.splice(0)) held();
        return json(res, 200, {});
      }
      if (first === '_requests') return json(res, 200, inbox(second).requests);
      if (req.method !== 'POST') return json(res, 405, {});
      const box = inbox(first);
      const { config } = box;
      const body = JSON.parse(raw);
      const entry = {
        headers: req.headers,
        body,
        valid: !!config.secret && verifyParleySignature(raw, req.headers['x-parley-signature'], config.secret),
        open: true,
        closed: false,
      };
      box.requests.push(entry);
      res.on('close', () => {
        entry.open = false;
        entry.closed = !res.writableFinished;
      });
      const conversationId = body.data?.conversation?.id ?? body.data?.message?.conversationId;
      if (config.failConversation && config.failConversation === conversationId) return json(res, 500, {});
      if (config.hang) return box.held.push(() => json(res, 200, {}));
      json(res, config.status ?? 200, {});
    });
  });
  // Never keeps a test process alive.
  server.unref();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  return { url, close: () => new Promise((resolve) => server.close(resolve)) };
}
