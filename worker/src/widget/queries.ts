import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { visitors } from '../db/schema';
import { newId, nowIso } from '../lib/ids';
import type { Visitor } from '../protocol';

/** The public view of a visitor row. */
export const toVisitor = (row: typeof visitors.$inferSelect): Visitor =>
  ({ id: row.id, siteId: row.siteId, name: row.name, email: row.email });

/** A visitor of the given site. */
export const findSiteVisitor = (db: Db, siteId: string, id: string) =>
  db.query.visitors.findFirst({ where: and(eq(visitors.id, id), eq(visitors.siteId, siteId)) });

/** Create a visitor; name and email are an unverified profile, never an identity. */
export async function createVisitor(db: Db, siteId: string, profile: { name?: string; email?: string }) {
  const now = nowIso();
  const row = { id: newId('vi'), siteId, name: profile.name ?? null, email: profile.email ?? null, createdAt: now, lastSeenAt: now };
  await db.insert(visitors).values(row);
  return row;
}

/** Mark a returning visitor as seen, filling in a profile it did not have. */
export async function touchVisitor(db: Db, row: typeof visitors.$inferSelect, profile: { name?: string; email?: string }) {
  const next = { ...row, lastSeenAt: nowIso(), name: row.name ?? profile.name ?? null, email: row.email ?? profile.email ?? null };
  await db.update(visitors).set({ lastSeenAt: next.lastSeenAt, name: next.name, email: next.email }).where(eq(visitors.id, row.id));
  return next;
}
