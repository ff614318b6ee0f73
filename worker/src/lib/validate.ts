import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { z, ZodType } from 'zod';
import { ApiError } from './errors';

/** zValidator whose failures go through the one error envelope (code bad_request). */
export const validate = <T extends ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) =>
  zValidator(target, schema, (result) => {
    if (!result.success) {
      const issue = result.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      throw new ApiError(400, 'bad_request', `${where}${issue?.message ?? 'invalid input'}`);
    }
  });

/**
 * For routes whose JSON body is optional: an empty body counts as `{}`, anything else
 * must match. (Hono's json validator would reject an empty body sent as application/json.)
 */
export const validateOptionalJson = <T extends ZodType>(schema: T) =>
  createMiddleware<{ Variables: { body: z.output<T> } }>(async (c, next) => {
    const text = (await c.req.text()).trim();
    let json: unknown = {};
    if (text) {
      try { json = JSON.parse(text); } catch { throw new ApiError(400, 'bad_request', 'Malformed JSON in request body'); }
    }
    const result = schema.safeParse(json);
    if (!result.success) throw new ApiError(400, 'bad_request', result.error.issues[0]?.message ?? 'invalid input');
    c.set('body', result.data);
    await next();
  });
