import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, connect, paths, visitorSession, waitFor, workspaceWithSite } from '../../test/helpers';
import { deliveriesOf, inbox, type Received, webhook } from './test-helpers';

// A queued delivery goes out under the webhook's configuration and schedule of the moment it is attempted, never
// those of the moment it was queued: each field (URL, events, notes, on/off, removal) and each scheduling path
// (alarm, new event, "send again", turning back on), and what the object keeps expires without new traffic.

const bodies = (rs: Received[]) => rs.filter((r) => r.body.data.message).map((r) => r.body.data.message.body);
const patch = (token: string, id: string, body: unknown) =>
  api(`/api/webhooks/${id}`, { token, method: 'PATCH', body });
const sql = (hookId: string, query: string, ...args: unknown[]) =>
  runInDurableObject(env.WEBHOOKS.getByName(hookId), (_o, state) => state.storage.sql.exec(query, ...args).toArray());

/** Wait until the object's alarm has run and is set well in the future again (or nothing waits). */
async function alarmSettled(hookId: string) {
  const stub = env.WEBHOOKS.getByName(hookId);
  await waitFor(async () => {
    const at = await runInDurableObject(stub, (_o, state) => state.storage.getAlarm());
    return at === null || at > Date.now() + 5000;
  }, 8000);
}

/** A webhook on message.created (and `hook`), a conversation and its visitor's socket. */
async function setup(hook: Record<string, unknown> = {}) {
  const { owner, site } = await workspaceWithSite();
  const box = inbox();
  const created = await webhook(owner.token, { url: box.url, events: ['message.created'], ...hook });
  await box.config({ secret: created.secret });
  const visitor = await visitorSession(site.key);
  const conversation = (await api('/api/widget/conversations', { token: visitor.token, body: {} })).body.conversation;
  const v = await connect(paths.visitor(conversation.id), visitor.token);
  const a = await connect(paths.agent(conversation.id), owner.token);
  const send = async (n: string, kind?: 'note') => {
    const s = kind ? a : v;
    s.send({ type: 'send', clientId: n, body: n, ...(kind ? { kind, claim: false } : {}) });
    await s.next((f) => f.type === 'ack' && f.clientId === n);
  };
  const close = () => {
    v.close();
    a.close();
  };
  return { owner, site, box, hook: created.webhook, secret: created.secret, visitor, conversation, send, close };
}

/** m1 held open at the receiver, `second` queued behind it in the same conversation. */
async function laneHeld(hook: Record<string, unknown> = {}, second?: 'note') {
  const t = await setup(hook);
  await t.box.config({ hang: true });
  await t.send('m1');
  await t.box.until((rs) => rs.length === 1 && rs[0]!.open);
  await t.send('m2', second);
  await waitFor(async () => (await deliveriesOf(t.owner.token, t.hook.id)).length === 2, 8000);
  return t;
}

