import { z, type ZodType } from 'zod';
import {
  KbSearchQuery,
  VisitorArticle,
  VisitorArticleHit,
  Article,
  ArticleQuery,
  CannedQuery,
  CannedResponse,
  CreateArticleBody,
  CreateCannedBody,
  Preferences,
  UpdateArticleBody,
  UpdateCannedBody,
  UpdatePreferencesBody,
  RatingBody,
  UpdateSiteBody,
  WidgetSettings,
  AssignBody,
  PageBody,
  Stats,
  StatsQuery,
  TransferBody,
  UpdateConversationBody,
  VisitorProfile,
  AcceptInviteBody,
  Agent,
  AuthConfig,
  Conversation,
  CreateDepartmentBody,
  CreateSiteBody,
  Department,
  HistoryQuery,
  InboxQuery,
  InviteAgentBody,
  LoginBody,
  Message,
  MessageRevision,
  EditMessageBody,
  RegisterBody,
  Site,
  StartConversationBody,
  UpdateAgentBody,
  UpdateDepartmentBody,
  Visitor,
  WidgetSessionBody,
  ContinueBody,
  VisitorConversation,
  VisitorMessage,
  AuditEntry,
  AuditQuery,
  Block,
  CreateBlockBody,
  ApiToken,
  API_SCOPES,
  CreateApiTokenBody,
  PostMessageBody,
} from '../../protocol';

type Op = {
  summary: string;
  auth?: 'agent' | 'visitor';
  body?: ZodType;
  query?: ZodType;
  ok: [number, ZodType | null];
};

const page = (item: ZodType, key: string) => z.object({ [key]: z.array(item), nextCursor: z.string().nullable() });
const history = z.object({ messages: z.array(Message), hasMore: z.boolean() });
const auth = z.object({ token: z.string(), agent: Agent });
const conv = z.object({ conversation: Conversation });
// What visitors get: the visitor view (docs/protocol.md).
const visitorConv = z.object({ conversation: VisitorConversation });

