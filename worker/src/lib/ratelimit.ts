import { createMiddleware } from 'hono/factory';
import { errors } from './errors';

/** Coarse per-IP limit with a `ratelimits` binding (per location; exact limits live in the DOs). */
export const limitByIp = (binding: 'AUTH_LIMITER' | 'SESSION_LIMITER' | 'CONVERSATION_LIMITER') =>
  createMiddleware<{ Bindings: Env }>(async (c, next) => {
    const ip = c.req.header('CF-Connecting-IP') ?? 'local';
    const { success } = await c.env[binding].limit({ key: `${c.req.path}:${ip}` });
    if (!success) throw errors.rateLimited();
    await next();
  });
