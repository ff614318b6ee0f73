// Pure rules of the API tokens page: the expiry choices and what the create form sends.
import type { ApiScope, CreateApiTokenBody } from '../../../protocol';

/** The expiry choices of the form, in days; 0 is "never". */
export const EXPIRY_DAYS = [30, 90, 365, 0] as const;
export type ExpiryDays = (typeof EXPIRY_DAYS)[number];

/** The create form's state. */
export type TokenForm = { name: string; scopes: ApiScope[]; expiryDays: ExpiryDays };

/** The body of POST /api/tokens from the form, or the reason it cannot be sent yet. */
export function tokenBody(form: TokenForm, now: number): { body: CreateApiTokenBody } | { error: string } {
  const name = form.name.trim();
  if (!name) return { error: 'Give the token a name.' };
  if (!form.scopes.length) return { error: 'Choose at least one permission.' };
  const expiresAt = form.expiryDays ? new Date(now + form.expiryDays * 86_400_000).toISOString() : null;
  return { body: { name, scopes: form.scopes, expiresAt } };
}

/** The scopes with `scope` turned on or off, in a stable order. */
export function toggleScope(all: readonly ApiScope[], chosen: ApiScope[], scope: ApiScope, on: boolean): ApiScope[] {
  return all.filter((s) => (s === scope ? on : chosen.includes(s)));
}
