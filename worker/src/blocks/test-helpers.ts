import { api, ORIGIN } from '../../test/helpers';
import type { Block, Conversation, Visitor } from '../../../protocol';

/** Create a block as `token`; fails the test unless it is created. */
export async function block(token: string, siteId: string, kind: string, value: string, reason?: string) {
  const res = await api<{ block: Block }>(`/api/sites/${siteId}/blocks`, {
    token,
    body: { kind, value, ...(reason ? { reason } : {}) },
  });
  if (res.status !== 201) throw new Error(`block failed: ${JSON.stringify(res.body)}`);
  return res.body.block;
}

/** A site's block list as `token` sees it. */
export const blocksOf = async (token: string, siteId: string) =>
  (await api<{ blocks: Block[] }>(`/api/sites/${siteId}/blocks`, { token })).body.blocks;

/** A widget call from a fixed client address (CF-Connecting-IP), as the visitor of `token` when given. */
export const widgetCall = <T = any>(
  path: string,
  ip: string,
  opts: { token?: string; body?: unknown; method?: string } = {},
) => api<T>(path, { ...opts, origin: ORIGIN, headers: { 'CF-Connecting-IP': ip } });

/** A visitor session from a fixed address; the raw response (so a refusal can be asserted). */
export const sessionFrom = (siteKey: string, ip: string, extra: Record<string, unknown> = {}) =>
  widgetCall<{ token: string; visitor: Visitor; conversations: Conversation[]; error?: { code: string } }>(
    '/api/widget/session',
    ip,
    { body: { siteKey, ...extra } },
  );
