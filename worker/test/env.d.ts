import type { D1Migration } from 'cloudflare:test';

declare global {
  namespace Cloudflare {
    interface Env {
      /** The real migrations/ folder, read by vitest.config.ts for the test setup. */
      TEST_MIGRATIONS: D1Migration[];
    }
  }
}
