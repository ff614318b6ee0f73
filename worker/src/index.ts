import { app } from './app';
import { handleInboundEmail } from './email/inbound';
import { scheduled } from './privacy';

export { ConversationDO } from './conversations/ConversationDO';
export { RelayDO } from './realtime/RelayDO';
export { SiteDO } from './realtime/SiteDO';
export { VisitorDO } from './visitors/VisitorDO';
export { WebhookDeliveryDO } from './webhooks/WebhookDeliveryDO';

/** The Worker: the Hono app for /api/*, static assets (widget, console, demo) for the rest, inbound email, the cron. */
export default {
  fetch: app.fetch,
  // Replies to Parley's emails (reply+<conversation>.<signature>@…), routed here by Email Routing.
  async email(message, env) {
    await handleInboundEmail(env, message);
  },
  // The cron trigger (wrangler.toml [triggers]): retention and unfinished erasures, in bounded batches (docs/privacy.md).
  scheduled,
} satisfies ExportedHandler<Env>;
