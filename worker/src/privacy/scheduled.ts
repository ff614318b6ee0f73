import { runRetention } from './retention';

/**
 * The Worker's `scheduled` handler (worker/src/index.ts; the cron in wrangler.toml [triggers]): retention and
 * erasures cut short, in a bounded batch per run (docs/privacy.md). Its own module so tests call it directly.
 */
export const scheduled: ExportedHandlerScheduledHandler<Env> = async (controller, env, ctx) => {
  ctx.waitUntil(runRetention(env, controller.scheduledTime));
};
