import type { ValidationTargets } from 'hono';
import { createMiddleware } from 'hono/factory';
import { uniqueSymbol, validator } from 'hono-openapi';
import type { z, ZodType } from 'zod';
import { cleanInput } from './clean';
import type { ErrorCode } from '../../../protocol';
import { ApiError } from './errors';

/** A Standard Schema issue path segment: a key, or an object holding one. */
const keyOf = (p: PropertyKey | { key: PropertyKey }) => String(typeof p === 'object' ? p.key : p);

/**
 * hono-openapi's validator (so the schema documents the route in /api/openapi.json) whose failures go through the
 * one error envelope (code bad_request, or `codes[field]` for a field documented with its own code). What passed
 * is then cleaned: NUL and deep nesting refused, lone surrogates made U+FFFD (lib/clean.ts), in every string of
 * the body, query or params.
 */
export const validate = <T extends ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
  codes: Partial<Record<string, ErrorCode>> = {},
) => {
  const inner = validator(target, schema, (result) => {
    if (!result.success) {
      const issue = result.error[0];
      const where = issue?.path?.length ? `${issue.path.map(keyOf).join('.')}: ` : '';
      const field = issue?.path?.length ? keyOf(issue.path[0]!) : '';
      throw new ApiError(400, codes[field] ?? 'bad_request', `${where}${issue?.message ?? 'invalid input'}`);
    }
  });
  // Same type as the validator's middleware, so routes keep their typed inputs (and the console's hc client its types).
  const outer = (async (c, next) =>
    inner(c, async () => {
      const cleaned = cleanInput((c.req.valid as (t: string) => unknown)(target));
      if ('error' in cleaned) throw new ApiError(400, 'bad_request', cleaned.error);
      c.req.addValidatedData(target, cleaned.value as object);
      await next();
    })) as typeof inner;
  // What hono-openapi reads from a route's handlers to document its body, query or path parameters.
  return Object.assign(outer, { [uniqueSymbol]: (inner as unknown as Record<symbol, unknown>)[uniqueSymbol] });
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
