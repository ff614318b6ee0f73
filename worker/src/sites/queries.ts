import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { sites } from '../db/schema';
import { newId, newSiteKey, nowIso } from '../lib/ids';
import type { Site } from '../protocol';

/** The public view of a site row. */
export const toSite = (row: typeof sites.$inferSelect): Site => ({ ...row });

/** Create a site with a fresh public key. */
export async function createSite(db: Db, workspaceId: string, input: { name: string; allowedOrigins: string[] }) {
  const row = { id: newId('st'), workspaceId, key: newSiteKey(), settings: {}, createdAt: nowIso(), ...input };
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
