import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, Client, connect, conversationFixture, ORIGIN, paths } from '../../test/helpers';
import { handleInboundEmail } from '../email/inbound';
import { replyAddress } from '../email/links';
import { block, blocksOf, sessionFrom, widgetCall } from './test-helpers';

const CLOSED = { code: 4403, reason: 'chat_unavailable' };
const FRAME = { type: 'error', code: 'chat_unavailable', message: 'Chat is unavailable' };

/** A visitor socket opened from a given address (the upgrade records it as the visitor's last IP). */
async function visitorSocketFrom(ip: string, conversationId: string, token: string) {
  const res = await exports.default.fetch(`https://parley.test${paths.visitor(conversationId)}`, {
    headers: {
      Upgrade: 'websocket',
      'Sec-WebSocket-Protocol': `parley.v1, bearer.${token}`,
      Origin: ORIGIN,
      'CF-Connecting-IP': ip,
    },
  });
  expect(res.status).toBe(101);
  res.webSocket!.accept();
  const client = new Client(res.webSocket!);
  await client.next((f) => f.type === 'hello');
  return client;
}

describe('sockets already open when a block is created', () => {
  it("closes the visitor's sockets with the error frame and 4403; agents' sockets stay", async () => {
    const { owner, site, visitor, conversation } = await conversationFixture();
    const agent = await connect(paths.agent(conversation.id), owner.token);
    const v = await connect(paths.visitor(conversation.id), visitor.token);
    await block(owner.token, site.id, 'visitor', visitor.visitor.id);
    expect(await v.waitClosed()).toEqual(CLOSED);
    expect(v.frames.at(-1)).toEqual(FRAME);
    // The agent still works in the conversation.
    agent.send({ type: 'send', clientId: 'c1', body: 'still here' });
    await agent.next((f) => f.type === 'ack' && f.clientId === 'c1');
    expect(agent.closed).toBeNull();
    agent.close();
  });

  it('an IP range block reaches a socket opened from an address in it (IPv4-mapped), not others', async () => {
    const { owner, site } = await conversationFixture();
    // The session comes from elsewhere: the socket's own upgrade records the address the block must find.
    const start = async (ip: string) => {
      const s = (await sessionFrom(site.key, '203.0.113.1')).body;
      const conv = (await widgetCall('/api/widget/conversations', '203.0.113.1', { token: s.token, body: {} })).body
        .conversation;
      return visitorSocketFrom(ip, conv.id, s.token);
    };
    const inside = await start('::ffff:198.51.100.20');
    const outside = await start('198.51.101.20');
    const v6 = await start('2001:db8:5::1');
    await block(owner.token, site.id, 'ip', '198.51.100.0/24');
    await block(owner.token, site.id, 'ip', '2001:db8:5::/48');
    for (const s of [inside, v6]) expect(await s.waitClosed()).toEqual(CLOSED);
    outside.send({ type: 'send', clientId: 'c2', body: 'hello' });
    await outside.next((f) => f.type === 'ack' && f.clientId === 'c2');
    expect(outside.closed).toBeNull();
    outside.close();
  });

  it('drops a frame still in flight when the socket was closed (sent before the visitor saw the close)', async () => {
    const { visitor, conversation } = await conversationFixture();
    const v = await connect(paths.visitor(conversation.id), visitor.token);
    // What creating a block does for each matching conversation; the visitor's side has not heard the close yet.
    await env.CONVERSATIONS.getByName(conversation.id).refuseVisitor();
    expect(v.closed).toBeNull();
    v.send({ type: 'send', clientId: 'late', body: 'spam in flight' });
    expect(await v.waitClosed()).toEqual(CLOSED);
    await expect(v.next((f) => f.type === 'ack', 300)).rejects.toThrow();
    expect(
      (await env.CONVERSATIONS.getByName(conversation.id).history({ viewer: 'agent', limit: 100 })).messages,
    ).toEqual([]);
  });

  it('reaches a socket kept open on a conversation closed long ago (it would reopen it)', async () => {
    const { owner, site, visitor, conversation } = await conversationFixture();
    // As D1 holds a conversation closed two days ago; the visitor still has (or opens) a socket on it.
    await env.DB.prepare('UPDATE conversations SET status = ?, updated_at = ? WHERE id = ?')
      .bind('closed', new Date(Date.now() - 2 * 86_400_000).toISOString(), conversation.id)
      .run();
    const v = await connect(paths.visitor(conversation.id), visitor.token);
    await block(owner.token, site.id, 'visitor', visitor.visitor.id);
    expect(await v.waitClosed()).toEqual(CLOSED);
  });

  it('an email block reaches the sockets of a visitor who gave that address', async () => {
    const { owner, site, visitor, conversation } = await conversationFixture();
    expect(
      (
        await widgetCall('/api/widget/conversations', '192.0.2.1', {
          token: visitor.token,
          body: { email: 'kim@example.com', name: 'Kim' },
        })
      ).status,
    ).toBe(200);
    const v = await connect(paths.visitor(conversation.id), visitor.token);
    await block(owner.token, site.id, 'email', 'KIM@example.com');
    expect(await v.waitClosed()).toEqual(CLOSED);
  });
});

