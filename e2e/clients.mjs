// Visitors and agents driven from Node through the public REST + WebSocket protocol (docs: DESIGN.md,
// "Realtime protocol"), for tests that need many conversations or exact numbers without a browser per visitor.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { BASE, api, waitFor } from './browser.mjs';

/**
 * A socket with the token as the `bearer.<token>` subprotocol and the Origin a page on BASE sends
 * (Node's WebSocket, undici, accepts extra headers). Resolves once the server said hello.
 */
async function openSocket(path, token) {
  const ws = new WebSocket(BASE.replace(/^http/, 'ws') + path, {
    protocols: ['parley.v1', `bearer.${token}`],
    headers: { Origin: BASE },
  });
  const frames = [];
  let closed = null;
  ws.addEventListener('message', (e) => frames.push(JSON.parse(e.data)));
  ws.addEventListener('close', (e) => (closed = e.code));
  await waitFor(() => {
    if (closed !== null) throw new Error(`socket ${path} closed with ${closed}`);
    return frames.some((f) => f.type === 'hello');
  }, `the hello frame on ${path}`);
  return {
    frames,
    /** Sends a message and waits for its ack (an error frame fails the test with the server's code). */
    async send(body, kind = 'text') {
      const clientId = randomUUID();
      ws.send(JSON.stringify({ type: 'send', clientId, body, kind }));
      const answer = await waitFor(
        () => frames.find((f) => (f.type === 'ack' || f.type === 'error') && f.clientId === clientId),
        `the ack of "${body}"`,
      );
      assert.equal(answer.type, 'ack', `sending "${body}": ${JSON.stringify(answer)}`);
      return answer;
    },
    close: () => ws.close(),
  };
}

/** A new visitor of `siteKey` (optionally named, with an email) with one conversation, its socket open. */
export async function apiVisitor(siteKey, { name, email } = {}) {
  const user =
    name || email
      ? { user: { id: randomUUID(), hash: '', ...(name ? { name } : {}), ...(email ? { email } : {}) } }
      : {};
  const session = await api('/api/widget/session', { method: 'POST', body: { siteKey, ...user }, origin: BASE });
  assert.equal(session.status, 200, `widget session: ${JSON.stringify(session.body)}`);
  const { token } = session.body;
  const created = await api('/api/widget/conversations', { method: 'POST', body: {}, token, origin: BASE });
  assert.equal(created.status, 201, `start conversation: ${JSON.stringify(created.body)}`);
  const { conversation } = created.body;
  const socket = await openSocket(`/api/widget/conversations/${conversation.id}/ws`, token);
  return { token, id: conversation.id, ...socket };
}

/** An agent's socket on one conversation (replies and notes go over it, as in the console). */
export function agentSocket(conversationId, token) {
  return openSocket(`/api/conversations/${conversationId}/ws`, token);
}

/** A conversation action (claim, resolve, close, reopen…) through REST, asserting that it was accepted. */
export async function act(token, conversationId, action, body) {
  const r = await api(`/api/conversations/${conversationId}/${action}`, { method: 'POST', token, body });
  assert.equal(r.status, 200, `${action} ${conversationId}: ${JSON.stringify(r.body)}`);
  return r.body.conversation;
}

/**
 * A workspace of its own (its owner and one site allowing BASE), so a test's numbers are not mixed with
 * what other files left in the shared demo workspace.
 */
export async function freshWorkspace(label) {
  const id = randomUUID().slice(0, 8);
  const owner = {
    workspace: `${label} ${id}`,
    name: `Owner ${id}`,
    email: `owner-${id}@e2e.parley.local`,
    password: `pw-${randomUUID()}`,
  };
  const reg = await api('/api/auth/register', { method: 'POST', body: owner });
  assert.equal(reg.status, 201, `register: ${JSON.stringify(reg.body)}`);
  const { token, agent } = reg.body;
  const site = await api('/api/sites', { method: 'POST', token, body: { name: `Site ${id}`, allowedOrigins: [BASE] } });
  assert.equal(site.status, 201, `create site: ${JSON.stringify(site.body)}`);
  return { ...owner, token, agent, site: site.body.site };
}
