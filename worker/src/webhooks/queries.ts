import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { agents, webhooks } from '../db/schema';
import { newId, nowIso } from '../lib/ids';
import type { CreateWebhookBody, UpdateWebhookBody, Webhook, WebhookEvent } from '../../../protocol';
import { newSecret } from './sign';

type Row = typeof webhooks.$inferSelect;

/** A webhook as the API returns it (never its secret). */
export const toWebhook = (r: Row): Webhook => ({
  id: r.id,
  url: r.url,
  description: r.description,
  events: r.events as WebhookEvent[],
  includeNotes: r.includeNotes,
  enabled: r.enabled,
  disabledAt: r.disabledAt,
  disabledReason: r.disabledAt ? (r.disabledReason === 'failing' ? 'failing' : 'admin') : null,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

/** A workspace's webhooks, oldest first (at most WEBHOOKS_PER_WORKSPACE). */
export const listWebhooks = (db: Db, workspaceId: string) =>
  db.select().from(webhooks).where(eq(webhooks.workspaceId, workspaceId)).orderBy(webhooks.createdAt).limit(100);

/** One webhook of a workspace; undefined for another workspace's (the route answers 404). */
export const findWebhook = (db: Db, workspaceId: string, id: string) =>
  db.query.webhooks.findFirst({ where: and(eq(webhooks.workspaceId, workspaceId), eq(webhooks.id, id)) });

/** One webhook by id alone: for its delivery object, which knows nothing else. */
export const webhookById = (db: Db, id: string) => db.query.webhooks.findFirst({ where: eq(webhooks.id, id) });

/**
 * Add a webhook with a new secret, unless the workspace already has `limit`: one INSERT … SELECT whose WHERE counts
 * in the same statement, so webhooks created at once never pass the limit (null: at the limit). Returns the row
 * (the route shows the secret once).
 */
export async function createWebhook(
  db: Db,
  workspaceId: string,
  b: CreateWebhookBody & { url: string },
  by: string,
  limit: number,
): Promise<Row | null> {
  const now = nowIso();
  const row: Row = {
    id: newId('wh'),
    workspaceId,
    url: b.url,
    description: b.description ?? '',
    events: [...new Set(b.events)],
    includeNotes: b.includeNotes ?? false,
    secret: newSecret(),
    enabled: true,
    disabledAt: null,
    disabledReason: null,
    createdById: by,
    createdAt: now,
    updatedAt: now,
  };
  const inserted = await db.all<{ id: string }>(sql`INSERT INTO webhooks
      (id, workspace_id, url, description, events, include_notes, secret, enabled, created_by_id, created_at, updated_at)
    SELECT ${row.id}, ${workspaceId}, ${row.url}, ${row.description}, ${JSON.stringify(row.events)},
      ${row.includeNotes ? 1 : 0}, ${row.secret}, 1, ${by}, ${now}, ${now}
    WHERE (SELECT count(*) FROM webhooks WHERE workspace_id = ${workspaceId}) < ${limit}
    RETURNING id`);
  return inserted.length ? row : null;
}

/** Change a webhook; turning it on clears why it was off, turning it off records an admin's decision. */
export async function updateWebhook(db: Db, id: string, b: UpdateWebhookBody & { url?: string }) {
  const now = nowIso();
  const [row] = await db
    .update(webhooks)
    .set({
      ...(b.url !== undefined ? { url: b.url } : {}),
      ...(b.events !== undefined ? { events: [...new Set(b.events)] } : {}),
      ...(b.includeNotes !== undefined ? { includeNotes: b.includeNotes } : {}),
      ...(b.description !== undefined ? { description: b.description } : {}),
      ...(b.enabled === true ? { enabled: true, disabledAt: null, disabledReason: null } : {}),
      ...(b.enabled === false ? { enabled: false, disabledAt: now, disabledReason: 'admin' } : {}),
      updatedAt: now,
    })
    .where(eq(webhooks.id, id))
    .returning();
  return row!;
}

/** A new secret for a webhook (the old one stops signing at once). */
export async function rotateSecret(db: Db, id: string) {
  const secret = newSecret();
  await db.update(webhooks).set({ secret, updatedAt: nowIso() }).where(eq(webhooks.id, id));
  return secret;
}

/** Remove a webhook; its delivery object forgets everything at its next run. */
export const deleteWebhook = (db: Db, id: string) => db.delete(webhooks).where(eq(webhooks.id, id));

/** Turn a failing webhook off (only if still on); true when this call did it. */
export async function disableFailing(db: Db, id: string) {
  const now = nowIso();
  const rows = await db
    .update(webhooks)
    .set({ enabled: false, disabledAt: now, disabledReason: 'failing', updatedAt: now })
    .where(and(eq(webhooks.id, id), eq(webhooks.enabled, true)))
    .returning({ id: webhooks.id });
  return rows.length > 0;
}

/** The owners and admins of a workspace who can be told by email (the notice of a disabled webhook). */
export const adminsToTell = (db: Db, workspaceId: string) =>
  db
    .select({ id: agents.id, email: agents.email })
    .from(agents)
    .where(
      and(
        eq(agents.workspaceId, workspaceId),
        eq(agents.active, true),
        eq(agents.invited, false),
        sql`${agents.role} IN ('owner', 'admin')`,
      ),
    )
    .orderBy(desc(agents.createdAt));

/**
 * The enabled webhooks of a site's workspace as a JSON array of {id, workspaceId, events, includeNotes, createdAt}:
 * a scalar subquery the relays add to the RETURNING of their projection insert, so learning whether anyone
 * listens costs no statement of its own (one index lookup inside the write D1 does anyway).
 */
export const targetsOfSite = (siteId: string) => sql<string>`(SELECT json_group_array(json_object(
    'id', w.id, 'workspaceId', w.workspace_id, 'events', json(w.events), 'includeNotes', w.include_notes,
    'createdAt', w.created_at))
  FROM webhooks w WHERE w.enabled = 1 AND w.workspace_id = (SELECT s.workspace_id FROM sites s WHERE s.id = ${siteId}))`;
