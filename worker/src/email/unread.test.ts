import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import { api, connect, paths, workspaceWithSite } from '../../test/helpers';

/** A visitor with an email (through pre-chat) in a conversation, with the agent's socket open. */
async function setup(email: string | null = 'kim@example.com') {
  const { owner, site } = await workspaceWithSite();
  const session = await api('/api/widget/session', {
    body: { siteKey: site.key, page: { url: 'https://shop.example/cart', title: 'Cart' } },
  });
  const conv = (
    await api('/api/widget/conversations', { token: session.body.token, body: email ? { name: 'Kim', email } : {} })
  ).body.conversation;
  const agent = await connect(paths.agent(conv.id), owner.token);
  const stub = env.CONVERSATIONS.getByName(conv.id);
  const reply = async (body: string) => {
    agent.send({ type: 'send', clientId: crypto.randomUUID(), body });
    await agent.next((f) => f.type === 'message' && f.message.body === body);
  };
  const outbox = async () =>
    (await api('/api/dev/outbox', { token: owner.token })).body.emails as {
      to: string;
      subject: string;
      text: string;
      html: string;
      replyTo: string;
    }[];
  return { owner, site, conv, stub, agent, reply, outbox, visitorToken: session.body.token as string };
}

/**
 * Fire the object's alarm until `check` holds (at most 10 times): its earliest job may be
 * another one (the projection's safety retry), as with real at-least-once alarms.
 */
async function alarmUntil(stub: DurableObjectStub, check: () => Promise<boolean>) {
  for (let i = 0; i < 10; i++) {
    await runDurableObjectAlarm(stub);
    if (await check()) return;
  }
  throw new Error('the alarm never had the expected effect');
}

/** The email job's row in the object's schedule (null once it ran to completion). */
const emailJob = (stub: DurableObjectStub) =>
  runInDurableObject(
    stub,
    (_o, state) =>
      state.storage.sql
        .exec<{ attempts: number }>("SELECT attempts FROM schedule WHERE job = 'unread_email'")
        .toArray()[0] ?? null,
  );

/** Fire the alarm until the email job has run and finished (so a "not sent" is a decision, not a job that never ran). */
const alarmUntilEmailJobDone = (stub: DurableObjectStub) =>
  alarmUntil(stub, async () => (await emailJob(stub)) === null);

