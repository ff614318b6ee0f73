import { runDurableObjectAlarm } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { expect, it } from 'vitest';
import { z } from 'zod';
import { VisitorConversation, VisitorMessage, VisitorServerFrame } from '../../../protocol';
import { api, connect, ORIGIN, paths, visitorSession, waitFor, workspaceWithSite } from '../../test/helpers';

// Internal text an agent writes: none of it may reach the visitor, in any payload.
const NOTES = 'refund fraud suspected';
const TAG = 'fraud-suspect';
const NOTE_MESSAGE = 'internal: check the chargeback history';

const upload = (path: string, token: string) =>
  exports.default.fetch(`https://parley.test${path}`, {
    method: 'POST',
    body: 'receipt',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'text/plain',
      'X-Filename': 'receipt.txt',
      Origin: ORIGIN,
    },
  });

it('every payload that reaches a visitor is the visitor view: no internal field, no internal text', async () => {
  const { owner, site } = await workspaceWithSite();
  const visitor = await visitorSession(site.key);
  const agent = { token: owner.token };
  const payloads: { name: string; schema: z.ZodType; value: unknown }[] = [];
  const seen = (name: string, schema: z.ZodType, value: unknown) => payloads.push({ name, schema, value });

  // Start (REST), then both sockets; the agent claims and sets everything internal.
  const start = await api('/api/widget/conversations', {
    token: visitor.token,
    body: { name: 'Kim', email: 'kim@example.com' },
  });
  seen('start conversation', z.strictObject({ conversation: VisitorConversation }), start.body);
  const id = start.body.conversation.id as string;
  const v = await connect(paths.visitor(id), visitor.token);
  const a = await connect(paths.agent(id), agent.token);
  expect((await api(`/api/conversations/${id}/claim`, { ...agent, method: 'POST' })).status).toBe(200);
  const patched = await api(`/api/conversations/${id}`, {
    ...agent,
    method: 'PATCH',
    body: { notes: NOTES, tags: [TAG], priority: 'urgent' },
  });
  expect(patched.body.conversation).toMatchObject({ notes: NOTES, tags: [TAG], priority: 'urgent' });
  const internal = [
    NOTES,
    TAG,
    NOTE_MESSAGE,
    'urgent',
    owner.agent.id,
    owner.agent.workspaceId,
    patched.body.conversation.departmentId as string,
  ];

  // Every frame type: conversation, message (note withheld, reply, file), typing, ack, read, error.
  a.send({ type: 'send', clientId: 'agent-note', body: NOTE_MESSAGE, kind: 'note' });
  a.send({ type: 'send', clientId: 'agent-reply', body: 'Hello Kim', kind: 'text' });
  a.send({ type: 'typing', on: true });
  await v.next((f) => f.type === 'conversation' && f.conversation.status === 'active'); // the claim: what visitors see changed
  await v.next((f) => f.type === 'message' && f.message.body === 'Hello Kim');
  await v.next((f) => f.type === 'typing');
  v.send({ type: 'send', clientId: 'visitor-1', body: 'Hi there' });
  await v.next((f) => f.type === 'ack');
  a.send({ type: 'read', seq: 1000 });
  await v.next((f) => f.type === 'read' && f.by === 'agent');
  v.send('not json');
  await v.next((f) => f.type === 'error');
  const agentFile = await upload(`/api/conversations/${id}/files`, agent.token);
  expect(agentFile.status).toBe(201);
  await agentFile.arrayBuffer();
  await v.next((f) => f.type === 'message' && f.message.kind === 'file');
  const visitorFile = await upload(`/api/widget/conversations/${id}/files`, visitor.token);
  seen('upload', z.strictObject({ message: VisitorMessage }), await visitorFile.json());

  // REST reads once D1 has the internal fields (the session lists conversations from D1).
  await waitFor(async () => (await api(`/api/conversations/${id}`, agent)).body.conversation.notes === NOTES);
  const again = await api('/api/widget/session', { body: { siteKey: site.key, token: visitor.token } });
  seen('session conversations[]', z.array(VisitorConversation).min(1), again.body.conversations);
  seen(
    'history',
    z.strictObject({ messages: z.array(VisitorMessage), hasMore: z.boolean() }),
    (await api(`/api/widget/conversations/${id}/messages`, { token: visitor.token })).body,
  );
  const late = await connect(paths.visitor(id, 0), visitor.token); // hello + replay after the changes

  // The unread-reply email (the alarm), then resolve, rate and the transcript email.
  const outbox = async () =>
    (await api('/api/dev/outbox', agent)).body.emails as { subject: string; text: string; html: string }[];
  const stub = env.CONVERSATIONS.getByName(id);
  for (let i = 0; i < 10 && !(await outbox()).length; i++) await runDurableObjectAlarm(stub);
  expect((await api(`/api/conversations/${id}/resolve`, { ...agent, method: 'POST' })).status).toBe(200);
  const rated = await api(`/api/widget/conversations/${id}/rating`, {
    token: visitor.token,
    body: { score: 5, comment: 'Great' },
  });
  seen('rating', z.strictObject({ conversation: VisitorConversation }), rated.body);
  expect((await api(`/api/widget/conversations/${id}/transcript`, { token: visitor.token, body: {} })).status).toBe(
    202,
  );
  await v.next((f) => f.type === 'conversation' && f.conversation.rating !== null);

  const emails = await outbox();
  expect(emails.map((m) => m.subject)).toEqual(
    expect.arrayContaining([expect.stringContaining('New reply'), expect.stringContaining('Your conversation')]),
  );
  expect(emails.find((m) => m.subject.includes('Your conversation'))!.text).toContain('Hello Kim');
  for (const [i, m] of emails.entries())
    seen(`email ${i}`, z.strictObject({ subject: z.string(), text: z.string(), html: z.string() }), {
      subject: m.subject,
      text: m.text,
      html: m.html,
    });
  for (const [i, f] of [...v.frames, ...late.frames].entries()) seen(`frame ${i} (${f.type})`, VisitorServerFrame, f);
  expect(new Set([...v.frames, ...late.frames].map((f) => f.type))).toEqual(
    new Set(['hello', 'conversation', 'message', 'typing', 'ack', 'read', 'error']),
  );

  for (const p of payloads) {
    const parsed = p.schema.safeParse(p.value);
    expect(parsed.error?.issues ?? [], p.name).toEqual([]);
    for (const secret of internal)
      expect(JSON.stringify(p.value), `${p.name} carries "${secret}"`).not.toContain(secret);
  }
  for (const c of [v, a, late]) c.close();
});
