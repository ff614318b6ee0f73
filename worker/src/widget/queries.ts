import { and, desc, eq, ne } from 'drizzle-orm';
import type { Db } from '../db/client';
import { conversations, sites, visitors } from '../db/schema';
import { newId, nowIso } from '../lib/ids';
import type { Visitor, VisitorProfile } from '../../../protocol';
import type { VisitorContext } from './context';

type VisitorRow = typeof visitors.$inferSelect;

/** A new visit starts when a visitor comes back after this long. */
const VISIT_GAP_MS = 30 * 60_000;

/** The public view of a visitor row. */
export const toVisitor = (row: VisitorRow): Visitor => ({
  id: row.id,
  siteId: row.siteId,
  name: row.name,
  email: row.email,
});

/** Everything the console's sidebar shows. */
export const toVisitorProfile = (row: VisitorRow): VisitorProfile => ({
  ...toVisitor(row),
  browser: row.browser,
  os: row.os,
  device: row.device,
  currentUrl: row.currentUrl,
  currentTitle: row.currentTitle,
  referrer: row.referrer,
  landingUrl: row.landingUrl,
  country: row.country,
  city: row.city,
  firstSeenAt: row.createdAt,
  lastSeenAt: row.lastSeenAt,
  visits: row.visits,
  lastIp: row.lastIp,
});

/** A visitor of the given site. */
export const findSiteVisitor = (db: Db, siteId: string, id: string) =>
  db.query.visitors.findFirst({ where: and(eq(visitors.id, id), eq(visitors.siteId, siteId)) });

/**
 * The visitor a visitor token names, unless they were erased (docs/privacy.md): an erased visitor's old token or used
 * continuation link must not resume them nor write a name, email or message back onto the anonymised row.
 */
export const findLiveVisitor = async (db: Db, siteId: string, id: string) => {
  const visitor = await findSiteVisitor(db, siteId, id);
  return visitor && !visitor.erasedAt ? visitor : undefined;
};

/**
 * A visitor token's site and whether its visitor was erased, in one D1 statement (the read every visitor route and
 * socket upgrade already made for the site): an erased visitor's token is refused there, not route by route.
 */
export async function siteOfVisitor(db: Db, siteId: string, visitorId: string) {
  const [row] = await db
    .select({ site: sites, erasedAt: visitors.erasedAt })
    .from(sites)
    .leftJoin(visitors, and(eq(visitors.id, visitorId), eq(visitors.siteId, sites.id)))
    .where(eq(sites.id, siteId))
    .limit(1);
  return row ? { site: row.site, erased: !!row.erasedAt } : undefined;
}

const contextColumns = (ctx: VisitorContext) => ({
  userAgent: ctx.userAgent,
  browser: ctx.browser,
  os: ctx.os,
  device: ctx.device,
  country: ctx.country,
  city: ctx.city,
  lastIp: ctx.ip,
  ...(ctx.page ? { currentUrl: ctx.page.url, currentTitle: ctx.page.title } : {}),
});

/** A verified user's visitor on a site (the same one on every device). */
export const findVerifiedVisitor = (db: Db, siteId: string, externalId: string) =>
  db.query.visitors.findFirst({ where: and(eq(visitors.siteId, siteId), eq(visitors.externalId, externalId)) });

/**
 * Create a visitor. Without `externalId` the name and email are an unverified profile,
 * never an identity; with it (a verified user) they come from the customer's server.
 */
export async function createVisitor(
  db: Db,
  siteId: string,
  profile: { name?: string; email?: string; externalId?: string },
  ctx: VisitorContext,
) {
  const now = nowIso();
  const row: VisitorRow = {
    id: newId('vi'),
    siteId,
    name: profile.name ?? null,
    email: profile.email ?? null,
    createdAt: now,
    lastSeenAt: now,
    externalId: profile.externalId ?? null,
    unsubscribedAt: null,
    erasedAt: null,
    currentUrl: null,
    currentTitle: null,
    visits: 1,
    ...contextColumns(ctx),
    landingUrl: ctx.page?.url ?? null,
    referrer: ctx.page?.referrer || null,
  };
  await db.insert(visitors).values(row);
  return row;
}

/** A returning visitor: seen now, a new visit after a 30-minute gap, a profile it did not have filled in. */
export async function touchVisitor(
  db: Db,
  row: VisitorRow,
  profile: { name?: string; email?: string },
  ctx: VisitorContext,
) {
  const now = nowIso();
  const newVisit = Date.parse(now) - Date.parse(row.lastSeenAt) > VISIT_GAP_MS;
  const next: VisitorRow = {
    ...row,
    ...contextColumns(ctx),
    lastSeenAt: now,
    name: row.name ?? profile.name ?? null,
    email: row.email ?? profile.email ?? null,
    visits: row.visits + (newVisit ? 1 : 0),
    ...(newVisit && ctx.page ? { landingUrl: ctx.page.url, referrer: ctx.page.referrer || null } : {}),
  };
  const { id: _id, siteId: _s, createdAt: _c, ...changes } = next;
  await db.update(visitors).set(changes).where(eq(visitors.id, row.id));
  return next;
}

/** Name and email given in the pre-chat form (or the offline form). */
export async function setVisitorProfile(db: Db, id: string, profile: { name?: string; email?: string }) {
  const changes = {
    ...(profile.name ? { name: profile.name } : {}),
    ...(profile.email ? { email: profile.email } : {}),
  };
  if (Object.keys(changes).length) await db.update(visitors).set(changes).where(eq(visitors.id, id));
}

/** The page a visitor is on now (reported by the widget on every navigation). */
export async function setVisitorPage(db: Db, id: string, page: { url: string; title: string }) {
  await db
    .update(visitors)
    .set({ currentUrl: page.url, currentTitle: page.title, lastSeenAt: nowIso() })
    .where(eq(visitors.id, id));
}

/** A visitor's profile and their other conversations, newest first. */
export async function visitorProfileWithHistory(db: Db, visitorId: string, exceptConversationId: string) {
  const [rows, others] = await db.batch([
    db.select().from(visitors).where(eq(visitors.id, visitorId)),
    db
      .select()
      .from(conversations)
      .where(and(eq(conversations.visitorId, visitorId), ne(conversations.id, exceptConversationId)))
      .orderBy(desc(conversations.createdAt))
      .limit(20),
  ]);
  return rows[0] ? { visitor: toVisitorProfile(rows[0]), others } : null;
}
