import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { agentRoutes } from './agents/routes';
import { authRoutes } from './auth/routes';
import { conversationRoutes } from './conversations/routes';
import { departmentRoutes } from './departments/routes';
import { requireConfiguredEnv } from './lib/env';
import { errorHandler, errors, notFoundHandler } from './lib/errors';
import { openApiDocument } from './openapi';
import { siteRoutes } from './sites/routes';
import { widgetRoutes } from './widget/routes';

/** The Parley API: sub-apps joined with route(), chained so `hc` can type them. */
export const app = new Hono<{ Bindings: Env }>()
  .basePath('/api')
  .use(requireConfiguredEnv())
  // Bearer tokens, never cookies: reflecting the origin cannot enable CSRF. Widget
  // routes check the Origin against the site's allowed origins themselves.
  .use(cors({ origin: (origin) => origin, allowHeaders: ['Authorization', 'Content-Type'], maxAge: 600 }))
  .use(secureHeaders({ crossOriginResourcePolicy: 'cross-origin' }))
  .use(bodyLimit({ maxSize: 64 * 1024, onError: () => { throw errors.badRequest('Request body too large', 'too_large'); } }))
  .get('/health', (c) => c.json({ ok: true }, 200))
  .get('/openapi.json', (c) => c.json(openApiDocument(), 200))
  .route('/auth', authRoutes)
  .route('/agents', agentRoutes)
  .route('/departments', departmentRoutes)
  .route('/sites', siteRoutes)
  .route('/conversations', conversationRoutes)
  .route('/widget', widgetRoutes)

app.onError(errorHandler);
app.notFound(notFoundHandler);

/** The API's type, for Hono's typed client in the console. */
export type AppType = typeof app;
