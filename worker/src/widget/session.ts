import type { AuthKeys } from '../auth/keys';
import { signToken, verifyToken } from '../auth/tokens';
import type { Suspect } from '../blocks';
import type { Db } from '../db/client';
import type { sites } from '../db/schema';
import { errors, isUniqueViolation } from '../lib/errors';
import { siteSettings } from '../sites';
import type { VisitorContext } from './context';
import { verifyUserHash } from './identity';
import { createVisitor, findSiteVisitor, findVerifiedVisitor, setVisitorProfile, touchVisitor } from './queries';

type User = { id: string; hash: string; email?: string; name?: string };

/** Whether a returning visitor's name or email changed in this session (webhooks' visitor.updated). */
const profileChanged = (was: { name: string | null; email: string | null }, now: typeof was) =>
  was.name !== now.name || was.email !== now.email;

/**
 * The visitor behind a widget session. A verified user (identity on, right hash) is
 * found by their own id, so they get the same conversations on every device; an
 * anonymous visitor keeps their identity through the token. With identity required,
 * anonymous or wrongly signed visitors are refused. `updated`: a returning visitor's name or email changed.
 */
export async function sessionVisitor(
  db: Db,
  keys: AuthKeys,
  site: typeof sites.$inferSelect,
  input: { token?: string; user?: User },
  ctx: VisitorContext,
) {
  const mode = siteSettings(site).identity;
  const { user } = input;
  if (user && mode !== 'off') {
    const ok = !!site.identitySecret && (await verifyUserHash(site.identitySecret, user.id, user.hash));
    if (!ok) throw errors.forbidden('The user hash does not match this user', 'identity_invalid');
    const profile = { name: user.name, email: user.email };
    // Two tabs opening at once both miss the lookup: the unique index lets one create, the other takes its row.
    const create = () =>
      createVisitor(db, site.id, { ...profile, externalId: user.id }, ctx)
        .then((row) => ({ row, created: true }))
        .catch(async (err) => {
          const winner = isUniqueViolation(err, 'visitors.')
            ? await findVerifiedVisitor(db, site.id, user.id)
            : undefined;
          if (!winner) throw err;
          return { row: winner, created: false };
        });
    const found = await findVerifiedVisitor(db, site.id, user.id);
    const { row: known, created } = found ? { row: found, created: false } : await create();
    const visitor = created ? known : await touchVisitor(db, known, profile, ctx);
    // The customer's server vouches for these: they replace what the visitor typed before.
    if (!created) await setVisitorProfile(db, visitor.id, profile);
    const now = { ...visitor, ...(user.name ? { name: user.name } : {}), ...(user.email ? { email: user.email } : {}) };
    return { visitor: now, verified: true, created, updated: !created && profileChanged(known, now) };
  }
  if (mode === 'required') throw errors.forbidden('This site only talks to signed-in users', 'identity_required');
  const claims = input.token ? await verifyToken(input.token, keys) : null;
  // Without verification, name and email are an unverified profile, never an identity; a session limited to one
  // conversation by a link (cid) changes no profile: its holder may be whoever the email was forwarded to.
  const limited = claims?.typ === 'visitor' && !!claims.cid;
  const profile = limited ? {} : { name: user?.name, email: user?.email };
  const known =
    claims?.typ === 'visitor' && claims.sid === site.id ? await findSiteVisitor(db, site.id, claims.sub) : undefined;
  // A verified visitor's token only works while verification is on: it never downgrades to anonymous.
  // An erased visitor (docs/privacy.md) is never resumed: whoever holds the old token starts as a new visitor.
  const usable = known && !known.externalId && !known.erasedAt ? known : undefined;
  const visitor = usable
    ? await touchVisitor(db, usable, profile, ctx)
    : await createVisitor(db, site.id, profile, ctx);
  return { visitor, verified: false, created: !usable, updated: !!usable && profileChanged(usable, visitor) };
}

/**
 * Who a session request says it is, before anything is written: the visitor of a valid token for this site,
 * a verified user's id, the email given, the address. A blocked one is refused before any visitor row changes.
 */
export async function sessionSuspect(
  keys: AuthKeys,
  site: typeof sites.$inferSelect,
  input: { token?: string; user?: User },
  ip: string | null,
): Promise<Suspect> {
  const claims = input.token ? await verifyToken(input.token, keys) : null;
  const visitorId = claims?.typ === 'visitor' && claims.sid === site.id ? claims.sub : null;
  const externalId = input.user && siteSettings(site).identity !== 'off' ? input.user.id : null;
  return { visitorId, externalId, email: input.user?.email ?? null, ip };
}

/** The visitor's token: signed, expiring, saying whether the visitor is a verified user, and its conversation if limited to one. */
export const visitorToken = (keys: AuthKeys, visitorId: string, siteId: string, verified: boolean, cid?: string) =>
  signToken(
    { typ: 'visitor', sub: visitorId, sid: siteId, ...(verified ? { ver: true } : {}), ...(cid ? { cid } : {}) },
    keys,
  );

/** The one conversation a session's token was limited to (a continuation), when the session kept its visitor. */
export async function tokenScope(keys: AuthKeys, token: string | undefined, visitorId: string) {
  const claims = token ? await verifyToken(token, keys) : null;
  return claims?.typ === 'visitor' && claims.sub === visitorId ? claims.cid : undefined;
}

/**
 * Whether this session comes back to the existing visitor of its token (Turnstile skips them). A verified user's
 * token sent without that user (or while identity is off) would make a new anonymous visitor: that is a new visitor.
 */
export async function isReturningVisitor(
  db: Db,
  keys: AuthKeys,
  site: typeof sites.$inferSelect,
  input: { token?: string; user?: User },
) {
  const claims = input.token ? await verifyToken(input.token, keys) : null;
  const known =
    claims?.typ === 'visitor' && claims.sid === site.id ? await findSiteVisitor(db, site.id, claims.sub) : undefined;
  if (!known || known.erasedAt) return false;
  const asUser = input.user && siteSettings(site).identity !== 'off' ? input.user.id : null;
  return (known.externalId ?? null) === asUser;
}
