// Issue 9, item 5: user text reaches no email header with a CR/LF; NUL is refused and lone surrogates are
// made U+FFFD on every way in (JSON bodies, optional bodies, query strings, socket frames, inbound email).
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, connect, conversationFixture, paths, visitorSession, workspaceWithSite } from '../../test/helpers';
import { handleInboundEmail } from '../email/inbound';
import { replyAddress } from '../email/links';

const outbox = async (token: string) =>
  (await api('/api/dev/outbox', { token })).body.emails as { to: string; subject: string; text: string }[];

describe('email headers', () => {
  it("an offline-form name with CR/LF cannot add a header to the agents' email", async () => {
    const { owner, site } = await workspaceWithSite();
    const v = await visitorSession(site.key);
    const res = await api('/api/widget/conversations', {
      token: v.token,
      body: { name: 'Eve\r\nBcc: someone@example.net', email: 'eve@example.com', message: 'Hi' },
    });
    expect(res.status).toBe(201);
    let mails: { subject: string }[] = [];
    for (let i = 0; i < 50 && !mails.length; i++) mails = await outbox(owner.token);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('New message from Eve Bcc: someone@example.net');
    expect(mails[0]!.subject).not.toMatch(/[\r\n]/);
  });
});

describe('NUL and lone surrogates on the way in', () => {
  it('JSON bodies: NUL refused with 400, a lone surrogate stored as U+FFFD', async () => {
    const { owner } = await workspaceWithSite();
    const nul = await api('/api/articles', { token: owner.token, body: { title: 'a\u0000b' } });
    expect(nul.status).toBe(400);
    expect(nul.body.error.code).toBe('bad_request');
    // JSON.stringify escapes a lone surrogate as \ud83d, which JSON.parse turns back into one.
    const created = await api('/api/articles', {
      token: owner.token,
      body: { title: 'Half \ud83d emoji', tags: ['x\udc00'] },
    });
    expect(created.status).toBe(201);
    expect(created.body.article).toMatchObject({ title: 'Half \ufffd emoji', tags: ['x\ufffd'] });
  });

  it('optional JSON bodies and query strings too', async () => {
    const { owner, site } = await workspaceWithSite();
    const v = await visitorSession(site.key);
    const start = await api('/api/widget/conversations', { token: v.token, body: { name: 'Eve\u0000' } });
    expect(start.status).toBe(400);
    const named = await api('/api/widget/conversations', { token: v.token, body: { name: 'Eve \udc00' } });
    expect(named.status).toBe(201);
    const profile = await api(`/api/conversations/${named.body.conversation.id}/visitor`, { token: owner.token });
    expect(JSON.stringify(profile.body)).toContain('"Eve \ufffd"');
    const q = await api(`/api/canned-responses?q=${encodeURIComponent('a\u0000b')}`, { token: owner.token });
    expect(q.status).toBe(400);
    expect(q.body.error.code).toBe('bad_request');
  });

  it('socket frames: NUL refused, a lone surrogate stored as U+FFFD', async () => {
    const { visitor, conversation } = await conversationFixture();
    const v = await connect(paths.visitor(conversation.id), visitor.token);
    v.send({ type: 'send', clientId: 'n', body: 'a\u0000b' });
    expect(await v.next((f) => f.type === 'error' && f.clientId === 'n')).toMatchObject({ code: 'bad_request' });
    v.send({ type: 'send', clientId: 's', body: 'cut \ud83d' });
    const msg = await v.next((f) => f.type === 'message' && f.message.clientId === 's');
    expect(msg.message.body).toBe('cut \ufffd');
    v.close();
  });

  it('inbound email: NUL and control characters dropped from the posted text', async () => {
    const { owner, conversation } = await conversationFixture();
    const to = await replyAddress(env, conversation.id);
    const raw = [
      'From: Kim <kim@example.com>',
      `To: ${to}`,
      'Subject: Re',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Tues\u0000day\u001b works',
    ].join('\r\n');
    expect(await handleInboundEmail(env, { to, from: 'kim@example.com', raw })).toBe('posted');
    const history = await api(`/api/conversations/${conversation.id}/messages`, { token: owner.token });
    expect(history.body.messages[0].body).toBe('Tuesday works');
  });
});
