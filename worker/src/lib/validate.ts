import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { z, ZodType } from 'zod';
import { cleanInput } from './clean';
import { ApiError } from './errors';

/**
 * zValidator whose failures go through the one error envelope (code bad_request). What passed is then cleaned:
 * NUL and deep nesting refused, lone surrogates made U+FFFD (lib/clean.ts), in every string of the body, query or params.
 */
export const validate = <T extends ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) => {
  const inner = zValidator(target, schema, (result) => {
    if (!result.success) {
      const issue = result.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      throw new ApiError(400, 'bad_request', `${where}${issue?.message ?? 'invalid input'}`);
    }
  });
  // Same type as zValidator's middleware, so routes keep their typed inputs (and the console's hc client its types).
  return (async (c, next) =>
    inner(c, async () => {
      const cleaned = cleanInput((c.req.valid as (t: string) => unknown)(target));
      if ('error' in cleaned) throw new ApiError(400, 'bad_request', cleaned.error);
      c.req.addValidatedData(target, cleaned.value as object);
      await next();
    })) as typeof inner;
};

/**
 * For routes whose JSON body is optional: an empty body counts as `{}`, anything else
 * must match. (Hono's json validator would reject an empty body sent as application/json.)
 */
export const validateOptionalJson = <T extends ZodType>(schema: T) =>
  createMiddleware<{ Variables: { body: z.output<T> } }>(async (c, next) => {
    const text = (await c.req.text()).trim();
    let json: unknown = {};
    if (text) {
      try {
        json = JSON.parse(text);
      } catch {
        throw new ApiError(400, 'bad_request', 'Malformed JSON in request body');
      }
    }
    // Cleaned (and depth-checked) before the schema walks it.
    const cleaned = cleanInput(json);
    if ('error' in cleaned) throw new ApiError(400, 'bad_request', cleaned.error);
    const result = schema.safeParse(cleaned.value);
    if (!result.success) throw new ApiError(400, 'bad_request', result.error.issues[0]?.message ?? 'invalid input');
    c.set('body', result.data);
    await next();
  });
