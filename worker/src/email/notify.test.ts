import { describe, expect, it } from 'vitest';
import { api, connect, paths, visitorSession, workspaceWithSite } from '../../test/helpers';
import { teamMember } from '../../test/team-helpers';

const outbox = async (token: string) =>
  (await api('/api/dev/outbox', { token })).body.emails as { to: string; subject: string; text: string }[];

describe('transcripts', () => {
  it('a visitor asks for the transcript of a resolved conversation, without internal notes', async () => {
    const { owner, site } = await workspaceWithSite();
    const v = await visitorSession(site.key);
    const conv = (await api('/api/widget/conversations', { token: v.token, body: {} })).body.conversation;
    const a = await connect(paths.agent(conv.id), owner.token);
    a.send({ type: 'send', clientId: 'r', body: 'Your refund is on its way' });
    a.send({ type: 'send', clientId: 'n', body: 'secret note', kind: 'note' });
    await a.next((f) => f.type === 'ack' && f.clientId === 'n');
    const path = `/api/widget/conversations/${conv.id}/transcript`;
    const early = await api(path, { token: v.token, body: {} });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('not_resolved');
    await api(`/api/conversations/${conv.id}/resolve`, { token: owner.token, method: 'POST' });
    const noEmail = await api(path, { token: v.token, body: {} });
    expect(noEmail.body.error.code).toBe('email_required');
    expect((await api(path, { token: v.token, body: { email: 'not-an-email' } })).body.error.code).toBe('bad_request');
    const sent = await api(path, { token: v.token, body: { email: 'kim@example.com' } });
    expect(sent.status).toBe(202);
    await api(path, { token: v.token, body: {} }); // asking again for the same conversation sends nothing new
    const mails = await outbox(owner.token);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: 'kim@example.com', subject: expect.stringContaining('Your conversation') });
    expect(mails[0]!.text).toContain('Your refund is on its way');
    expect(mails[0]!.text).not.toContain('secret note');
    const other = await visitorSession(site.key);
    expect((await api(path, { token: other.token, body: {} })).status).toBe(404);
    a.close();
  });
});

describe('offline messages', () => {
  it('a message left while nobody is online is emailed to every active agent', async () => {
    const { owner, site } = await workspaceWithSite();
    const bob = await teamMember(owner.token);
    const v = await visitorSession(site.key);
    const res = await api('/api/widget/conversations', {
      token: v.token,
      body: { email: 'lee@example.com', name: 'Lee', message: 'Please call me back' },
    });
    expect(res.status).toBe(201);
    let mails: { to: string; text: string }[] = [];
    for (let i = 0; i < 50 && mails.length < 2; i++) mails = await outbox(owner.token);
    expect(mails.map((m) => m.to).sort()).toEqual([owner.agent.email, bob.agent.email].sort());
    expect(mails[0]!.text).toContain('Please call me back');
    expect(mails[0]!.text).toContain(`/conversations/${res.body.conversation.id}`);
  });

  it('is not emailed while an agent is online', async () => {
    const { owner, site } = await workspaceWithSite();
    const inbox = await connect(paths.site(site.id), owner.token);
    const v = await visitorSession(site.key);
    await api('/api/widget/conversations', { token: v.token, body: { email: 'lee@example.com', message: 'Hello' } });
    await inbox.state((c) => c.lastSeq >= 1);
    expect(await outbox(owner.token)).toEqual([]);
    inbox.close();
  });
});
