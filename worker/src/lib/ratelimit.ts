import { createMiddleware } from 'hono/factory';
import { errors } from './errors';

/** The edge limits of wrangler.toml's `ratelimits` bindings (kept equal by hand; docs/widget.md "Limits"). */
export const EDGE_LIMITS = {
  /** POST /api/widget/conversations per IP per minute. */
  startsPerIpPerMinute: 10,
  /** Offline-form messages (and so team emails) per IP per minute. */
  offlinePerIpPerMinute: 5,
  /** POST /api/widget/page per visitor per 10 seconds. */
  pagesPerVisitorPer10s: 10,
  /** Help-center searches, and apart from them article reads, per visitor per minute. */
  kbPerVisitorPerMinute: 60,
} as const;

/** A `ratelimits` binding of this worker. */
export type LimiterBinding =
  | 'AUTH_LIMITER'
  | 'SESSION_LIMITER'
  | 'CONVERSATION_LIMITER'
  | 'OFFLINE_LIMITER'
  | 'PAGE_LIMITER'
  | 'KB_LIMITER';

/** The caller's IP as Cloudflare reports it. */
export const clientIp = (req: Request) => req.headers.get('CF-Connecting-IP') ?? 'local';

/**
 * Whether per-IP limits apply: not to the loopback (local development, where `npm start`
 * and its browser tests all come from one address; behind Cloudflare, CF-Connecting-IP is
 * always the client's real address, never loopback).
 */
export const ipLimited = (ip: string) => !(ip === 'local' || ip === '::1' || ip.startsWith('127.'));

/** Take one from `binding` for `key`; 429 `rate_limited` when over (per location, coarse). */
export async function takeLimit(env: Env, binding: LimiterBinding, key: string) {
  const { success } = await env[binding].limit({ key });
  if (!success) throw errors.rateLimited();
}

/** Coarse per-IP limit with a `ratelimits` binding (per location; exact limits live in the DOs). */
export const limitByIp = (binding: LimiterBinding) =>
  createMiddleware<{ Bindings: Env }>(async (c, next) => {
    const ip = clientIp(c.req.raw);
    if (ipLimited(ip)) await takeLimit(c.env, binding, `${c.req.path}:${ip}`);
    await next();
  });
