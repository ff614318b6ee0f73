import { z } from 'zod';

/** What a block matches: one visitor, an IP address or CIDR range (IPv4 or IPv6), or an email address. */
export const BlockKind = z.enum(['visitor', 'ip', 'email']);
export type BlockKind = z.infer<typeof BlockKind>;

/** POST /api/sites/:siteId/blocks. `value` is normalised by the server (400 invalid_ip, invalid_email, invalid_visitor). */
export const CreateBlockBody = z.object({
  kind: BlockKind,
  value: z.string().trim().min(1).max(320),
  reason: z.string().trim().max(500).optional(),
});
export type CreateBlockBody = z.infer<typeof CreateBlockBody>;

/** One entry of a site's block list, with how many requests it has refused. */
export const Block = z.object({
  id: z.string(),
  siteId: z.string(),
  kind: BlockKind,
  /** Normalised: a visitor id, a canonical IP or CIDR (`10.0.0.0/8`, `2001:db8::/32`), a lower-cased email. */
  value: z.string(),
  reason: z.string(),
  createdBy: z.object({ id: z.string().nullable(), name: z.string().nullable() }),
  createdAt: z.string(),
  /** Requests, messages and emails refused because of this block. */
  drops: z.number().int(),
  lastDropAt: z.string().nullable(),
});
export type Block = z.infer<typeof Block>;

/** The error code every refusal of a blocked visitor carries (REST 403 and the socket's error frame). */
export const CHAT_UNAVAILABLE = 'chat_unavailable';
// BLOCKED_CLOSE lives in limits.ts (zod-free, so clients can import it) and is re-exported here for the worker.
export { BLOCKED_CLOSE } from './limits';
/** The error frame a blocked visitor's socket receives before it is closed with BLOCKED_CLOSE. */
export const CHAT_UNAVAILABLE_FRAME = JSON.stringify({
  type: 'error',
  code: CHAT_UNAVAILABLE,
  message: 'Chat is unavailable',
});
