import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, connect, paths, visitorSession, waitFor, workspaceWithSite } from '../../test/helpers';
import { WEBHOOK_EVENTS } from '../../../protocol';
import { deliveriesOf, inbox, type Received, typesOf, webhook } from './test-helpers';

const post = (token: string, path: string, body?: unknown) => api(path, { token, method: 'POST', body });

/** A workspace with a webhook on every event at a fresh inbox of the local receiver, then a conversation. */
async function setup(hook: Record<string, unknown> = {}) {
  const { owner, site } = await workspaceWithSite();
  const box = inbox();
  const created = await webhook(owner.token, { url: box.url, events: [...WEBHOOK_EVENTS], ...hook });
  await box.config({ secret: created.secret });
  const visitor = await visitorSession(site.key);
  const conversation = (await api('/api/widget/conversations', { token: visitor.token, body: {} })).body.conversation;
  return { owner, site, box, hook: created.webhook, secret: created.secret, visitor, conversation };
}

const messageBodies = (rs: Received[]) => rs.filter((r) => r.body.data.message).map((r) => r.body.data.message.body);

describe('webhook deliveries', () => {
  it('sends signed events of a conversation in order, never notes unless asked, from explicit views', async () => {
    const { owner, site, box, hook, visitor, conversation } = await setup();
    const v = await connect(paths.visitor(conversation.id), visitor.token);
    const a = await connect(paths.agent(conversation.id), owner.token);
    v.send({ type: 'send', clientId: 'v1', body: 'Where is my order?' });
    await a.next((f) => f.type === 'message' && f.message.body === 'Where is my order?');
    // Events come from the D1 projection (about 1 s of changes at a time): a reply in the same second would show
    // the conversation first as already active. Here the receiver has the question first.
    await box.until((rs) => messageBodies(rs).includes('Where is my order?'));
    a.send({ type: 'send', clientId: 'n1', kind: 'note', body: 'secret internal note', claim: false });
    a.send({ type: 'send', clientId: 'a1', body: 'On its way' });
    await v.next((f) => f.type === 'message' && f.message.body === 'On its way');
    const got = await box.until((rs) => messageBodies(rs).includes('On its way'));

    // The visitor's own events are ordered per visitor, apart from the conversation's.
    expect(typesOf(got).filter((t) => t.startsWith('visitor.'))).toEqual(['visitor.created']);
    const types = typesOf(got).filter((t) => !t.startsWith('visitor.'));
    expect(types[0]).toBe('conversation.created');
    expect(types).toContain('conversation.status_changed');
    expect(messageBodies(got)).toEqual(['Where is my order?', 'Ann claimed the conversation', 'On its way']);
    const seqs = got.filter((r) => r.body.data.message).map((r) => r.body.data.message.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(JSON.stringify(got)).not.toContain('secret internal note');
    for (const r of got) {
      // Checked by the receiver with the function docs/integrations.md publishes.
      expect(r.valid).toBe(true);
      expect(r.headers['x-parley-delivery']).toBe(r.body.id);
      expect(r.headers['x-parley-event']).toBe(r.body.type);
      expect(r.body).toMatchObject({ workspaceId: owner.agent.workspaceId, createdAt: expect.any(String) });
    }
    const changed = got.find((r) => r.body.type === 'conversation.status_changed')!.body.data;
    expect(changed).toMatchObject({ from: 'waiting', to: 'active' });
    expect(changed.conversation).toMatchObject({ id: conversation.id, siteId: site.id, status: 'active' });
    // Explicit views: nothing internal (rev, unread counters, read markers, client ids, the notes field).
    for (const key of ['rev', 'agentUnread', 'visitorReadSeq', 'notes'])
      expect(changed.conversation).not.toHaveProperty(key);
    const first = got.find((r) => r.body.type === 'message.created')!.body.data.message;
    expect(Object.keys(first).sort()).toEqual(
      ['body', 'conversationId', 'createdAt', 'deletedAt', 'editedAt', 'file', 'id', 'kind', 'sender', 'seq'].sort(),
    );
    const log = await deliveriesOf(owner.token, hook.id);
    expect(log.length).toBe(got.length);
    expect(log.every((d) => d.status === 'delivered' && d.attempts === 1 && d.responseCode === 200)).toBe(true);
    v.close();
    a.close();
  });

  it('sends notes to a webhook that asked for them; only the events asked for; rating.created', async () => {
    const { owner, box, visitor, conversation } = await setup({
      includeNotes: true,
      events: ['message.created', 'rating.created'],
    });
    const a = await connect(paths.agent(conversation.id), owner.token);
    a.send({ type: 'send', clientId: 'n1', kind: 'note', body: 'a note for the CRM', claim: false });
    await box.until((rs) => messageBodies(rs).includes('a note for the CRM'));
    await post(owner.token, `/api/conversations/${conversation.id}/claim`);
    await post(owner.token, `/api/conversations/${conversation.id}/resolve`);
    const rated = await api(`/api/widget/conversations/${conversation.id}/rating`, {
      token: visitor.token,
      body: { score: 5 },
    });
    expect(rated.status).toBe(200);
    const got = await box.until((rs) => typesOf(rs).includes('rating.created'));
    expect(new Set(got.map((r) => r.body.type))).toEqual(new Set(['message.created', 'rating.created']));
    expect(got.find((r) => r.body.type === 'rating.created')!.body.data.rating).toMatchObject({ score: 5 });
    a.close();
  });

  it('announces new visitors and their changed name or email', async () => {
    const { owner, site } = await workspaceWithSite();
    const box = inbox();
    const { secret } = await webhook(owner.token, { url: box.url, events: ['visitor.created', 'visitor.updated'] });
    await box.config({ secret });
    const visitor = await visitorSession(site.key);
    await visitorSession(site.key, visitor.token); // the same visitor again: nothing new
    const started = await api('/api/widget/conversations', {
      token: visitor.token,
      body: { name: 'Vera', email: 'vera@example.com' },
    });
    expect(started.status).toBe(201);
    const got = await box.until((rs) => rs.length === 2);
    expect(typesOf(got)).toEqual(['visitor.created', 'visitor.updated']);
    expect(got[0]!.body.data.visitor).toEqual({ id: visitor.visitor.id, siteId: site.id, name: null, email: null });
    expect(got[1]!.body.data.visitor).toEqual({
      id: visitor.visitor.id,
      siteId: site.id,
      name: 'Vera',
      email: 'vera@example.com',
    });
    expect(got.every((r) => r.valid)).toBe(true);
  });

  it('retries after a 500 and after a timeout, with the same delivery id, driven by the alarm', async () => {
    const { owner, box, hook, visitor, conversation } = await setup({ events: ['message.created'] });
    await box.config({ status: 500 });
    const v = await connect(paths.visitor(conversation.id), visitor.token);
    v.send({ type: 'send', clientId: 'r1', body: 'retry me' });
    await box.until((rs) => rs.length === 1);
    const stub = env.WEBHOOKS.getByName(hook.id);
    await waitFor(async () => (await deliveriesOf(owner.token, hook.id))[0]?.attempts === 1);
    const [failed] = await deliveriesOf(owner.token, hook.id);
    expect(failed).toMatchObject({ status: 'pending', responseCode: 500, lastError: 'HTTP 500' });
    expect(Date.parse(failed.nextAttemptAt)).toBeGreaterThan(Date.now());

    // The receiver now hangs: the attempt gives up after WEBHOOK_TIMEOUT_MS, and is retried later.
    await box.config({ status: 200, hang: true });
    await runDurableObjectAlarm(stub);
    const [timedOut] = await deliveriesOf(owner.token, hook.id);
    expect(timedOut).toMatchObject({ status: 'pending', attempts: 2, responseCode: null });
    expect(timedOut.lastError).toMatch(/^timeout/);

    await box.config({ hang: false });
    await runDurableObjectAlarm(stub);
    const [ok] = await deliveriesOf(owner.token, hook.id);
    expect(ok).toMatchObject({ status: 'delivered', attempts: 3, responseCode: 200, lastError: null });
    const got = await box.requests();
    expect(got).toHaveLength(3);
    expect(new Set(got.map((r) => r.body.id))).toEqual(new Set([ok.id]));
    expect(got.every((r) => r.valid)).toBe(true);
    v.close();
  });

  it('holds back a failing conversation only; the rest of it follows in order once it recovers', async () => {
    const { owner, site, box, hook, visitor, conversation } = await setup({ events: ['message.created'] });
    await box.config({ failConversation: conversation.id });
    const v = await connect(paths.visitor(conversation.id), visitor.token);
    for (const n of [1, 2, 3]) {
      v.send({ type: 'send', clientId: `o${n}`, body: `in order ${n}` });
      await v.next((f) => f.type === 'ack' && f.clientId === `o${n}`);
    }
    // Another conversation of the same webhook is not held back.
    const other = await visitorSession(site.key);
    const second = (await api('/api/widget/conversations', { token: other.token, body: {} })).body.conversation;
    const w = await connect(paths.visitor(second.id), other.token);
    w.send({ type: 'send', clientId: 'x', body: 'not held back' });
    await box.until((rs) => messageBodies(rs).includes('not held back'));
    await waitFor(async () => (await deliveriesOf(owner.token, hook.id)).length === 4);
    // Only the head of the failing conversation was tried.
    expect(messageBodies(await box.requests()).filter((b) => b.startsWith('in order'))).toEqual(
      expect.arrayContaining(['in order 1']),
    );
    expect(messageBodies(await box.requests())).not.toContain('in order 2');

    await box.config({ failConversation: null });
    const stub = env.WEBHOOKS.getByName(hook.id);
    await waitFor(async () => {
      await runDurableObjectAlarm(stub);
      return (await deliveriesOf(owner.token, hook.id)).every((d) => d.status === 'delivered');
    }, 15_000);
    const delivered = messageBodies(await box.requests()).filter((b) => b.startsWith('in order'));
    expect(delivered.slice(-3)).toEqual(['in order 1', 'in order 2', 'in order 3']);
    v.close();
    w.close();
  });

  it('"send again" delivers the same delivery id once more and logs the attempt', async () => {
    const { owner, box, hook, visitor, conversation } = await setup({ events: ['message.created'] });
    const v = await connect(paths.visitor(conversation.id), visitor.token);
    v.send({ type: 'send', clientId: 's1', body: 'send me twice' });
    await box.until((rs) => rs.length === 1);
    await waitFor(async () => (await deliveriesOf(owner.token, hook.id))[0]?.status === 'delivered');
    const [d] = await deliveriesOf(owner.token, hook.id);
    const again = await post(owner.token, `/api/webhooks/${hook.id}/deliveries/${d.id}/redeliver`);
    expect(again.status).toBe(202);
    expect(again.body.delivery).toMatchObject({ id: d.id, status: 'pending' });
    const got = await box.until((rs) => rs.length === 2);
    expect(got[1]!.body).toEqual(got[0]!.body);
    await waitFor(async () => (await deliveriesOf(owner.token, hook.id))[0]?.attempts === 2);
    expect((await deliveriesOf(owner.token, hook.id))[0]).toMatchObject({ id: d.id, status: 'delivered' });
    const unknown = await post(owner.token, `/api/webhooks/${hook.id}/deliveries/dl_nope/redeliver`);
    expect(unknown.status).toBe(404);
    const failedOnly = await api(`/api/webhooks/${hook.id}/deliveries?status=failed`, { token: owner.token });
    expect(failedOnly.body.deliveries).toEqual([]);
    v.close();
  });

  it('gives up at once on 410 Gone; "send again" then delivers it; removal forgets the log', async () => {
    const { owner, box, hook, visitor, conversation } = await setup({ events: ['message.created'] });
    await box.config({ status: 410 });
    const v = await connect(paths.visitor(conversation.id), visitor.token);
    v.send({ type: 'send', clientId: 'g1', body: 'gone' });
    await waitFor(async () => (await deliveriesOf(owner.token, hook.id))[0]?.status === 'failed');
    const [failed] = await deliveriesOf(owner.token, hook.id);
    expect(failed).toMatchObject({ attempts: 1, responseCode: 410, lastError: 'HTTP 410', nextAttemptAt: null });
    const stub = env.WEBHOOKS.getByName(hook.id);
    await runDurableObjectAlarm(stub); // nothing left to retry: the alarm's run sends nothing
    expect(await box.requests()).toHaveLength(1);
    await box.config({ status: 200 });
    expect((await post(owner.token, `/api/webhooks/${hook.id}/deliveries/${failed.id}/redeliver`)).status).toBe(202);
    await waitFor(async () => (await deliveriesOf(owner.token, hook.id))[0]?.status === 'delivered');
    expect((await box.requests()).map((r) => r.body.id)).toEqual([failed.id, failed.id]);
    expect((await api(`/api/webhooks/${hook.id}`, { token: owner.token, method: 'DELETE' })).status).toBe(204);
    expect(await stub.deliveries(50)).toEqual([]);
    v.close();
  });

  it('turns a webhook off after 3 days of failures, tells the admins, and resumes when turned back on', async () => {
    const { owner, box, hook, visitor, conversation } = await setup({ events: ['message.created'] });
    await box.config({ status: 503 });
    const v = await connect(paths.visitor(conversation.id), visitor.token);
    v.send({ type: 'send', clientId: 'd1', body: 'nobody listens' });
    await waitFor(async () => (await deliveriesOf(owner.token, hook.id))[0]?.attempts === 1);
    const stub = env.WEBHOOKS.getByName(hook.id);
    // Failing for three days already (the clock cannot be moved here; the figure can).
    await runInDurableObject(stub, (_o, state) => {
      state.storage.sql.exec(
        "INSERT OR REPLACE INTO state (key, value) VALUES ('failing_since', ?)",
        Date.now() - 3 * 86_400_000 - 1000,
      );
    });
    await runDurableObjectAlarm(stub);
    const off = (await api(`/api/webhooks/${hook.id}`, { token: owner.token })).body.webhook;
    expect(off).toMatchObject({ enabled: false, disabledReason: 'failing' });
    const audit = (await api('/api/audit?action=webhook.disable', { token: owner.token })).body.entries;
    expect(audit[0]).toMatchObject({ actor: { type: 'system' }, target: { type: 'webhook', id: hook.id } });
    const mail = await env.DB.prepare('SELECT to_address AS too, subject FROM email_outbox WHERE workspace_id = ?')
      .bind(owner.agent.workspaceId)
      .all<{ subject: string }>();
    expect(mail.results.map((m) => m.subject)).toContain('A webhook was turned off');

    // Off: new events are not queued; what waited stays.
    v.send({ type: 'send', clientId: 'd2', body: 'while off' });
    await v.next((f) => f.type === 'ack' && f.clientId === 'd2');
    await box.config({ status: 200 });
    const on = await api(`/api/webhooks/${hook.id}`, { token: owner.token, method: 'PATCH', body: { enabled: true } });
    expect(on.body.webhook).toMatchObject({ enabled: true, disabledReason: null, disabledAt: null });
    await waitFor(async () => (await deliveriesOf(owner.token, hook.id))[0]?.status === 'delivered');
    expect(await deliveriesOf(owner.token, hook.id)).toHaveLength(1);
    expect(messageBodies(await box.requests())).not.toContain('while off');
    v.close();
  });

  it('a hanging receiver never delays chat: messages reach the agent while a delivery is stuck', async () => {
    const { owner, box, visitor, conversation } = await setup({ events: ['message.created'] });
    await box.config({ hang: true });
    const v = await connect(paths.visitor(conversation.id), visitor.token);
    const a = await connect(paths.agent(conversation.id), owner.token);
    v.send({ type: 'send', clientId: 'h1', body: 'first, stuck at the receiver' });
    await box.until((rs) => rs.length === 1 && rs[0]!.open);
    for (const n of [2, 3, 4]) {
      v.send({ type: 'send', clientId: `h${n}`, body: `still live ${n}` });
      await a.next((f) => f.type === 'message' && f.message.body === `still live ${n}`);
    }
    // The receiver still holds the first delivery's request: chat went on regardless.
    expect((await box.requests())[0]!.open).toBe(true);
    await box.release();
    v.close();
    a.close();
  });
});