describe('unread-reply email', () => {
  it('is sent after the delay with every unread reply, a link back, a reply address and an unsubscribe link', async () => {
    const { stub, reply, outbox, agent } = await setup();
    await reply('We found your order.');
    await reply('It ships <b>tomorrow</b>.');
    expect(await outbox()).toEqual([]); // not before the alarm
    await alarmUntil(stub, async () => (await outbox()).length === 1);
    const [mail] = await outbox();
    expect(mail).toMatchObject({ to: 'kim@example.com', subject: expect.stringContaining('New reply') });
    expect(mail!.text).toContain('We found your order.');
    expect(mail!.text).toContain('It ships <b>tomorrow</b>.');
    expect(mail!.html).toContain('It ships &#60;b&#62;tomorrow&#60;/b&#62;.'); // user text is escaped
    // The link carries a continuation token, in the fragment (never sent to a server).
    expect(mail!.text).toMatch(/https:\/\/shop\.example\/cart#parley_continue=[\w-]+\.[\w-]+\.[\w-]+/);
    expect(mail!.replyTo).toMatch(/^reply\+cv_[0-9a-f]{32}\.[0-9a-f]{20}@parley\.local$/);
    // The alarm running again sends nothing new: the ledger remembers.
    await runDurableObjectAlarm(stub);
    expect(await outbox()).toHaveLength(1);
    // A later reply is emailed on its own.
    await reply('Tracking: 123');
    await alarmUntil(stub, async () => (await outbox()).length === 2);
    const mails = await outbox();
    expect(mails).toHaveLength(2);
    expect(mails[0]!.text).toContain('Tracking: 123');
    expect(mails[0]!.text).not.toContain('We found your order.');
    agent.close();
  });

  it('is not sent when the visitor read it, the conversation is closed or archived, or there is no email', async () => {
    const read = await setup();
    await read.reply('Hello?');
    const v = await connect(paths.visitor(read.conv.id), read.visitorToken);
    // Everything so far (the reply claimed the conversation first, so the reply is not seq 1).
    v.send({ type: 'read', seq: v.frames.find((f) => f.type === 'hello').lastSeq });
    await read.agent.next((f) => f.type === 'read');
    expect(await emailJob(read.stub)).not.toBeNull();
    await alarmUntilEmailJobDone(read.stub);
    expect(await read.outbox()).toEqual([]);
    v.close();

    const closed = await setup();
    await closed.reply('Bye');
    await api(`/api/conversations/${closed.conv.id}/close`, { token: closed.owner.token, method: 'POST' });
    expect(await emailJob(closed.stub)).not.toBeNull();
    await alarmUntilEmailJobDone(closed.stub);
    expect(await closed.outbox()).toEqual([]);

    const archived = await setup();
    await archived.reply('Bye');
    await api(`/api/conversations/${archived.conv.id}/archive`, { token: archived.owner.token, method: 'POST' });
    expect(await emailJob(archived.stub)).not.toBeNull();
    await alarmUntilEmailJobDone(archived.stub);
    expect(await archived.outbox()).toEqual([]);

    const anonymous = await setup(null);
    await anonymous.reply('Anyone there?');
    expect(await emailJob(anonymous.stub)).not.toBeNull();
    await alarmUntilEmailJobDone(anonymous.stub);
    expect(await anonymous.outbox()).toEqual([]);
    for (const s of [read, closed, archived, anonymous]) s.agent.close();
  });

  it('is not sent after the visitor unsubscribed through the link', async () => {
    const s = await setup();
    await s.reply('First');
    await alarmUntil(s.stub, async () => (await s.outbox()).length === 1);
    const link = (await s.outbox())[0]!.text.match(/https?:\/\/\S+\/api\/email\/unsubscribe\?token=\S+/)![0];
    const page = await exports.default.fetch(`https://parley.test${new URL(link).pathname}${new URL(link).search}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Unsubscribed');
    await s.reply('Second');
    await runDurableObjectAlarm(s.stub);
    expect(await s.outbox()).toHaveLength(1);
    s.agent.close();
  });

  it('a provider failure is retried and the email is not lost', async () => {
    const s = await setup();
    await s.reply('Important');
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await env.DB.exec('ALTER TABLE email_outbox RENAME TO email_outbox_away');
    try {
      // The send fails for real; the job stays, with a retry recorded.
      await alarmUntil(s.stub, async () => ((await emailJob(s.stub))?.attempts ?? 0) >= 1);
    } finally {
      await env.DB.exec('ALTER TABLE email_outbox_away RENAME TO email_outbox');
    }
    // Logged without the address or the text (worker/src/lib/log.ts).
    const lines = warned.mock.calls.map((c) => JSON.parse(String(c[0]))).filter((l) => l.conversationId === s.conv.id);
    expect(lines).toContainEqual(
      expect.objectContaining({ event: 'email.failed', provider: 'outbox', kind: 'unread' }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({ event: 'email.retry', job: 'unread_email', attempt: 1, retryInMs: 1000 }),
    );
    expect(JSON.stringify(lines)).not.toMatch(/kim@example\.com|Important/);
    warned.mockRestore();
    await alarmUntil(s.stub, async () => (await s.outbox()).length === 1);
    expect((await s.outbox())[0]!.text).toContain('Important');
    s.agent.close();
  });

  it('the dev outbox is for admins of the workspace only', async () => {
    const s = await setup();
    const other = await workspaceWithSite();
    expect((await api('/api/dev/outbox', { token: other.owner.token })).body.emails).toEqual([]);
    expect((await api('/api/dev/outbox', { token: s.visitorToken })).status).toBe(403);
    expect((await api('/api/dev/outbox')).status).toBe(401);
    s.agent.close();
  });
});