describe('a queued delivery acts on the current configuration', () => {
  it('a URL changed while a conversation is being delivered redirects what was queued', async () => {
    const t = await laneHeld();
    const moved = inbox();
    await moved.config({ secret: t.secret });
    expect((await patch(t.owner.token, t.hook.id, { url: moved.url })).status).toBe(200);
    await t.box.config({ hang: false });
    await t.box.release();
    const got = await moved.until((rs) => rs.length === 1, 8000);
    expect(bodies(got)).toEqual(['m2']);
    expect(got[0]!.valid).toBe(true);
    expect(bodies(await t.box.requests())).toEqual(['m1']);
    t.close();
  });

  it('a URL the current rules refuse (saved under older ones) sends nothing, and the log says why', async () => {
    const t = await laneHeld();
    // As if stored before the rules refused it: D1 holds it, the routes would now answer invalid_url.
    await env.DB.prepare('UPDATE webhooks SET url = ? WHERE id = ?').bind('https://10.1.2.3/hook', t.hook.id).run();
    await t.box.config({ hang: false });
    await t.box.release();
    await waitFor(async () => (await deliveriesOf(t.owner.token, t.hook.id)).every((d) => d.status !== 'pending'));
    const [m2] = await deliveriesOf(t.owner.token, t.hook.id);
    expect(m2).toMatchObject({ status: 'failed', attempts: 0, lastError: expect.stringMatching(/public address/) });
    expect(bodies(await t.box.requests())).toEqual(['m1']);
    t.close();
  });

  it('an event no longer subscribed to is not sent, and the log says why', async () => {
    const t = await laneHeld();
    await patch(t.owner.token, t.hook.id, { events: ['conversation.created'] });
    await t.box.config({ hang: false });
    await t.box.release();
    await waitFor(async () => (await deliveriesOf(t.owner.token, t.hook.id)).every((d) => d.status !== 'pending'));
    const [m2] = await deliveriesOf(t.owner.token, t.hook.id);
    expect(m2).toMatchObject({
      status: 'failed',
      attempts: 0,
      lastError: expect.stringMatching(/no longer subscribes/),
    });
    expect(bodies(await t.box.requests())).toEqual(['m1']);
    t.close();
  });

  it('a note queued behind a delivery under way is not sent once includeNotes is off', async () => {
    const t = await laneHeld({ includeNotes: true }, 'note');
    await patch(t.owner.token, t.hook.id, { includeNotes: false });
    await t.box.config({ hang: false });
    await t.box.release();
    await waitFor(async () => (await deliveriesOf(t.owner.token, t.hook.id)).every((d) => d.status !== 'pending'));
    expect(bodies(await t.box.requests())).toEqual(['m1']);
    t.close();
  });

  it("a conversation's notes field queued with includeNotes on leaves without it once it is off", async () => {
    const t = await setup({ includeNotes: true, events: ['conversation.updated'] });
    // First seen (a baseline), then changed.
    await t.send('m1');
    await waitFor(async () => (await sql(t.hook.id, 'SELECT id FROM baselines')).length === 1, 8000);
    await t.box.config({ failConversation: t.conversation.id });
    const changed = await api(`/api/conversations/${t.conversation.id}`, {
      token: t.owner.token,
      method: 'PATCH',
      body: { tags: ['vip'], notes: 'plans a chargeback' },
    });
    expect(changed.status).toBe(200);
    await waitFor(async () => (await deliveriesOf(t.owner.token, t.hook.id))[0]?.attempts === 1, 8000);
    await patch(t.owner.token, t.hook.id, { includeNotes: false });
    await t.box.config({ failConversation: null });
    await waitFor(async () => {
      await runDurableObjectAlarm(env.WEBHOOKS.getByName(t.hook.id));
      return (await deliveriesOf(t.owner.token, t.hook.id)).every((d) => d.status === 'delivered');
    }, 15_000);
    const last = (await t.box.requests()).at(-1)!;
    expect(last.valid).toBe(true);
    expect(last.body.data.changes).toEqual({ tags: { from: [], to: ['vip'] } });
    expect(JSON.stringify(last.body)).not.toContain('chargeback');
    t.close();
  });

  it('a change made after includeNotes went off never carries the notes the object saw before', async () => {
    const t = await setup({ includeNotes: true, events: ['conversation.updated'] });
    await t.send('m1');
    await waitFor(async () => (await sql(t.hook.id, 'SELECT id FROM baselines')).length === 1, 8000);
    const edit = (body: unknown) =>
      api(`/api/conversations/${t.conversation.id}`, { token: t.owner.token, method: 'PATCH', body });
    await edit({ notes: 'plans a chargeback' });
    await t.box.until((rs) => rs.length === 1, 8000);
    await patch(t.owner.token, t.hook.id, { includeNotes: false });
    // The object's last view of the conversation has the notes; the next change is diffed against it.
    await edit({ tags: ['vip'] });
    const got = await t.box.until((rs) => rs.length === 2, 8000);
    expect(got[1]!.body.data.changes).toEqual({ tags: { from: [], to: ['vip'] } });
    expect(JSON.stringify(got[1]!.body)).not.toContain('chargeback');
    t.close();
  });

  it('a webhook removed while a conversation is being delivered sends nothing more', async () => {
    const t = await laneHeld();
    expect((await api(`/api/webhooks/${t.hook.id}`, { token: t.owner.token, method: 'DELETE' })).status).toBe(204);
    await t.box.config({ hang: false });
    await t.box.release();
    await waitFor(async () => !(await t.box.requests())[0]!.open);
    await alarmSettled(t.hook.id);
    expect(bodies(await t.box.requests())).toEqual(['m1']);
    expect(await sql(t.hook.id, 'SELECT id FROM deliveries')).toEqual([]);
    t.close();
  });
});

