import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { sites } from '../db/schema';
import { ApiError } from '../lib/errors';
import { newId, newSiteKey, nowIso } from '../lib/ids';
import { mergeDeep } from '../lib/merge';
import { type Site, type UpdateSiteBody, WidgetSettings } from '../../../protocol';

/** The public view of a site row: settings with their defaults, never the identity secret. */
export const toSite = ({ identitySecret: _secret, ...row }: typeof sites.$inferSelect): Site => ({
  ...row,
  settings: siteSettings(row),
});

/** A site's widget settings, every default filled in (stored JSON may predate newer settings). */
export function siteSettings(row: { settings: Record<string, unknown> }): WidgetSettings {
  const parsed = WidgetSettings.safeParse(row.settings);
  return parsed.success ? parsed.data : WidgetSettings.parse({});
}

/** Change a site's name, origins or settings (settings are merged into what is stored, nested objects too). */
export async function updateSite(db: Db, row: typeof sites.$inferSelect, body: UpdateSiteBody) {
  let settings = row.settings;
  if (body.settings) {
    // Deep: {businessHours:{enabled:false}} keeps the time zone and days (arrays such as days replace whole).
    const merged = WidgetSettings.safeParse(mergeDeep(siteSettings(row), body.settings));
    if (!merged.success) {
      const issue = merged.error.issues[0];
      throw new ApiError(400, 'bad_request', `settings.${issue?.path.join('.')}: ${issue?.message ?? 'invalid'}`);
    }
    settings = merged.data;
  }
  // Only the fields sent are written.
  const set = {
    ...(body.name ? { name: body.name } : {}),
    ...(body.allowedOrigins ? { allowedOrigins: body.allowedOrigins } : {}),
    ...(body.settings ? { settings } : {}),
  };
  if (Object.keys(set).length) await db.update(sites).set(set).where(eq(sites.id, row.id));
  return { ...row, ...set };
}

/** Set a new random identity-verification secret. */
export async function rotateIdentitySecret(db: Db, siteId: string) {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const secret = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  await db.update(sites).set({ identitySecret: secret }).where(eq(sites.id, siteId));
  return secret;
}

/** Create a site with a fresh public key. */
export async function createSite(db: Db, workspaceId: string, input: { name: string; allowedOrigins: string[] }) {
  const row = {
    id: newId('st'),
    workspaceId,
    key: newSiteKey(),
    settings: {},
    createdAt: nowIso(),
    identitySecret: null,
    ...input,
  };
  await db.insert(sites).values(row);
  return row;
}

/** A workspace's sites, oldest first. */
export const listSites = (db: Db, workspaceId: string) =>
  db.select().from(sites).where(eq(sites.workspaceId, workspaceId)).orderBy(sites.createdAt);

/** A site, only if it belongs to the workspace. */
export const findWorkspaceSite = (db: Db, workspaceId: string, id: string) =>
  db.query.sites.findFirst({ where: and(eq(sites.id, id), eq(sites.workspaceId, workspaceId)) });

/** A site by its id. */
export const findSite = (db: Db, id: string) => db.query.sites.findFirst({ where: eq(sites.id, id) });

/** A site by its public key. */
export const findSiteByKey = (db: Db, key: string) => db.query.sites.findFirst({ where: eq(sites.key, key) });
