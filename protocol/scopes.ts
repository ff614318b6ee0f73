// The scopes of API tokens and roles (docs/integrations.md "Scopes"), zod-free so the console can list them without
// bringing zod (its CSP forbids the eval zod probes for); protocol/tokens.ts builds its schemas on them.
import type { Role } from './models';

/**
 * What an API token may be granted, each a family of routes (docs/integrations.md lists which). A closed list:
 * a route states one of these, an agent's login token has those of its role, an API token only its own.
 */
export const API_SCOPES = [
  'conversations:read',
  'conversations:write',
  'messages:write',
  'visitors:read',
  'team:read',
  'kb:read',
  'kb:write',
  'settings:manage',
  'audit:read',
] as const;
/** A scope an API token can be granted. */
export type ApiScope = (typeof API_SCOPES)[number];

/** Scopes only a signed-in person has: their routes refuse API tokens whatever they were granted. */
export const AGENT_ONLY_SCOPES = ['team:manage', 'tokens:manage'] as const;
/** Any scope a route may require. */
export type Scope = ApiScope | (typeof AGENT_ONLY_SCOPES)[number];

const AGENT_SCOPES: readonly Scope[] = [
  'conversations:read',
  'conversations:write',
  'messages:write',
  'visitors:read',
  'team:read',
  'kb:read',
];
const ADMIN_SCOPES: readonly Scope[] = [...API_SCOPES, ...AGENT_ONLY_SCOPES];

/** The scopes of each role: what its login token may do (and the most a token it created may do). */
export const ROLE_SCOPES: Record<Role, readonly Scope[]> = {
  owner: ADMIN_SCOPES,
  admin: ADMIN_SCOPES,
  agent: AGENT_SCOPES,
};
