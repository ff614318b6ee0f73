import { app } from './app';
import { handleInboundEmail } from './email/inbound';

export { ConversationDO } from './conversations/ConversationDO';
export { RelayDO } from './realtime/RelayDO';
export { SiteDO } from './realtime/SiteDO';
export { VisitorDO } from './visitors/VisitorDO';
export { WebhookDeliveryDO } from './webhooks/WebhookDeliveryDO';

/** The Worker: the Hono app for /api/*, static assets (widget, console, demo) for the rest, and inbound email. */
export default {
  fetch: app.fetch,
  // Replies to Parley's emails (reply+<conversation>.<signature>@…), routed here by Email Routing.
  async email(message, env) {
    await handleInboundEmail(env, message);
  },
} satisfies ExportedHandler<Env>;
