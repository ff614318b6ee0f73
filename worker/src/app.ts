import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { agentRoutes } from './agents/routes';
import { auditTokenWrites } from './audit/record';
import { auditRoutes } from './audit/routes';
import { visitorContactsByScope } from './auth/visitor-contacts';
import { authRoutes } from './auth/routes';
import { blockRoutes } from './blocks/routes';
import { conversationRoutes } from './conversations/routes';
import { departmentRoutes } from './departments/routes';
import { apiCors } from './lib/cors';
import { requireConfiguredEnv } from './lib/env';
import { ApiError, errorHandler, notFoundHandler } from './lib/errors';
import { requestLog } from './lib/request-log';
import { cannedRoutes } from './canned/routes';
import { devRoutes } from './dev/routes';
import { emailRoutes } from './email/routes';
import { fileRoutes } from './files/routes';
import { health, healthDoc } from './health/routes';
import { articleRoutes, publicKbRoutes } from './kb/routes';
import { openApiRoutes } from './openapi/document';
import { privacyRoutes } from './privacy/routes';
import { siteRoutes } from './sites/routes';
import { tokenRoutes } from './tokens/routes';
import { webhookRoutes } from './webhooks/routes';
import { widgetRoutes } from './widget/routes';

const jsonBodyLimit = bodyLimit({
  maxSize: 64 * 1024,
  onError: () => {
    throw new ApiError(413, 'too_large', 'Request body too large');
  },
});

/** The upload routes, exactly: POST /api/widget/conversations/:id/files and POST /api/conversations/:id/files. */
const UPLOAD_PATH = /^\/api\/(widget\/)?conversations\/[^/]+\/files$/;
const isUpload = (method: string, path: string) => method === 'POST' && UPLOAD_PATH.test(path);

/** The Parley API: sub-apps joined with route(), chained so `hc` can type them. */
export const app = new Hono<{ Bindings: Env }>()
  .basePath('/api')
  // First: every request is logged with its id, a misconfigured one too.
  .use(requestLog())
  .use(requireConfiguredEnv())
  // Bearer tokens, never cookies; CONSOLE_ORIGIN narrows the agent routes to the console (lib/cors.ts).
  .use(apiCors())
  .use(secureHeaders({ crossOriginResourcePolicy: 'cross-origin' }))
  // JSON bodies are small; only the two upload routes have their own 10 MB limit (checked in files/upload.ts).
  .use(async (c, next) => (isUpload(c.req.method, c.req.path) ? next() : jsonBodyLimit(c, next)))
  // API tokens' writes are attributed in the audit log (audit/record.ts).
  .use(auditTokenWrites())
  // API tokens see visitors' names and emails only with visitors:read (auth/visitor-contacts.ts).
  .use(visitorContactsByScope())
  .get('/health', healthDoc, health)
  .route('/auth', authRoutes)
  .route('/agents', agentRoutes)
  .route('/departments', departmentRoutes)
  // Before siteRoutes: its block routes answer without running siteRoutes' own middleware a second time.
  .route('/sites', blockRoutes)
  .route('/sites', siteRoutes)
  .route('/conversations', conversationRoutes)
  .route('/widget', widgetRoutes)
  .route('/files', fileRoutes)
  .route('/canned-responses', cannedRoutes)
  .route('/articles', articleRoutes)
  .route('/kb', publicKbRoutes)
  .route('/email', emailRoutes)
  .route('/dev', devRoutes)
  .route('/audit', auditRoutes)
  .route('/tokens', tokenRoutes)
  .route('/webhooks', webhookRoutes)
  .route('/privacy', privacyRoutes);

// After the chain: the document lists every route of `app` (worker/src/openapi), so it takes the finished app.
app.route('/', openApiRoutes(app as never));
app.onError(errorHandler);
app.notFound(notFoundHandler);

/** The API's type, for Hono's typed client in the console. */
export type AppType = typeof app;
