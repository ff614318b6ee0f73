import { createMiddleware } from 'hono/factory';
import { ApiError } from './errors';
import { log } from './log';

const checked = new WeakSet<object>();

/** Refuse to serve with missing or weak secrets; checked once per isolate and env. */
export const requireConfiguredEnv = () =>
  createMiddleware<{ Bindings: Env }>(async (c, next) => {
    if (!checked.has(c.env)) {
      const secret = c.env.AUTH_SECRET;
      if (typeof secret !== 'string' || secret.length < 32) {
        log.error('config.invalid', {
          setting: 'AUTH_SECRET',
          reason: 'missing or shorter than 32 characters: `wrangler secret put AUTH_SECRET`',
        });
        throw new ApiError(500, 'misconfigured', 'The server is not configured');
      }
      const previous = c.env.AUTH_SECRET_PREVIOUS;
      if (previous !== undefined && previous !== '' && previous.length < 32) {
        log.error('config.invalid', {
          setting: 'AUTH_SECRET_PREVIOUS',
          reason: 'shorter than 32 characters: ignored, tokens it signed are refused',
        });
      }
      checked.add(c.env);
    }
    await next();
  });
