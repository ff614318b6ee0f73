import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, ORIGIN, openSocket, paths, visitorSession, workspaceWithSite } from '../../test/helpers';
import { uniqueWord, uploadText } from '../privacy/test-helpers';

// An erased visitor's widget token is still signed and unexpired: every visitor route refuses it in one place
// (widget/middleware.ts visitorSite), 401 `unauthorized` (the widget renews into a new visitor), and writes nothing.

/** A visitor with a conversation, then erased by the owner; returns their old token. */
async function erasedVisitor() {
  const { owner, site } = await workspaceWithSite();
  const visitor = await visitorSession(site.key);
  const word = uniqueWord();
  const started = await api('/api/widget/conversations', {
    token: visitor.token,
    body: { name: `Kim ${word}`, email: `${word}@example.com`, message: `hello ${word}` },
  });
  expect(started.status).toBe(201);
  const id = started.body.conversation.id as string;
  const vid = visitor.visitor.id;
  const erased = await api(`/api/privacy/visitors/${vid}/erase`, { token: owner.token, body: { confirm: vid } });
  expect(erased.status).toBe(200);
  return { token: visitor.token as string, id, vid };
}

const row = (vid: string) =>
  env.DB.prepare('SELECT name, email, current_url, last_ip FROM visitors WHERE id = ?').bind(vid).first();

describe("an erased visitor's old token", () => {
  it('is refused on every widget route with 401 unauthorized, and nothing is written back', async () => {
    const { token, id, vid } = await erasedVisitor();
    const calls: [string, Promise<{ status: number; body: any }>][] = [
      ['start', api('/api/widget/conversations', { token, body: { name: 'Kim', email: 'kim@example.com' } })],
      ['list', api('/api/widget/conversations', { token })],
      ['messages', api(`/api/widget/conversations/${id}/messages`, { token })],
      ['transcript', api(`/api/widget/conversations/${id}/transcript`, { token, body: { email: 'kim@example.com' } })],
      ['rating', api(`/api/widget/conversations/${id}/rating`, { token, body: { score: 5, comment: 'Kim' } })],
      ['link', api(`/api/widget/conversations/${id}/link`, { token, body: { email: 'kim@example.com' } })],
      ['page', api('/api/widget/page', { token, body: { url: 'https://example.com/kim', title: 'Kim' } })],
      ['kb', api('/api/widget/kb/search?q=kim', { token })],
      ['file download', api(`/api/files/${id}/fl_${'0'.repeat(32)}`, { token })],
    ];
    for (const [name, call] of calls) {
      const res = await call;
      expect([name, res.status, res.body?.error?.code]).toEqual([name, 401, 'unauthorized']);
    }
    const upload = await uploadText(`/api/widget/conversations/${id}/files`, token, 'Kim', 'kim.txt');
    expect(upload.status).toBe(401);
    expect(await row(vid)).toEqual({ name: null, email: null, current_url: null, last_ip: null });
  });

  it('cannot open a socket (the upgrade is refused with 401)', async () => {
    const { token, id } = await erasedVisitor();
    const { res, client } = await openSocket(paths.visitor(id), token);
    expect(client).toBeNull();
    expect(res.status).toBe(401);
  });

  it('still opens a session, as a new visitor', async () => {
    const { token, vid } = await erasedVisitor();
    const site = await env.DB.prepare('SELECT s.key FROM sites s JOIN visitors v ON v.site_id = s.id WHERE v.id = ?')
      .bind(vid)
      .first<{ key: string }>();
    const res = await exports.default.fetch('https://parley.test/api/widget/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
      body: JSON.stringify({ siteKey: site!.key, token }),
    });
    const body = (await res.json()) as { visitor: { id: string } };
    expect(res.status).toBe(200);
    expect(body.visitor.id).not.toBe(vid);
  });
});
