import { Hono } from 'hono';
import { z } from 'zod';
import { audit, auditIp } from '../audit/record';
import { type AgentEnv, agentsOnly, requireAgent, requireScope } from '../auth/middleware';
import { getDb } from '../db/client';
import { errors } from '../lib/errors';
import { validate } from '../lib/validate';
import { describer } from '../openapi/describe';
import {
  EraseBody,
  type ErasureResult,
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

const doc = describer('Privacy');

// The answers' shapes for the document; typed against protocol/privacy.ts, so they cannot differ from it.
const PrivacyVisitorDoc: z.ZodType<PrivacyVisitor> = z.object({
  id: z.string(),
  siteId: z.string(),
  siteName: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  conversations: z.number().int(),
  erasedAt: z.string().nullable(),
});
const ErasureDoc: z.ZodType<ErasureResult> = z.object({
  visitorId: z.string(),
  conversations: z.number().int(),
  messages: z.number().int(),
  files: z.number().int(),
  completedAt: z.string(),
});
const RetentionDoc: z.ZodType<RetentionSetting> = z.object({
  siteId: z.string(),
  siteName: z.string(),
  months: z.number().int().nullable(),
  lastRunAt: z.string().nullable(),
  lastErased: z.number().int(),
});

/**
 * Bulk export, visitor lookup and erasure are for owners and admins signed in: no API token scope covers every
 * conversation's text or an irreversible erasure (docs/decisions.md). Retention is a setting (settings:manage).
 */
const people = () => agentsOnly('settings:manage');

/** Export and data subject requests (docs/privacy.md): owners and admins only. */
export const privacyRoutes = new Hono<AgentEnv>()
  .use(requireAgent())
  .get(
    '/export',
    doc({
      summary:
        'Export conversations, messages and visitors as JSON Lines or CSV, streamed (X-Export-Rows: the row count)',
      auth: 'admin',
      ok: [200, null],
      media: 'application/x-ndjson',
    }),
    people(),
    validate('query', ExportQuery),
    async (c) => {
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
    },
  )
  .get(
    '/visitors',
    doc({
      summary: 'Find a visitor by email or id (data subject requests)',
      auth: 'admin',
      ok: [200, z.object({ visitors: z.array(PrivacyVisitorDoc) })],
    }),
    people(),
    validate('query', FindVisitorQuery),
    async (c) => {
      const q = c.req.valid('query');
      const visitors: PrivacyVisitor[] = await findVisitors(getDb(c.env.DB), c.var.agent.workspaceId, q);
      return c.json({ visitors }, 200);
    },
  )
  .get(
    '/visitors/:id/export',
    doc({
      summary: 'Everything about one visitor (profile, conversations, messages, files) as one JSON download',
      auth: 'admin',
      ok: [200, null],
      media: 'application/json',
    }),
    people(),
    async (c) => {
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
    },
  )
  .post(
    '/visitors/:id/erase',
    doc({
      summary: 'Erase a visitor everywhere; `confirm` repeats their id (400 confirmation_mismatch)',
      auth: 'admin',
      ok: [200, z.object({ erasure: ErasureDoc })],
    }),
    people(),
    validate('json', EraseBody),
    async (c) => {
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
    },
  )
  .get(
    '/retention',
    doc({
      summary: "Each site's retention: months without activity before visitors are erased",
      auth: 'admin',
      ok: [200, z.object({ settings: z.array(RetentionDoc) })],
    }),
    requireScope('settings:manage'),
    async (c) => {
      const settings: RetentionSetting[] = await listRetention(getDb(c.env.DB), c.var.agent.workspaceId);
      return c.json({ settings }, 200);
    },
  )
  .put(
    '/retention/:siteId',
    doc({
      summary: "Set a site's retention in months (null: keep visitors)",
      auth: 'admin',
      ok: [200, z.object({ setting: RetentionDoc })],
    }),
    requireScope('settings:manage'),
    validate('json', RetentionBody),
    async (c) => {
      const db = getDb(c.env.DB);
      const siteId = c.req.param('siteId');
      const [site] = await workspaceSites(db, c.var.agent.workspaceId, siteId);
      if (!site) throw errors.notFound('Site');
      const { months } = c.req.valid('json');
      const before =
        (await listRetention(db, c.var.agent.workspaceId)).find((s) => s.siteId === siteId)?.months ?? null;
      await setRetention(db, siteId, months);
      if (before !== months)
        await audit(c, {
          action: 'privacy.retention_change',
          target: { type: 'site', id: siteId },
          detail: { changes: { months: { from: before, to: months } } },
        });
      const setting = (await listRetention(db, c.var.agent.workspaceId)).find((s) => s.siteId === siteId)!;
      return c.json({ setting }, 200);
    },
  );
