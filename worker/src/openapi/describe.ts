// Each route documents itself: its validators give the parameters and body (lib/validate.ts), and one `op()`
// beside them gives the summary, the tag, who may call it and what it answers. /api/openapi.json is generated
// from the app's routes (document.ts), so there is no table to keep in step by hand.
import { describeRoute, resolver } from 'hono-openapi';
import type { OpenAPIV3_1 } from 'openapi-types';
import { z, type ZodType } from 'zod';
import {
  Agent,
  ApiToken,
  ArticleNodeSchema,
  AuditEntry,
  Block,
  CannedResponse,
  Conversation,
  Department,
  ERROR_CODES,
  Message,
  Site,
  Visitor,
  VisitorConversation,
  VisitorMessage,
  Webhook,
  WebhookDelivery,
} from '../../../protocol';

/** Who may call a route: an agent's token, an owner's or admin's, a visitor's, either, or anyone. */
export type Caller = 'agent' | 'admin' | 'visitor' | 'either' | 'public';

type Op = {
  summary: string;
  tag: string;
  auth: Caller;
  /** The success status and its JSON body (null: no body, or not JSON; `media` names it). */
  ok: [number, ZodType | null];
  description?: string;
  /** The success body's media type when not JSON (an HTML page, a file). */
  media?: string;
  /** A JSON body that may be left out, checked by the route itself (lib/validate.ts validateOptionalJson). */
  optionalBody?: ZodType;
};

const retryAfter = z.number().int().positive();
const ErrorCode = z.enum(ERROR_CODES);

/**
 * The models responses share, named: each is one schema under components.schemas, referenced where it appears (a
 * registry of our own, so request bodies, documented on zod's input side, never share a name with them).
 */
const models = z.registry<{ id?: string; description?: string }>();
for (const [id, schema] of Object.entries({
  Agent,
  ApiToken,
  ArticleNode: ArticleNodeSchema,
  AuditEntry,
  Block,
  CannedResponse,
  Conversation,
  Department,
  Message,
  Site,
  Visitor,
  VisitorConversation,
  VisitorMessage,
  Webhook,
  WebhookDelivery,
}))
  models.add(schema, { id });
models.add(ErrorCode, { id: 'ErrorCode', description: 'protocol/errors.ts: each code has one HTTP status' });
models.add(retryAfter, { description: 'Seconds to wait (some 429s; also the Retry-After header)' });

/** The one error envelope, {error:{code,message}} (lib/errors.ts), its codes from protocol/errors.ts. */
export const ErrorEnvelope = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    retryAfter: retryAfter.optional(),
  }),
});

/** Responses are documented as what the server sends (zod's output side); bodies as what it accepts. */
const json = (schema: ZodType) => ({
  'application/json': { schema: resolver(schema, { options: { io: 'output', metadata: models } }) },
});

/** A response in the error envelope. */
export const errorResponse = (description: string) => ({ description, content: json(ErrorEnvelope) });

/** The envelope as plain JSON Schema, for hono-openapi's validation-error default (it takes no resolver). */
export function errorEnvelopeSchema(): object {
  const { $schema: _, $defs: __, ...schema } = z.toJSONSchema(ErrorEnvelope, { io: 'output', metadata: models });
  // Its code list is the ErrorCode component every other response refers to.
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/$defs/', '"#/components/schemas/'));
}

const SECURITY: Record<Caller, OpenAPIV3_1.SecurityRequirementObject[] | undefined> = {
  agent: [{ agent: [] }],
  admin: [{ agent: [] }],
  visitor: [{ visitor: [] }],
  either: [{ agent: [] }, { visitor: [] }],
  public: undefined,
};

/** describeRoute for one route: summary, tag, security and responses (401/403 follow from `auth`). */
export function op({ summary, tag, auth, ok: [status, body], description, media, optionalBody }: Op) {
  const responses: Record<string, unknown> = {
    [status]: { description: 'OK', ...(body ? { content: json(body) } : media ? { content: { [media]: {} } } : {}) },
  };
  if (optionalBody) responses[400] = errorResponse('bad_request: the body does not match its schema');
  if (auth !== 'public')
    responses[401] = errorResponse('unauthorized: no token, a bad or expired one, or a deactivated agent');
  if (auth === 'admin') responses[403] = errorResponse('forbidden: owners and admins only');
  responses.default = errorResponse('Any other refusal: its code says which');
  return describeRoute({
    summary,
    ...(description ? { description } : {}),
    ...(optionalBody
      ? { requestBody: { required: false, content: { 'application/json': { schema: resolver(optionalBody) } } } }
      : {}),
    tags: [tag],
    // An empty list: no token needed.
    security: SECURITY[auth] ?? [],
    responses: responses as never,
  });
}

/** The same tag for every route of a feature: `const doc = describer('Sites')`, then `doc({ summary, auth, ok })`. */
export const describer = (tag: string) => (o: Omit<Op, 'tag'>) => op({ ...o, tag });
