// API tokens for integrations (docs/integrations.md "API tokens"): the scopes, the token's public shape and the
// bodies of its routes. The scopes are defined here once; the worker's routes each name the one they need.
import { z } from 'zod';
import { LIMITS } from './limits';
import { API_SCOPES } from './scopes';

export * from './scopes';

/** Every secret starts with this, so secret scanners (and people) recognise a leaked one: `parley_` + 40 hex. */
export const API_TOKEN_PREFIX = 'parley_';
/** A whole API token, for scanners: the prefix and 40 lower-case hex characters. */
export const API_TOKEN_PATTERN = /\bparley_[0-9a-f]{40}\b/;

/** Whether a token still works, and if not why (the console shows it). */
export const ApiTokenState = z.enum(['active', 'expired', 'revoked', 'creator_inactive']);
export type ApiTokenState = z.infer<typeof ApiTokenState>;

/** An API token as listed: never the secret, only its last four characters. */
export const ApiToken = z.object({
  id: z.string(),
  name: z.string(),
  scopes: z.array(z.enum(API_SCOPES)),
  /** `parley_…1a2b`: how to recognise the token without revealing it. */
  hint: z.string(),
  createdBy: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  /** When it was last accepted, to the minute (updated at most once a minute). */
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  state: ApiTokenState,
});
export type ApiToken = z.infer<typeof ApiToken>;

/** POST /api/tokens: a name, at least one scope, and an optional expiry (a future time, at most 2 years away). */
export const CreateApiTokenBody = z.object({
  name: z.string().trim().min(1).max(80),
  scopes: z
    .array(z.enum(API_SCOPES))
    .min(1)
    // Duplicates are merged first: the limit is on distinct scopes (ten copies of one scope are one scope).
    .transform((s) => [...new Set(s)])
    .pipe(z.array(z.enum(API_SCOPES)).max(API_SCOPES.length)),
  expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
});
export type CreateApiTokenBody = z.input<typeof CreateApiTokenBody>;

/** The answer to POST /api/tokens: the listed token and, this once, its secret. */
export type CreatedApiToken = { token: ApiToken; secret: string };

/** POST /api/conversations/:id/messages: an agent's (or an integration's) message, as text. */
export const PostMessageBody = z.object({
  /** Plain text (never HTML), at most LIMITS.bodyMax characters. */
  body: z.string(),
  /** `note`: internal, never shown to the visitor. */
  kind: z.enum(['text', 'note']).default('text'),
  /** The caller's id for this message: a retry with the same clientId stores nothing and answers the first one. */
  clientId: z.string().min(1).max(LIMITS.clientIdMax).optional(),
});