// The documented routes; their bodies are the same zod schemas the routes validate with.
const ROUTES: Record<string, Record<string, Op>> = {
  '/api/auth/config': {
    get: { summary: 'Public: whether sign-up is open or invite-only (SIGNUP)', ok: [200, AuthConfig] },
  },
  '/api/auth/register': {
    post: {
      summary:
        'Create a workspace and its owner; while sign-up is invite-only only with a one-time `setup` token (403 signup_closed, 400 invalid_setup_token, 409 email_taken)',
      body: RegisterBody,
      ok: [201, auth],
    },
  },
  '/api/auth/login': {
    post: {
      summary:
        'Sign in as an agent (401 unauthorized; 429 account_locked with Retry-After after 5 failures for one email)',
      body: LoginBody,
      ok: [200, auth],
    },
  },
  '/api/auth/accept-invite': {
    post: { summary: 'Accept an invitation: set a password and sign in', body: AcceptInviteBody, ok: [200, auth] },
  },
  '/api/auth/me': { get: { summary: 'The signed-in agent', auth: 'agent', ok: [200, z.object({ agent: Agent })] } },
  '/api/agents': {
    get: { summary: "The workspace's agents", auth: 'agent', ok: [200, z.object({ agents: z.array(Agent) })] },
    post: {
      summary: 'Invite an agent (owners and admins); returns the invite link',
      auth: 'agent',
      body: InviteAgentBody,
      ok: [201, z.object({ agent: Agent, inviteUrl: z.string() })],
    },
  },
  '/api/agents/{id}': {
    patch: {
      summary: 'Change an agent: name, role, active, capacity, departments (owners and admins)',
      auth: 'agent',
      body: UpdateAgentBody,
      ok: [200, z.object({ agent: Agent })],
    },
  },
  '/api/departments': {
    get: {
      summary: "The workspace's departments, the default first",
      auth: 'agent',
      ok: [200, z.object({ departments: z.array(Department) })],
    },
    post: {
      summary: 'Create a department (owners and admins)',
      auth: 'agent',
      body: CreateDepartmentBody,
      ok: [201, z.object({ department: Department })],
    },
  },
  '/api/departments/{id}': {
    patch: {
      summary: 'Rename, toggle auto-assign or make the default (owners and admins)',
      auth: 'agent',
      body: UpdateDepartmentBody,
      ok: [200, z.object({ department: Department })],
    },
    delete: {
      summary: 'Delete; its agents and open conversations move to the default (owners and admins)',
      auth: 'agent',
      ok: [204, null],
    },
  },
  '/api/sites': {
    get: { summary: "The workspace's sites", auth: 'agent', ok: [200, z.object({ sites: z.array(Site) })] },
    post: {
      summary: 'Create a site (owners and admins)',
      auth: 'agent',
      body: CreateSiteBody,
      ok: [201, z.object({ site: Site })],
    },
  },
  '/api/sites/{id}': {
    patch: {
      summary: "Change a site's name, origins or widget settings (owners and admins)",
      auth: 'agent',
      body: UpdateSiteBody,
      ok: [200, z.object({ site: Site })],
    },
  },
  '/api/sites/{id}/conversations': {
    get: {
      summary: "A site's inbox, newest first",
      auth: 'agent',
      query: InboxQuery,
      ok: [200, page(Conversation, 'conversations')],
    },
  },
  '/api/sites/{id}/ws': { get: { summary: 'WebSocket: site events and presence', auth: 'agent', ok: [101, null] } },
  '/api/conversations/{id}': {
    get: { summary: 'One conversation', auth: 'agent', ok: [200, z.object({ conversation: Conversation })] },
    patch: {
      summary: 'Change priority, tags, notes or department',
      auth: 'agent',
      body: UpdateConversationBody,
      ok: [200, z.object({ conversation: Conversation })],
    },
  },
  '/api/conversations/{id}/messages': {
    get: { summary: 'History, paged by seq', auth: 'agent', query: HistoryQuery, ok: [200, history] },
    post: {
      summary: 'Post an agent message or note (scope messages:write); it reaches the visitor live',
      auth: 'agent',
      body: PostMessageBody,
      ok: [201, z.object({ message: Message })],
    },
  },
  '/api/conversations/{id}/archive': {
    post: { summary: 'Archive', auth: 'agent', ok: [200, z.object({ conversation: Conversation })] },
  },
  '/api/conversations/{id}/restore': {
    post: { summary: 'Restore from the archive', auth: 'agent', ok: [200, z.object({ conversation: Conversation })] },
  },
  '/api/conversations/{id}/claim': {
    post: {
      summary: 'Take a waiting conversation (409 already_assigned, invalid_transition)',
      auth: 'agent',
      ok: [200, conv],
    },
  },
  '/api/conversations/{id}/assign': {
    post: { summary: 'Give the conversation to an agent', auth: 'agent', body: AssignBody, ok: [200, conv] },
  },
  '/api/conversations/{id}/transfer': {
    post: {
      summary: 'Transfer to an agent; the note becomes an internal note',
      auth: 'agent',
      body: TransferBody,
      ok: [200, conv],
    },
  },
  '/api/conversations/{id}/resolve': {
    post: { summary: 'Resolve (from waiting or active)', auth: 'agent', ok: [200, conv] },
  },
  '/api/conversations/{id}/close': {
    post: { summary: 'Close (from waiting, active or resolved)', auth: 'agent', ok: [200, conv] },
  },
  '/api/conversations/{id}/reopen': {
    post: { summary: 'Reopen a resolved or closed conversation', auth: 'agent', ok: [200, conv] },
  },
  '/api/conversations/{id}/visitor': {
    get: {
      summary: "The visitor's profile and other conversations",
      auth: 'agent',
      ok: [200, z.object({ visitor: VisitorProfile, conversations: z.array(Conversation) })],
    },
  },
  '/api/sites/{id}/stats': {
    get: {
      summary: "A site's numbers over a date range (default: last 7 days)",
      auth: 'agent',
      query: StatsQuery,
      ok: [200, z.object({ stats: Stats })],
    },
  },
  '/api/widget/config/{siteKey}': {
    get: {
      summary: "A site's public widget settings and availability (cacheable)",
      ok: [
        200,
        z.object({
          settings: WidgetSettings.omit({ idleTimeoutMinutes: true, unreadEmailMinutes: true }),
          availability: z.object({ agentsOnline: z.boolean(), withinHours: z.boolean() }),
        }),
      ],
    },
  },
  '/api/widget/conversations/{id}/rating': {
    post: {
      summary: 'Rate a resolved conversation once (409 not_resolved, already_rated)',
      auth: 'visitor',
      body: RatingBody,
      ok: [200, visitorConv],
    },
  },
  '/api/widget/conversations/{id}/files': {
    post: {
      summary: 'Attach a file: raw body, Content-Type, X-Filename (10 MB; images, PDF, text)',
      auth: 'visitor',
      ok: [201, z.object({ message: VisitorMessage })],
    },
  },
  '/api/conversations/{id}/files': {
    post: { summary: 'Attach a file as an agent', auth: 'agent', ok: [201, z.object({ message: Message })] },
  },
  '/api/files/{conversationId}/{fileId}': {
    get: { summary: 'Download a file (its visitor or an agent of the workspace)', ok: [200, null] },
  },
  '/api/sites/{id}/blocks': {
    get: {
      summary: "The site's block list with drop counts (owners and admins)",
      auth: 'agent',
      ok: [200, z.object({ blocks: z.array(Block) })],
    },
    post: {
      summary:
        'Block a visitor, an IP or CIDR range, or an email (owners and admins; 400 invalid_ip, invalid_email, invalid_visitor; 409 already_blocked)',
      auth: 'agent',
      body: CreateBlockBody,
      ok: [201, z.object({ block: Block })],
    },
  },
  '/api/sites/{id}/blocks/{blockId}': {
    delete: { summary: 'Lift a block (owners and admins)', auth: 'agent', ok: [204, null] },
  },
  '/api/sites/{id}/identity-secret': {
    get: {
      summary: 'The identity-verification secret (owners and admins)',
      auth: 'agent',
      ok: [200, z.object({ secret: z.string().nullable() })],
    },
    post: {
      summary: 'Rotate the identity-verification secret',
      auth: 'agent',
      ok: [200, z.object({ secret: z.string() })],
    },
  },
  '/api/audit': {
    get: {
      summary: "The workspace's audit log, newest first (owners and admins; 400 bad_cursor)",
      auth: 'agent',
      query: AuditQuery,
      ok: [200, page(AuditEntry, 'entries')],
    },
  },
  '/api/tokens': {
    get: {
      summary: "The workspace's API tokens, never their secrets (owners and admins signed in)",
      auth: 'agent',
      ok: [200, z.object({ tokens: z.array(ApiToken) })],
    },
    post: {
      summary: 'Create an API token; its secret is in this answer only',
      auth: 'agent',
      body: CreateApiTokenBody,
      ok: [201, z.object({ token: ApiToken, secret: z.string() })],
    },
  },
  '/api/tokens/{id}': {
    delete: {
      summary: 'Revoke an API token (refused from the next request)',
      auth: 'agent',
      ok: [200, z.object({ token: ApiToken })],
    },
  },
  '/api/canned-responses': {
    get: {
      summary: 'Shared and own canned responses, most used first (q: shortcut, title, content)',
      auth: 'agent',
      query: CannedQuery,
      ok: [200, z.object({ cannedResponses: z.array(CannedResponse) })],
    },
    post: {
      summary: 'Create one (shared: owners and admins)',
      auth: 'agent',
      body: CreateCannedBody,
      ok: [201, z.object({ cannedResponse: CannedResponse })],
    },
  },
  '/api/canned-responses/{id}': {
    patch: {
      summary: 'Change one (personal: its owner; shared: owners and admins)',
      auth: 'agent',
      body: UpdateCannedBody,
      ok: [200, z.object({ cannedResponse: CannedResponse })],
    },
    delete: { summary: 'Delete one', auth: 'agent', ok: [204, null] },
  },
  '/api/canned-responses/{id}/use': {
    post: { summary: 'Count one use', auth: 'agent', ok: [200, z.object({ cannedResponse: CannedResponse })] },
  },
  '/api/articles': {
    get: {
      summary: 'Knowledge-base articles (q: title and content)',
      auth: 'agent',
      query: ArticleQuery,
      ok: [200, z.object({ articles: z.array(Article) })],
    },
    post: {
      summary: 'Create an article (owners and admins)',
      auth: 'agent',
      body: CreateArticleBody,
      ok: [201, z.object({ article: Article })],
    },
  },
  '/api/articles/{id}': {
    patch: {
      summary: 'Change an article',
      auth: 'agent',
      body: UpdateArticleBody,
      ok: [200, z.object({ article: Article })],
    },
    delete: { summary: 'Delete an article', auth: 'agent', ok: [204, null] },
  },
  '/api/kb/{siteKey}/articles/{id}': {
    get: { summary: 'Public read-only page of an active article (HTML)', ok: [200, null] },
  },
  '/api/auth/me/preferences': {
    patch: {
      summary: 'Notification preferences of the signed-in agent',
      auth: 'agent',
      body: UpdatePreferencesBody,
      ok: [200, z.object({ preferences: Preferences })],
    },
  },
  '/api/conversations/{id}/messages/{messageId}': {
    delete: {
      summary: 'Delete your own message (soft: it becomes "Message deleted" everywhere)',
      auth: 'agent',
      ok: [200, z.object({ message: Message })],
    },
    patch: {
      summary: 'Edit your own message within 15 minutes, before the visitor answered (docs/protocol.md "Editing")',
      auth: 'agent',
      body: EditMessageBody,
      ok: [200, z.object({ message: Message })],
    },
  },
  '/api/conversations/{id}/messages/{messageId}/revisions': {
    get: {
      summary: "An edited message's earlier bodies, oldest first (agents only)",
      auth: 'agent',
      ok: [200, z.object({ revisions: z.array(MessageRevision) })],
    },
  },
  '/api/widget/page': {
    post: { summary: 'The page the visitor is on now', auth: 'visitor', body: PageBody, ok: [204, null] },
  },
  '/api/conversations/{id}/ws': {
    get: { summary: 'WebSocket: one conversation, as an agent', auth: 'agent', ok: [101, null] },
  },
  '/api/widget/session': {
    post: {
      summary:
        'Start or resume a visitor session (Origin checked; a new visitor passes Turnstile when the site requires it)',
      body: WidgetSessionBody,
      ok: [200, z.object({ token: z.string(), visitor: Visitor, conversations: z.array(VisitorConversation) })],
    },
  },
  '/api/widget/continue': {
    post: {
      summary:
        "Exchange a continuation link's token (docs/widget.md) for a session limited to its conversation; once per device",
      body: ContinueBody,
      ok: [200, z.object({ token: z.string(), visitor: Visitor, conversations: z.array(VisitorConversation) })],
    },
  },
  '/api/widget/conversations/{id}/link': {
    post: {
      summary: 'Email the visitor a link that continues this conversation on another device (once per 10 minutes)',
      auth: 'visitor',
      ok: [202, z.object({ sent: z.boolean(), to: z.string() })],
    },
  },
  '/api/widget/conversations': {
    get: {
      summary:
        "The visitor's conversations, newest first, with status and last message (a continuation session: its one)",
      auth: 'visitor',
      ok: [200, z.object({ conversations: z.array(VisitorConversation) })],
    },
    post: {
      summary:
        'Start a conversation (201), or get back the open one (200); clientKey makes a retry return its first answer',
      auth: 'visitor',
      body: StartConversationBody,
      ok: [201, visitorConv],
    },
  },
  '/api/widget/conversations/{id}/messages': {
    get: {
      summary: "History of the visitor's conversation",
      auth: 'visitor',
      query: HistoryQuery,
      ok: [200, z.object({ messages: z.array(VisitorMessage), hasMore: z.boolean() })],
    },
  },
  '/api/widget/conversations/{id}/ws': {
    get: { summary: 'WebSocket: one conversation, as its visitor', auth: 'visitor', ok: [101, null] },
  },
  '/api/widget/kb/search': {
    get: {
      summary: "Help center: search the site's published articles (empty q: most read first)",
      auth: 'visitor',
      query: KbSearchQuery,
      ok: [200, z.object({ articles: z.array(VisitorArticleHit) })],
    },
  },
  '/api/widget/kb/articles/{id}': {
    get: {
      summary: 'Help center: one published article as a node tree (counts one view per visitor a day)',
      auth: 'visitor',
      ok: [200, z.object({ article: VisitorArticle })],
    },
  },
};

