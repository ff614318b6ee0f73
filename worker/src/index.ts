import { app } from './app';

export { ConversationDO } from './conversations/ConversationDO';
export { SiteDO } from './realtime/SiteDO';

/** The Worker: the Hono app for /api/*, static assets (widget, console, demo) for the rest. */
export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Env>;
