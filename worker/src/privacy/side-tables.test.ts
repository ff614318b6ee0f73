import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, visitorSession, waitFor, workspaceWithSite } from '../../test/helpers';
import { inbox, webhook } from '../webhooks/test-helpers';
import { runRetention } from './retention';
import { d1Traces, doTraces, uniqueWord } from './test-helpers';

// Erasure reaches the person's data outside their own rows (docs/privacy.md "What is erased, where"): the webhooks'
// delivery logs, the audit log's block entries and the blocks' reasons.

const erase = (token: string, vid: string) =>
  api(`/api/privacy/visitors/${vid}/erase`, { token, body: { confirm: vid } });

describe('erasure outside the visitor’s own rows', () => {
  it("empties every webhook's delivery log of the visitor's words (visitor and conversation events)", async () => {
    const { owner, site } = await workspaceWithSite();
    const box = inbox();
    const hook = await webhook(owner.token, {
      url: box.url,
      events: ['visitor.created', 'conversation.created', 'message.created'],
      includeNotes: true,
    });
    const word = uniqueWord();
    const visitor = await visitorSession(site.key);
    const started = await api('/api/widget/conversations', {
      token: visitor.token,
      body: { name: `Kim ${word}`, email: `${word}@example.com`, message: `hello ${word}` },
    });
    expect(started.status).toBe(201);
    await box.until((rs) => rs.some((r) => JSON.stringify(r.body).includes(`hello ${word}`)), 15_000);
    const stub = env.WEBHOOKS.getByName(hook.webhook.id);
    expect(await doTraces(stub, word)).toContain('deliveries.body');

    expect((await erase(owner.token, visitor.visitor.id)).status).toBe(200);
    expect(await doTraces(stub, word)).toEqual([]);
  });

  it('keeps a standing IP block refusing, without the audit log or the block naming why', async () => {
    const { owner, site } = await workspaceWithSite();
    const visitor = await visitorSession(site.key);
    const vid = visitor.visitor.id;
    const word = uniqueWord();
    await api('/api/widget/conversations', { token: visitor.token, body: { message: `hello ${word}` } });
    const { last_ip: ip } = (await env.DB.prepare('SELECT last_ip FROM visitors WHERE id = ?')
      .bind(vid)
      .first<{ last_ip: string }>())!;
    expect(ip).toBeTruthy();
    const block = await api(`/api/sites/${site.id}/blocks`, {
      token: owner.token,
      body: { kind: 'ip', value: ip, reason: `Kim ${word} again` },
    });
    expect(block.status).toBe(201);
    await waitFor(async () => (await d1Traces(word)).includes('messages.body'), 15_000);

    expect((await erase(owner.token, vid)).status).toBe(200);
    await runRetention(env); // merges the word indexes' segments (FTS5 keeps a deleted word's bytes until then)
    expect(await d1Traces(word)).toEqual([]);
    const audit = await env.DB.prepare("SELECT detail FROM audit_log WHERE action = 'block.create' AND target_id = ?")
      .bind(block.body.block.id)
      .first<{ detail: string }>();
    expect(JSON.parse(audit!.detail)).toMatchObject({ kind: 'ip', value: '[erased]', reason: '[erased]' });
    const kept = await env.DB.prepare('SELECT value, reason FROM blocks WHERE id = ?')
      .bind(block.body.block.id)
      .first();
    expect(kept).toEqual({ value: ip, reason: '' });
  });
});
