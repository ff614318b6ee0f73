import type { D1Migration } from 'cloudflare:test';

declare global {
  namespace Cloudflare {
    interface Env {
      /** The real migrations/ folder, read by vitest.config.ts for the test setup. */
      TEST_MIGRATIONS: D1Migration[];
      /** An empty D1 database only worker/src/health/routes.test.ts uses (vitest.config.ts). */
      HEALTH_TEST_DB: D1Database;
      /** The local webhook receiver (scripts/webhook-receiver.mjs) started by vitest.config.ts. */
      WEBHOOK_RECEIVER_URL: string;
    }
  }
}
