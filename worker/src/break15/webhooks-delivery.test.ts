import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, connect, paths, visitorSession, waitFor, workspaceWithSite } from '../../test/helpers';
import { WEBHOOKS_PER_WORKSPACE } from '../../../protocol';
import { deliveriesOf, inbox, type Received, typesOf, webhook } from '../webhooks/test-helpers';

const post = (token: string, path: string, body?: unknown) => api(path, { token, method: 'POST', body });
const bodies = (rs: Received[]) => rs.filter((r) => r.body.data.message).map((r) => r.body.data.message.body);

/** Wait until the delivery object's alarm has run and is set well in the future again (or nothing waits). */
async function alarmSettled(hookId: string) {
  const stub = env.WEBHOOKS.getByName(hookId);
  await waitFor(async () => {
    const at = await runInDurableObject(stub, (_o, state) => state.storage.getAlarm());
    return at === null || at > Date.now() + 5000;
  }, 8000);
}

async function failingConversation() {
  const { owner, site } = await workspaceWithSite();
  const box = inbox();
  const created = await webhook(owner.token, { url: box.url, events: ['message.created'] });
  const visitor = await visitorSession(site.key);
  const conversation = (await api('/api/widget/conversations', { token: visitor.token, body: {} })).body.conversation;
  await box.config({ secret: created.secret, failConversation: conversation.id });
  const v = await connect(paths.visitor(conversation.id), visitor.token);
  const send = async (n: number) => {
    v.send({ type: 'send', clientId: `m${n}`, body: `m${n}` });
    await v.next((f) => f.type === 'ack' && f.clientId === `m${n}`);
  };
  return { owner, box, hook: created.webhook, conversation, v, send };
}

