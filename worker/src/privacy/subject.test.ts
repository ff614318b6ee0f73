import { describe, expect, it } from 'vitest';
import { api, visitorSession, workspaceWithSite } from '../../test/helpers';
import { uniqueWord, visitorWhoWrote } from './test-helpers';

describe('finding a visitor and exporting their data', () => {
  it('finds them by email (any case) or id within the workspace only', async () => {
    const word = uniqueWord();
    const { owner, visitor, site } = await visitorWhoWrote(word);
    const byEmail = await api(`/api/privacy/visitors?email=${word.toUpperCase()}@Example.com`, { token: owner.token });
    expect(byEmail.status).toBe(200);
    expect(byEmail.body.visitors).toEqual([
      expect.objectContaining({
        id: visitor.visitor.id,
        siteId: site.id,
        siteName: site.name,
        conversations: 1,
        erasedAt: null,
      }),
    ]);
    const byId = await api(`/api/privacy/visitors?id=${visitor.visitor.id}`, { token: owner.token });
    expect(byId.body.visitors.map((v: any) => v.id)).toEqual([visitor.visitor.id]);
    const other = await workspaceWithSite();
    const elsewhere = await api(`/api/privacy/visitors?email=${word}@example.com`, { token: other.owner.token });
    expect(elsewhere.body.visitors).toEqual([]);
    for (const q of ['', `email=${word}@example.com&id=x`, 'email=a', `id=${'x'.repeat(65)}`]) {
      const res = await api(`/api/privacy/visitors?${q}`, { token: owner.token });
      expect([res.status, res.body.error.code], q).toEqual([400, 'bad_request']);
    }
  });

  it('exports their profile, conversations, every message (from the DO: edits, files) and files as one JSON download', async () => {
    const word = uniqueWord();
    const { owner, visitor, conversationId } = await visitorWhoWrote(word);
    const res = await api(`/api/privacy/visitors/${visitor.visitor.id}/export`, { token: owner.token });
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.visitor).toMatchObject({ id: visitor.visitor.id, name: `Kim ${word}`, email: `${word}@example.com` });
    expect(doc.conversations).toHaveLength(1);
    const [c] = doc.conversations;
    expect(c).toMatchObject({
      id: conversationId,
      notes: `notes ${word}`,
      rating: { score: 4, comment: `comment ${word}` },
    });
    const bodies = c.messages.map((m: any) => m.body);
    expect(bodies).toEqual(expect.arrayContaining([`offline ${word}`, 'hello there', `reply ${word}`, `note ${word}`]));
    expect(c.messages.map((m: any) => m.seq)).toEqual([...c.messages.map((m: any) => m.seq)].sort((a, b) => a - b));
    expect(c.messages.find((m: any) => m.body === 'hello there').editedAt).toBeTruthy();
    expect(doc.files).toEqual([
      expect.objectContaining({
        conversationId,
        name: `${word}.txt`,
        type: 'text/plain',
        url: expect.stringContaining(`/api/files/${conversationId}/`),
      }),
    ]);
    const log = (await api('/api/audit?action=privacy.visitor_export', { token: owner.token })).body.entries;
    expect(log[0]).toMatchObject({ target: { type: 'visitor', id: visitor.visitor.id } });
    expect(JSON.stringify(log)).not.toContain(word);
  });

  it('answers 404 for a visitor of another workspace or none', async () => {
    const { site } = await workspaceWithSite();
    const stranger = await visitorSession(site.key);
    const other = await workspaceWithSite();
    for (const id of [stranger.visitor.id, 'vi_nobody']) {
      const res = await api(`/api/privacy/visitors/${id}/export`, { token: other.owner.token });
      expect([res.status, res.body.error.code]).toEqual([404, 'not_found']);
    }
  });
});
