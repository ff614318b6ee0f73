import { z } from 'zod';

/**
 * Every action the audit log records (docs/security.md "Audit log"). Names are `<area>.<verb>`.
 * Adding an action here is how a feature starts being audited: the console has a label for each.
 */
export const AuditAction = z.enum([
  'auth.login',
  'auth.login_failed',
  'auth.locked',
  'auth.register',
  'auth.setup',
  'agent.invite',
  'agent.invite_accepted',
  'agent.update',
  'agent.role_change',
  'agent.deactivate',
  'agent.reactivate',
  'site.create',
  'site.update',
  'site.origins_change',
  'site.settings_change',
  'site.identity_secret_rotate',
  'site.delete',
  'department.create',
  'department.update',
  'department.delete',
  'block.create',
  'block.delete',
  'token.create',
  'token.revoke',
  /** A write an API token made that no other entry records (posting a message, a status change...). */
  'token.request',
  'webhook.create',
  'webhook.update',
  'webhook.delete',
  'webhook.secret_rotate',
  'webhook.disable',
  'privacy.export',
  'privacy.visitor_export',
  'privacy.erase',
  'privacy.retention_change',
]);
export type AuditAction = z.infer<typeof AuditAction>;

/** Who did it: a signed-in agent, an API token (its id and name), someone not signed in (a failed sign-in), or the system. */
export const AuditActor = z.object({
  type: z.enum(['agent', 'token', 'anonymous', 'system']),
  id: z.string().nullable(),
  name: z.string().nullable(),
});
export type AuditActor = z.infer<typeof AuditActor>;

/** One audit entry as the API returns it; `detail` says what changed (never a secret). */
export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actor: AuditActor,
  ip: z.string().nullable(),
  action: AuditAction,
  target: z.object({ type: z.string(), id: z.string() }).nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** GET /api/audit?cursor=&limit=&action=: newest first, `cursor` from the previous page's `nextCursor`. */
export const AuditQuery = z.object({
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  action: AuditAction.optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

/** A page of the audit log. */
export type AuditPage = { entries: AuditEntry[]; nextCursor: string | null };
