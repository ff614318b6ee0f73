import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, workspaceWithSite } from '../../test/helpers';
import { monthsBefore, RETENTION_BATCH } from './retention';
import { scheduled } from './scheduled';
import { seedConversations } from './seed';

/** Run the Worker's scheduled handler as the cron trigger does, and wait for the work it left running. */
async function cron() {
  const ctx = createExecutionContext();
  await scheduled(createScheduledController({ scheduledTime: Date.now(), cron: '17 * * * *' }), env, ctx);
  await waitOnExecutionContext(ctx);
}
const erasedIds = async (ids: string[]) =>
  (
    await env.DB.prepare(
      `SELECT id FROM visitors WHERE erased_at IS NOT NULL AND id IN (SELECT value FROM json_each(?))`,
    )
      .bind(JSON.stringify(ids))
      .all<{ id: string }>()
  ).results.map((r) => r.id);

describe('retention', () => {
  it('is off by default and set per site by admins (months, or null for off), audited', async () => {
    const { owner, site } = await workspaceWithSite();
    const listed = await api('/api/privacy/retention', { token: owner.token });
    expect(listed.body.settings).toEqual([
      { siteId: site.id, siteName: site.name, months: null, lastRunAt: null, lastErased: 0 },
    ]);
    const put = (body: unknown, siteId = site.id) =>
      api(`/api/privacy/retention/${siteId}`, { token: owner.token, method: 'PUT', body });
    expect((await put({ months: 12 })).body.setting).toMatchObject({ siteId: site.id, months: 12 });
    expect((await put({ months: null })).body.setting).toMatchObject({ months: null });
    for (const body of [{ months: 0 }, { months: 121 }, { months: 1.5 }, {}, { months: '6' }]) {
      const res = await put(body);
      expect([res.status, res.body.error.code], JSON.stringify(body)).toEqual([400, 'bad_request']);
    }
    const other = await workspaceWithSite();
    const foreign = await put({ months: 3 }, other.site.id);
    expect([foreign.status, foreign.body.error.code]).toEqual([404, 'not_found']);
    const log = (await api('/api/audit?action=privacy.retention_change', { token: owner.token })).body.entries;
    expect(log.map((e: any) => e.detail.changes.months)).toEqual([
      { from: 12, to: null },
      { from: null, to: 12 },
    ]);
  });

  it('the cron erases visitors inactive for N months, in bounded batches, and leaves the others', async () => {
    const { owner, site } = await workspaceWithSite();
    const target = { id: site.id, workspaceId: owner.agent.workspaceId };
    // Seeded a day apart from 2020: all long inactive; then some seen this week, and one whose conversation moved.
    const old = await seedConversations(target, RETENTION_BATCH + 5, { firstDay: '2020-01-01' });
    const oldVisitors = old.ids.map((_, i) => `vi_${old.prefix}_${i}`);
    const recent = await seedConversations(target, 3, { firstDay: new Date().toISOString().slice(0, 10) });
    const recentVisitors = recent.ids.map((_, i) => `vi_${recent.prefix}_${i}`);
    await env.DB.prepare('UPDATE conversations SET updated_at = ? WHERE id = ?')
      .bind(new Date().toISOString(), old.ids[0])
      .run();
    await cron();
    expect(await erasedIds(oldVisitors)).toEqual([]); // off by default: nothing
    await api(`/api/privacy/retention/${site.id}`, { token: owner.token, method: 'PUT', body: { months: 6 } });
    await cron();
    const first = await erasedIds(oldVisitors);
    expect(first.length).toBeLessThanOrEqual(RETENTION_BATCH);
    expect(first.length).toBeGreaterThan(0);
    for (let i = 0; i < 5 && (await erasedIds(oldVisitors)).length < oldVisitors.length - 1; i++) await cron();
    const all = await erasedIds(oldVisitors);
    expect(all).toHaveLength(oldVisitors.length - 1);
    expect(all).not.toContain(oldVisitors[0]); // its conversation moved recently
    expect(await erasedIds(recentVisitors)).toEqual([]);
    // Erased: profile anonymised, their messages emptied, the conversation kept.
    const row = await env.DB.prepare('SELECT name, email FROM visitors WHERE id = ?').bind(oldVisitors[1]).first();
    expect(row).toEqual({ name: null, email: null });
    const messages = await env.DB.prepare("SELECT COUNT(*) AS n FROM messages WHERE conversation_id = ? AND body != ''")
      .bind(old.ids[1])
      .first<{ n: number }>();
    expect(messages!.n).toBe(0);
    const listed = (await api('/api/privacy/retention', { token: owner.token })).body.settings[0];
    expect(listed.lastRunAt).toBeTruthy();
    const log = (await api('/api/audit?action=privacy.erase&limit=200', { token: owner.token })).body.entries;
    expect(log).toHaveLength(oldVisitors.length - 1);
    expect(log[0]).toMatchObject({ actor: { type: 'system' }, detail: { reason: 'retention' } });
  });

  it('counts months on the calendar (a day the earlier month lacks is its last day)', () => {
    expect(monthsBefore(Date.parse('2026-03-31T10:00:00Z'), 1)).toBe('2026-02-28T10:00:00.000Z');
    expect(monthsBefore(Date.parse('2028-03-31T10:00:00Z'), 1)).toBe('2028-02-29T10:00:00.000Z');
    expect(monthsBefore(Date.parse('2026-11-30T00:00:00Z'), 12)).toBe('2025-11-30T00:00:00.000Z');
  });
});