describe('a queued delivery keeps to the current schedule', () => {
  it('turned back on after a long time off: attempted at once, with a fresh retry window', async () => {
    const t = await setup();
    await t.box.config({ status: 500 });
    await t.send('m1');
    await waitFor(async () => (await deliveriesOf(t.owner.token, t.hook.id))[0]?.attempts === 1, 8000);
    // Off for four days (the clock cannot move here; the delivery's first attempt can).
    await sql(t.hook.id, 'UPDATE deliveries SET retry_from = ?', Date.now() - 4 * 86_400_000);
    await patch(t.owner.token, t.hook.id, { enabled: false });
    await patch(t.owner.token, t.hook.id, { enabled: true });
    await waitFor(async () => (await deliveriesOf(t.owner.token, t.hook.id))[0]?.attempts === 2, 8000);
    expect((await deliveriesOf(t.owner.token, t.hook.id))[0]).toMatchObject({ status: 'pending' });
    t.close();
  });

  it("a visitor's new event does not retry that visitor's backing-off head early", async () => {
    const { owner, site } = await workspaceWithSite();
    const box = inbox();
    const { webhook: hook } = await webhook(owner.token, {
      url: box.url,
      events: ['visitor.created', 'visitor.updated'],
    });
    await box.config({ status: 500 });
    const visitor = await visitorSession(site.key);
    await waitFor(async () => (await deliveriesOf(owner.token, hook.id))[0]?.attempts === 1, 8000);
    await alarmSettled(hook.id);
    const started = await api('/api/widget/conversations', { token: visitor.token, body: { email: 'v@example.com' } });
    expect(started.status).toBe(201);
    await waitFor(async () => (await deliveriesOf(owner.token, hook.id)).length === 2, 8000);
    await alarmSettled(hook.id);
    expect(await box.requests()).toHaveLength(1);
  });

  it('"send again" of a delivered event goes out now, without retrying a later one that backs off', async () => {
    const t = await setup();
    await t.send('m1');
    await waitFor(async () => (await deliveriesOf(t.owner.token, t.hook.id))[0]?.status === 'delivered', 8000);
    await t.box.config({ status: 500 });
    await t.send('m2');
    await waitFor(async () => {
      const log = await deliveriesOf(t.owner.token, t.hook.id);
      return log.length === 2 && log[0].status === 'pending' && log[0].attempts === 1;
    }, 8000);
    await alarmSettled(t.hook.id);
    await t.box.config({ status: 200 });
    const m1 = (await deliveriesOf(t.owner.token, t.hook.id))[1]!;
    const path = `/api/webhooks/${t.hook.id}/deliveries/${m1.id}/redeliver`;
    expect((await api(path, { token: t.owner.token, method: 'POST' })).status).toBe(202);
    await t.box.until((rs) => rs.length === 3, 8000);
    await alarmSettled(t.hook.id);
    expect(bodies(await t.box.requests())).toEqual(['m1', 'm2', 'm1']);
    t.close();
  });
});

describe('what the delivery object keeps expires without new traffic', () => {
  it('a baseline with no event is forgotten after 30 days, and so is a log entry after 7', async () => {
    const t = await setup({ events: ['rating.created', 'message.created'] });
    await t.send('m1');
    await waitFor(async () => (await deliveriesOf(t.owner.token, t.hook.id))[0]?.status === 'delivered', 8000);
    await alarmSettled(t.hook.id);
    const stub = env.WEBHOOKS.getByName(t.hook.id);
    expect(await runInDurableObject(stub, (_o, state) => state.storage.getAlarm())).not.toBeNull();
    expect(await sql(t.hook.id, 'SELECT id FROM baselines')).toHaveLength(1);
    await sql(t.hook.id, 'UPDATE baselines SET seen_at = seen_at - ?', 31 * 86_400_000);
    await sql(t.hook.id, 'UPDATE deliveries SET created_at = created_at - ?', 8 * 86_400_000);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await sql(t.hook.id, 'SELECT id FROM baselines')).toEqual([]);
    expect(await sql(t.hook.id, 'SELECT id FROM deliveries')).toEqual([]);
    t.close();
  });

  it('an object that only saw conversations (no event for this webhook) still has an alarm to forget them', async () => {
    const t = await setup({ events: ['rating.created'] });
    await t.send('m1');
    await waitFor(async () => (await sql(t.hook.id, 'SELECT id FROM baselines')).length === 1, 8000);
    const at = await runInDurableObject(env.WEBHOOKS.getByName(t.hook.id), (_o, state) => state.storage.getAlarm());
    expect(at).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    t.close();
  });
});
