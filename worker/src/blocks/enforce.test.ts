import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, conversationFixture, openSocket, ORIGIN, paths, waitFor } from '../../test/helpers';
import { block, blocksOf, sessionFrom, widgetCall } from './test-helpers';

const IP = '203.0.113.50';
const count = async (sql: string, ...args: unknown[]) =>
  (await env.DB.prepare(sql)
    .bind(...args)
    .first<{ n: number }>())!.n;
const upload = (token: string, conversationId: string) =>
  exports.default.fetch(`https://parley.test/api/widget/conversations/${conversationId}/files`, {
    method: 'POST',
    body: 'hello',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'text/plain',
      'X-Filename': 'a.txt',
      Origin: ORIGIN,
      'CF-Connecting-IP': IP,
    },
  });

describe('a blocked visitor', () => {
  it('is refused chat_unavailable on every widget route, nothing is stored, every refusal counts; lifting restores service', async () => {
    const { owner, site, visitor, conversation } = await conversationFixture();
    const v = visitor.token,
      id = conversation.id;
    const uploaded = await upload(visitor.token, conversation.id);
    const fileUrl = ((await uploaded.json()) as { message: { file: { url: string } } }).message.file.url;
    const before = await env.DB.prepare('SELECT * FROM visitors WHERE id = ?').bind(visitor.visitor.id).first();
    const filesBefore = (await env.UPLOADS.list({ prefix: `${conversation.id}/` })).objects.length;
    await waitFor(
      async () => (await count('SELECT count(*) AS n FROM messages WHERE conversation_id = ?', conversation.id)) === 1,
    );
    const b = await block(owner.token, site.id, 'visitor', visitor.visitor.id, 'abuse');

    const calls = [
      () =>
        sessionFrom(site.key, IP, {
          token: v,
          user: { id: 'u', hash: 'x', name: 'New Name', email: 'new@example.com' },
        }),
      () => widgetCall('/api/widget/conversations', IP, { token: v, body: {} }),
      () =>
        widgetCall('/api/widget/conversations', IP, {
          token: v,
          body: { message: 'offline hello', name: 'Spam', email: 'spam@example.com' },
        }),
      () => widgetCall(`/api/widget/conversations/${id}/messages`, IP, { token: v }),
      () => widgetCall(`/api/widget/conversations/${id}/rating`, IP, { token: v, body: { score: 1 } }),
      () =>
        widgetCall(`/api/widget/conversations/${id}/transcript`, IP, { token: v, body: { email: 'spam@example.com' } }),
      () => widgetCall('/api/widget/page', IP, { token: v, body: { url: 'https://shop.example/spam', title: 'Spam' } }),
      async () => {
        const r = await upload(v, id);
        return { status: r.status, body: (await r.json()) as any };
      },
      () => widgetCall(fileUrl, IP, { token: v }),
    ];
    for (const call of calls) {
      const res = await call();
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ error: { code: 'chat_unavailable', message: 'Chat is unavailable' } });
    }
    // The socket upgrade: accepted only to say chat_unavailable and close with 4403.
    const { client } = await openSocket(paths.visitor(id), v);
    expect(await client!.waitClosed()).toEqual({ code: 4403, reason: 'chat_unavailable' });
    expect(client!.frames).toEqual([{ type: 'error', code: 'chat_unavailable', message: 'Chat is unavailable' }]);

    // Nothing stored: no conversation, message, file, offline message or profile change.
    expect(await count('SELECT count(*) AS n FROM conversations WHERE visitor_id = ?', visitor.visitor.id)).toBe(1);
    // Only the file message sent before the block.
    expect(await count('SELECT count(*) AS n FROM messages WHERE conversation_id = ?', id)).toBe(1);
    expect((await env.CONVERSATIONS.getByName(id).history({ viewer: 'agent', limit: 100 })).messages).toHaveLength(1);
    expect((await env.UPLOADS.list({ prefix: `${id}/` })).objects).toHaveLength(filesBefore);
    expect(await env.DB.prepare('SELECT * FROM visitors WHERE id = ?').bind(visitor.visitor.id).first()).toEqual(
      before,
    );
    const [listed] = await blocksOf(owner.token, site.id);
    expect(listed).toMatchObject({ id: b.id, drops: calls.length + 1 });
    expect(listed!.lastDropAt).not.toBeNull();

    // Lifted: the same visitor chats again at once.
    expect((await api(`/api/sites/${site.id}/blocks/${b.id}`, { token: owner.token, method: 'DELETE' })).status).toBe(
      204,
    );
    expect((await sessionFrom(site.key, IP, { token: v })).status).toBe(200);
    expect((await widgetCall(`/api/widget/conversations/${id}/messages`, IP, { token: v })).status).toBe(200);
    expect((await upload(v, id)).status).toBe(201);
  });

  it('by IP: an IPv4 range, an IPv6 address and range, IPv4-mapped IPv6 addresses', async () => {
    const { owner, site, visitor } = await conversationFixture();
    await block(owner.token, site.id, 'ip', '198.51.100.0/24');
    await block(owner.token, site.id, 'ip', '2001:db8::7');
    await block(owner.token, site.id, 'ip', '2001:db8:1::/48');
    await block(owner.token, site.id, 'ip', '::ffff:192.0.2.9');
    const refused = [
      '198.51.100.77',
      '::ffff:198.51.100.3',
      '2001:DB8:0:0::7',
      '2001:db8:1:ffff::1',
      '192.0.2.9',
      '::ffff:c000:209',
    ];
    const allowed = ['198.51.101.1', '2001:db8::8', '2001:db8:2::1', '192.0.2.10'];
    for (const ip of refused) expect((await sessionFrom(site.key, ip)).body.error?.code, ip).toBe('chat_unavailable');
    for (const ip of allowed) expect((await sessionFrom(site.key, ip)).status, ip).toBe(200);
    // A visitor with a token is refused too when they come from a blocked address; nothing is started.
    const start = await widgetCall('/api/widget/conversations', '198.51.100.200', {
      token: visitor.token,
      body: { message: 'hi' },
    });
    expect(start.body.error?.code).toBe('chat_unavailable');
    expect(await count('SELECT count(*) AS n FROM conversations WHERE visitor_id = ?', visitor.visitor.id)).toBe(1);
    // New visitors from refused addresses were never created.
    expect(await count('SELECT count(*) AS n FROM visitors WHERE site_id = ?', site.id)).toBe(1 + allowed.length);
    const drops = Object.fromEntries((await blocksOf(owner.token, site.id)).map((b) => [b.value, b.drops]));
    expect(drops).toEqual({ '198.51.100.0/24': 3, '2001:db8::7': 1, '2001:db8:1::/48': 1, '192.0.2.9': 2 });
  });

  it('by email: typed in the session, the pre-chat or offline form, or stored on the visitor', async () => {
    const { owner, site, visitor, conversation } = await conversationFixture();
    await block(owner.token, site.id, 'email', 'Spammer@Example.com');
    expect(
      (await sessionFrom(site.key, IP, { user: { id: 'u1', hash: 'x', email: 'SPAMMER@example.com' } })).body.error
        ?.code,
    ).toBe('chat_unavailable');
    const offline = await widgetCall('/api/widget/conversations', IP, {
      token: visitor.token,
      body: { message: 'buy now', name: 'S', email: 'spammer@example.com' },
    });
    expect(offline.body.error?.code).toBe('chat_unavailable');
    const transcript = await widgetCall(`/api/widget/conversations/${conversation.id}/transcript`, IP, {
      token: visitor.token,
      body: { email: 'spammer@example.com' },
    });
    expect(transcript.body.error?.code).toBe('chat_unavailable');
    // Nothing stored: no second conversation, no offline message, the profile unchanged, no email to the team.
    expect(await count('SELECT count(*) AS n FROM conversations WHERE visitor_id = ?', visitor.visitor.id)).toBe(1);
    expect(await count('SELECT count(*) AS n FROM visitors WHERE site_id = ? AND email IS NOT NULL', site.id)).toBe(0);
    expect(await count("SELECT count(*) AS n FROM email_outbox WHERE text_body LIKE '%buy now%'")).toBe(0);

    // A visitor who gave the address before the block is refused by their stored email.
    const other = await sessionFrom(site.key, IP);
    const started = await widgetCall('/api/widget/conversations', IP, {
      token: other.body.token,
      body: { email: 'spammer2@example.com', name: 'S' },
    });
    expect(started.status).toBe(201);
    await block(owner.token, site.id, 'email', 'spammer2@example.com');
    expect(
      (await widgetCall('/api/widget/conversations', IP, { token: other.body.token, body: {} })).body.error?.code,
    ).toBe('chat_unavailable');
    expect((await sessionFrom(site.key, IP, { token: other.body.token })).body.error?.code).toBe('chat_unavailable');
  });
});
