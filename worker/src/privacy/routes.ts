import { Hono } from 'hono';
import { audit, auditIp } from '../audit/record';
import { type AgentEnv, requireAdmin, requireAgent } from '../auth/middleware';
import { getDb } from '../db/client';
import { errors } from '../lib/errors';
import { validate } from '../lib/validate';
import {
  EraseBody,
  EXPORT_TOTAL_HEADER,
  ExportQuery,
  FindVisitorQuery,
  type PrivacyVisitor,
  RetentionBody,
  type RetentionSetting,
} from '../../../protocol';
import { eraseVisitor } from './erase';
import { exportChunks, toByteStream } from './export';
import { exportTotals, findVisitors, findWorkspaceVisitor, workspaceSites } from './queries';
import { listRetention, setRetention } from './retention-queries';
import { subjectExport } from './subject';

/** [from, to) as ISO times from whole UTC days (both ends included); open ends reach any date. */
function range(from?: string, to?: string) {
  const end = to ? new Date(Date.parse(`${to}T00:00:00.000Z`) + 86_400_000).toISOString() : '9999';
  return { from: from ? `${from}T00:00:00.000Z` : '0000', to: end };
}

const CONTENT_TYPE = { jsonl: 'application/x-ndjson; charset=utf-8', csv: 'text/csv; charset=utf-8' } as const;

/** The workspace's visitor, or 404 (another workspace's visitor is not found either). */
async function visitorOf(db: ReturnType<typeof getDb>, workspaceId: string, id: string) {
  const hit = await findWorkspaceVisitor(db, workspaceId, id);
  if (!hit) throw errors.notFound('Visitor');
  return hit;
}

/** Export and data subject requests (docs/privacy.md): owners and admins only. */
export const privacyRoutes = new Hono<AgentEnv>()
  .use(requireAgent(), requireAdmin())
  .get('/export', validate('query', ExportQuery), async (c) => {
    const q = c.req.valid('query');
    const db = getDb(c.env.DB);
    const sites = await workspaceSites(db, c.var.agent.workspaceId, q.siteId);
    if (q.siteId && !sites.length) throw errors.notFound('Site');
    const plan = { siteIds: sites.map((s) => s.id), ...range(q.from, q.to), format: q.format, part: q.part };
    const totals = await exportTotals(db, plan.siteIds, plan.from, plan.to);
    const rows =
      q.format === 'jsonl'
        ? totals.conversations + totals.messages
        : q.part === 'messages'
          ? totals.messages
          : totals.conversations;
    const name = q.format === 'csv' ? `${q.part}.csv` : 'conversations.jsonl';
    await audit(c, {
      action: 'privacy.export',
      detail: {
        format: q.format,
        ...(q.format === 'csv' ? { part: q.part } : {}),
        siteId: q.siteId ?? null,
        from: q.from ?? null,
        to: q.to ?? null,
        rows,
      },
    });
    return new Response(toByteStream(exportChunks(db, plan)), {
      headers: {
        'Content-Type': CONTENT_TYPE[q.format],
        'Content-Disposition': `attachment; filename="${name}"`,
        'Cache-Control': 'no-store',
        [EXPORT_TOTAL_HEADER]: String(rows),
      },
    });
  })
  .get('/visitors', validate('query', FindVisitorQuery), async (c) => {
    const q = c.req.valid('query');
    const visitors: PrivacyVisitor[] = await findVisitors(getDb(c.env.DB), c.var.agent.workspaceId, q);
    return c.json({ visitors }, 200);
  })
  .get('/visitors/:id/export', async (c) => {
    const db = getDb(c.env.DB);
    const { v, site } = await visitorOf(db, c.var.agent.workspaceId, c.req.param('id'));
    const document = await subjectExport(c.env, db, v, { id: site.id, name: site.name });
    await audit(c, { action: 'privacy.visitor_export', target: { type: 'visitor', id: v.id } });
    return new Response(JSON.stringify(document, null, 2), {
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="visitor-${v.id}.json"`,
        'Cache-Control': 'no-store',
      },
    });
  })
  .post('/visitors/:id/erase', validate('json', EraseBody), async (c) => {
    const db = getDb(c.env.DB);
    const { v } = await visitorOf(db, c.var.agent.workspaceId, c.req.param('id'));
    if (c.req.valid('json').confirm !== v.id)
      throw errors.badRequest("Type the visitor's id to confirm the erasure", 'confirmation_mismatch');
    const erasure = await eraseVisitor(c.env, {
      visitor: { id: v.id, email: v.email, siteId: v.siteId },
      workspaceId: c.var.agent.workspaceId,
      reason: 'request',
      by: c.var.agent,
      ip: auditIp(c.req.raw),
    });
    return c.json({ erasure }, 200);
  })
  .get('/retention', async (c) => {
    const settings: RetentionSetting[] = await listRetention(getDb(c.env.DB), c.var.agent.workspaceId);
    return c.json({ settings }, 200);
  })
  .put('/retention/:siteId', validate('json', RetentionBody), async (c) => {
    const db = getDb(c.env.DB);
    const siteId = c.req.param('siteId');
    const [site] = await workspaceSites(db, c.var.agent.workspaceId, siteId);
    if (!site) throw errors.notFound('Site');
    const { months } = c.req.valid('json');
    const before = (await listRetention(db, c.var.agent.workspaceId)).find((s) => s.siteId === siteId)?.months ?? null;
    await setRetention(db, siteId, months);
    if (before !== months)
      await audit(c, {
        action: 'privacy.retention_change',
        target: { type: 'site', id: siteId },
        detail: { changes: { months: { from: before, to: months } } },
      });
    const setting = (await listRetention(db, c.var.agent.workspaceId)).find((s) => s.siteId === siteId)!;
    return c.json({ setting }, 200);
  });