const schema = (s: ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });
const errorBody = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        retryAfter: { type: 'integer', description: 'Seconds to wait (some 429s)' },
      },
    },
  },
};

/** The OpenAPI 3.1 document served at /api/openapi.json. */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [path, ops] of Object.entries(ROUTES)) {
    paths[path] = {};
    for (const [method, op] of Object.entries(ops)) {
      const query = op.query
        ? Object.entries((schema(op.query).properties ?? {}) as Record<string, object>).map(([name, s]) => ({
            name,
            in: 'query',
            schema: s,
          }))
        : [];
      const params = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
        name,
        in: 'path',
        required: true,
        schema: { type: 'string' },
      }));
      paths[path][method] = {
        summary: op.summary,
        ...(op.auth ? { security: [{ [op.auth]: [] }] } : {}),
        parameters: [...params, ...query],
        ...(op.body
          ? { requestBody: { required: true, content: { 'application/json': { schema: schema(op.body) } } } }
          : {}),
        responses: {
          [op.ok[0]]: {
            description: 'OK',
            ...(op.ok[1] ? { content: { 'application/json': { schema: schema(op.ok[1]) } } } : {}),
          },
          default: { description: 'Error', content: { 'application/json': { schema: errorBody } } },
        },
      };
    }
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Parley API', version: '0.1.0' },
    components: {
      securitySchemes: {
        agent: {
          type: 'http',
          scheme: 'bearer',
          description: `An agent's login token, or an API token (parley_…, docs/integrations.md) with the route's scope: ${API_SCOPES.join(', ')}`,
        },
        visitor: { type: 'http', scheme: 'bearer' },
      },
    },
    paths,
  };
}
