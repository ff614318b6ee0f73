// Helpers of the API token tests.
import type { ApiScope, CreatedApiToken } from '../../../protocol';
import { api, unique } from '../../test/helpers';

/** Create an API token with the signed-in admin's `token`; fails the test unless it is created. */
export async function createToken(
  token: string,
  scopes: ApiScope[],
  extra: { name?: string; expiresAt?: string } = {},
) {
  const res = await api<CreatedApiToken>('/api/tokens', {
    token,
    body: {
      name: extra.name ?? `Integration ${unique()}`,
      scopes,
      ...(extra.expiresAt ? { expiresAt: extra.expiresAt } : {}),
    },
  });
  if (res.status !== 201) throw new Error(`token failed: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The audit entries of a workspace, newest first (read with an admin's login token). */
export async function auditEntries(token: string, action?: string) {
  const res = await api(`/api/audit${action ? `?action=${action}` : ''}`, { token });
  if (res.status !== 200) throw new Error(`audit failed: ${JSON.stringify(res.body)}`);
  return res.body.entries as { action: string; actor: { type: string; id: string; name: string }; detail: any }[];
}
