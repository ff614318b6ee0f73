import { z, type ZodType } from 'zod';
import { Agent, Conversation, CreateSiteBody, HistoryQuery, InboxQuery, LoginBody, Message, RegisterBody, Site, StartConversationBody, Visitor, WidgetSessionBody } from './protocol';

type Op = { summary: string; auth?: 'agent' | 'visitor'; body?: ZodType; query?: ZodType; ok: [number, ZodType | null] };

const page = (item: ZodType, key: string) => z.object({ [key]: z.array(item), nextCursor: z.string().nullable() });
const history = z.object({ messages: z.array(Message), hasMore: z.boolean() });
const auth = z.object({ token: z.string(), agent: Agent });

// The documented routes; their bodies are the same zod schemas the routes validate with.
const ROUTES: Record<string, Record<string, Op>> = {
  '/api/auth/register': { post: { summary: 'Create a workspace and its owner', body: RegisterBody, ok: [201, auth] } },
  '/api/auth/login': { post: { summary: 'Sign in as an agent', body: LoginBody, ok: [200, auth] } },
  '/api/auth/me': { get: { summary: 'The signed-in agent', auth: 'agent', ok: [200, z.object({ agent: Agent })] } },
  '/api/sites': {
    get: { summary: "The workspace's sites", auth: 'agent', ok: [200, z.object({ sites: z.array(Site) })] },
    post: { summary: 'Create a site (owners and admins)', auth: 'agent', body: CreateSiteBody, ok: [201, z.object({ site: Site })] },
  },
  '/api/sites/{id}/conversations': { get: { summary: "A site's inbox, newest first", auth: 'agent', query: InboxQuery, ok: [200, page(Conversation, 'conversations')] } },
  '/api/sites/{id}/ws': { get: { summary: 'WebSocket: site events and presence', auth: 'agent', ok: [101, null] } },
  '/api/conversations/{id}': { get: { summary: 'One conversation', auth: 'agent', ok: [200, z.object({ conversation: Conversation })] } },
  '/api/conversations/{id}/messages': { get: { summary: 'History, paged by seq', auth: 'agent', query: HistoryQuery, ok: [200, history] } },
  '/api/conversations/{id}/archive': { post: { summary: 'Archive', auth: 'agent', ok: [200, z.object({ conversation: Conversation })] } },
  '/api/conversations/{id}/restore': { post: { summary: 'Restore from the archive', auth: 'agent', ok: [200, z.object({ conversation: Conversation })] } },
  '/api/conversations/{id}/ws': { get: { summary: 'WebSocket: one conversation, as an agent', auth: 'agent', ok: [101, null] } },
  '/api/widget/session': { post: { summary: 'Start or resume a visitor session (Origin checked)', body: WidgetSessionBody, ok: [200, z.object({ token: z.string(), visitor: Visitor, conversations: z.array(Conversation) })] } },
  '/api/widget/conversations': { post: { summary: 'Start a conversation', auth: 'visitor', body: StartConversationBody, ok: [201, z.object({ conversation: Conversation })] } },
  '/api/widget/conversations/{id}/messages': { get: { summary: "History of the visitor's conversation", auth: 'visitor', query: HistoryQuery, ok: [200, history] } },
  '/api/widget/conversations/{id}/ws': { get: { summary: 'WebSocket: one conversation, as its visitor', auth: 'visitor', ok: [101, null] } },
};

const schema = (s: ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });
const errorBody = { type: 'object', properties: { error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } } } };

/** The OpenAPI 3.1 document served at /api/openapi.json. */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [path, ops] of Object.entries(ROUTES)) {
    paths[path] = {};
    for (const [method, op] of Object.entries(ops)) {
      const query = op.query ? Object.entries((schema(op.query).properties ?? {}) as Record<string, object>)
        .map(([name, s]) => ({ name, in: 'query', schema: s })) : [];
      const params = path.includes('{id}') ? [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }] : [];
      paths[path][method] = {
        summary: op.summary,
        ...(op.auth ? { security: [{ [op.auth]: [] }] } : {}),
        parameters: [...params, ...query],
        ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: schema(op.body) } } } } : {}),
        responses: {
          [op.ok[0]]: { description: 'OK', ...(op.ok[1] ? { content: { 'application/json': { schema: schema(op.ok[1]) } } } : {}) },
          default: { description: 'Error', content: { 'application/json': { schema: errorBody } } },
        },
      };
    }
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Parley API', version: '0.1.0' },
    components: { securitySchemes: { agent: { type: 'http', scheme: 'bearer' }, visitor: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}