describe('email replies from a blocked visitor', () => {
  const raw = (to: string, text: string) =>
    ['From: Kim <kim@example.com>', `To: ${to}`, 'Subject: Re: hi', '', text].join('\r\n');

  it('are dropped, not posted, and counted (by visitor or by sender address); lifting lets them in', async () => {
    const { owner, site, visitor, conversation } = await conversationFixture();
    const to = await replyAddress(env, conversation.id);
    const byVisitor = await block(owner.token, site.id, 'visitor', visitor.visitor.id);
    expect(await handleInboundEmail(env, { to, from: 'kim@example.com', raw: raw(to, 'spam 1') })).toBe('dropped');
    expect(
      (await api(`/api/sites/${site.id}/blocks/${byVisitor.id}`, { token: owner.token, method: 'DELETE' })).status,
    ).toBe(204);
    await block(owner.token, site.id, 'email', 'kim@example.com');
    expect(await handleInboundEmail(env, { to, from: 'Kim <KIM@example.com>', raw: raw(to, 'spam 2') })).toBe(
      'dropped',
    );
    expect(
      (await env.CONVERSATIONS.getByName(conversation.id).history({ viewer: 'agent', limit: 100 })).messages,
    ).toEqual([]);
    expect(
      (await env.DB.prepare('SELECT count(*) AS n FROM messages WHERE conversation_id = ?')
        .bind(conversation.id)
        .first<{ n: number }>())!.n,
    ).toBe(0);
    expect((await blocksOf(owner.token, site.id)).map((b) => b.drops)).toEqual([1]);
    // Another sender's reply to the same conversation still lands only when nothing matches it.
    const [emailBlock] = await blocksOf(owner.token, site.id);
    await api(`/api/sites/${site.id}/blocks/${emailBlock!.id}`, { token: owner.token, method: 'DELETE' });
    expect(await handleInboundEmail(env, { to, from: 'kim@example.com', raw: raw(to, 'hello again') })).toBe('posted');
  });

  it("are dropped when the visitor's last address is in a blocked range (an email has no address of its own)", async () => {
    const { owner, site } = await conversationFixture();
    const s = (await sessionFrom(site.key, '2001:db8:77::5')).body;
    const conv = (await widgetCall('/api/widget/conversations', '2001:db8:77::5', { token: s.token, body: {} })).body
      .conversation;
    const to = await replyAddress(env, conv.id);
    const range = await block(owner.token, site.id, 'ip', '2001:db8:77::/48');
    expect(await handleInboundEmail(env, { to, from: 'kim@example.com', raw: raw(to, 'spam by email') })).toBe(
      'dropped',
    );
    expect((await env.CONVERSATIONS.getByName(conv.id).history({ viewer: 'agent', limit: 100 })).messages).toEqual([]);
    expect((await blocksOf(owner.token, site.id)).find((b) => b.id === range.id)?.drops).toBe(1);
  });
});