describe('break15 webhooks: deliveries', () => {
  it('an existing conversation claimed after the webhook was added is announced (status_changed)', async () => {
    const { owner, site } = await workspaceWithSite();
    const visitor = await visitorSession(site.key);
    const conversation = (await api('/api/widget/conversations', { token: visitor.token, body: {} })).body.conversation;
    const box = inbox();
    const { secret } = await webhook(owner.token, {
      url: box.url,
      events: ['conversation.status_changed', 'conversation.updated', 'message.created'],
    });
    await box.config({ secret });
    expect((await post(owner.token, `/api/conversations/${conversation.id}/claim`)).status).toBe(200);
    // The claim's system message arrives: the projection of the claim reached the webhook.
    const got = await box.until((rs) => bodies(rs).some((b) => b.includes('claimed')), 10_000);
    expect(typesOf(got)).toContain('conversation.status_changed');
  });

  it('a new message in a conversation whose head is backing off does not retry that head early', async () => {
    const { owner, box, hook, v, send } = await failingConversation();
    await send(1);
    await waitFor(async () => (await deliveriesOf(owner.token, hook.id))[0]?.attempts === 1, 8000);
    await alarmSettled(hook.id);
    const [head] = await deliveriesOf(owner.token, hook.id);
    expect(Date.parse(head.nextAttemptAt)).toBeGreaterThan(Date.now() + 5000);
    await send(2);
    await waitFor(async () => (await deliveriesOf(owner.token, hook.id)).length === 2, 8000);
    await alarmSettled(hook.id);
    // m1 was promised a wait of 15-30 s; a new event of its conversation must not cut it short.
    expect(bodies(await box.requests())).toEqual(['m1']);
    v.close();
  });

  it('"send again" on a delivery still waiting does not let later events of its conversation overtake it', async () => {
    const { owner, box, hook, v, send } = await failingConversation();
    for (const n of [1, 2, 3]) await send(n);
    await waitFor(async () => {
      const log = await deliveriesOf(owner.token, hook.id);
      return log.length === 3 && log.some((d) => d.attempts === 1);
    }, 8000);
    const first = (await deliveriesOf(owner.token, hook.id)).find((d) => d.attempts === 1)!;
    expect((await post(owner.token, `/api/webhooks/${hook.id}/deliveries/${first.id}/redeliver`)).status).toBe(202);
    await alarmSettled(hook.id);
    const before = (await box.requests()).length;
    await box.config({ failConversation: null });
    const stub = env.WEBHOOKS.getByName(hook.id);
    await waitFor(async () => {
      await runDurableObjectAlarm(stub);
      return (await deliveriesOf(owner.token, hook.id)).every((d) => d.status === 'delivered');
    }, 15_000);
    expect(bodies((await box.requests()).slice(before))).toEqual(['m1', 'm2', 'm3']);
    v.close();
  });

  it('"send again" while that delivery is being attempted is not lost when the attempt ends', async () => {
    const { owner, box, hook, v, send } = await failingConversation();
    await box.config({ failConversation: null, hang: true });
    await send(1);
    await box.until((rs) => rs.length === 1 && rs[0]!.open);
    const [d] = await deliveriesOf(owner.token, hook.id);
    const again = await post(owner.token, `/api/webhooks/${hook.id}/deliveries/${d.id}/redeliver`);
    expect(again.status).toBe(202);
    expect(again.body.delivery.status).toBe('pending');
    await box.config({ hang: false });
    await box.release();
    // The 202 promised one more attempt after the one under way.
    await box.until((rs) => rs.length === 2, 8000);
    v.close();
  });

  it('the log keeps an entry 7 days, not longer, even when nothing new happens', async () => {
    const { owner, box, hook, v, send } = await failingConversation();
    await box.config({ failConversation: null });
    await send(1);
    await waitFor(async () => (await deliveriesOf(owner.token, hook.id))[0]?.status === 'delivered', 8000);
    await alarmSettled(hook.id);
    // Eight days pass (the clock cannot move here; the entry's time can).
    await runInDurableObject(env.WEBHOOKS.getByName(hook.id), (_o, state) => {
      state.storage.sql.exec('UPDATE deliveries SET created_at = created_at - ?', 8 * 86_400_000);
    });
    expect(await deliveriesOf(owner.token, hook.id)).toEqual([]);
    v.close();
  });

  /** m1 held open at the receiver, m2 queued behind it in the same conversation. */
  async function laneHeld() {
    const t = await failingConversation();
    await t.box.config({ failConversation: null, hang: true });
    await t.send(1);
    await t.box.until((rs) => rs.length === 1 && rs[0]!.open);
    await t.send(2);
    await waitFor(async () => (await deliveriesOf(t.owner.token, t.hook.id)).length === 2, 8000);
    return t;
  }

  it('a rotated secret signs the deliveries that go out after the rotation (the old one stops at once)', async () => {
    const { owner, box, hook, v } = await laneHeld();
    const rotated = await post(owner.token, `/api/webhooks/${hook.id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    await box.config({ secret: rotated.body.secret, hang: false });
    await box.release();
    const got = await box.until((rs) => rs.length === 2, 8000);
    expect(bodies(got)).toEqual(['m1', 'm2']);
    expect(got[1]!.valid).toBe(true);
    v.close();
  });

  it('a webhook turned off sends nothing more, not even the rest of a conversation under way', async () => {
    const { owner, box, hook, v } = await laneHeld();
    const off = await api(`/api/webhooks/${hook.id}`, {
      token: owner.token,
      method: 'PATCH',
      body: { enabled: false },
    });
    expect(off.body.webhook.enabled).toBe(false);
    await box.config({ hang: false });
    await box.release();
    await waitFor(async () => (await deliveriesOf(owner.token, hook.id)).some((d) => d.status === 'delivered'), 8000);
    await alarmSettled(hook.id);
    expect(bodies(await box.requests())).toEqual(['m1']);
    v.close();
  });

  it('notes queued before an admin turned includeNotes off are not sent after it', async () => {
    const { owner, site } = await workspaceWithSite();
    const box = inbox();
    const created = await webhook(owner.token, { url: box.url, events: ['message.created'], includeNotes: true });
    const visitor = await visitorSession(site.key);
    const conversation = (await api('/api/widget/conversations', { token: visitor.token, body: {} })).body.conversation;
    await box.config({ secret: created.secret, failConversation: conversation.id });
    const a = await connect(paths.agent(conversation.id), owner.token);
    a.send({ type: 'send', clientId: 'n1', kind: 'note', body: 'chargeback suspected', claim: false });
    await a.next((f) => f.type === 'ack' && f.clientId === 'n1');
    await waitFor(async () => (await deliveriesOf(owner.token, created.webhook.id))[0]?.attempts === 1, 8000);
    // The admin decides notes must no longer leave Parley.
    const patched = await api(`/api/webhooks/${created.webhook.id}`, {
      token: owner.token,
      method: 'PATCH',
      body: { includeNotes: false },
    });
    expect(patched.body.webhook.includeNotes).toBe(false);
    await box.config({ failConversation: null });
    const stub = env.WEBHOOKS.getByName(created.webhook.id);
    await waitFor(async () => {
      await runDurableObjectAlarm(stub);
      return (await deliveriesOf(owner.token, created.webhook.id)).every((d) => d.status !== 'pending');
    }, 15_000);
    const after = (await box.requests()).slice(1);
    expect(bodies(after)).not.toContain('chargeback suspected');
    a.close();
  });

  it('a delivery refused for its signature in the moment after a secret rotation is retried, not dropped', async () => {
    const { owner, box, hook, v, send } = await failingConversation();
    await box.config({ failConversation: null });
    const rotated = await post(owner.token, `/api/webhooks/${hook.id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    // The receiver still has the old secret: it answers 400 as the docs' Express example does.
    await box.config({ status: 400 });
    await send(1);
    await waitFor(async () => (await deliveriesOf(owner.token, hook.id))[0]?.attempts === 1, 8000);
    expect((await deliveriesOf(owner.token, hook.id))[0]).toMatchObject({ status: 'pending' });
    v.close();
  });

  it('a visitor whose name and email arrive with a later widget session is announced (visitor.updated)', async () => {
    const { owner, site } = await workspaceWithSite();
    const box = inbox();
    const { secret } = await webhook(owner.token, { url: box.url, events: ['visitor.created', 'visitor.updated'] });
    await box.config({ secret });
    const visitor = await visitorSession(site.key);
    const again = await api('/api/widget/session', {
      body: {
        siteKey: site.key,
        token: visitor.token,
        user: { id: 'u1', hash: 'unverified', name: 'Vera', email: 'vera@example.com' },
      },
    });
    expect(again.status).toBe(200);
    expect(again.body.visitor).toMatchObject({ name: 'Vera', email: 'vera@example.com' });
    // A later change that is announced: the receiver has everything before it.
    const started = await api('/api/widget/conversations', { token: visitor.token, body: { email: 'v2@example.com' } });
    expect(started.status).toBe(201);
    const got = await box.until((rs) => rs.some((r) => r.body.data.visitor?.email === 'v2@example.com'), 8000);
    expect(got.map((r) => r.body.data.visitor.email)).toContain('vera@example.com');
  });

  it(`never holds more than ${WEBHOOKS_PER_WORKSPACE} webhooks, even when created at once`, async () => {
    const { owner } = await workspaceWithSite();
    const results = await Promise.all(
      Array.from({ length: WEBHOOKS_PER_WORKSPACE + 5 }, (_, i) =>
        api('/api/webhooks', {
          token: owner.token,
          body: { url: `https://hooks.example.com/${i}`, events: ['message.created'] },
        }),
      ),
    );
    expect(results.filter((r) => r.status === 201).length).toBeLessThanOrEqual(WEBHOOKS_PER_WORKSPACE);
    const listed = (await api('/api/webhooks', { token: owner.token })).body.webhooks;
    expect(listed.length).toBeLessThanOrEqual(WEBHOOKS_PER_WORKSPACE);
  });
});
