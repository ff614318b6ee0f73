import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';
import { startSiteverify, TURNSTILE_TEST } from './scripts/siteverify-standin.mjs';
import { startWebhookReceiver } from './scripts/webhook-receiver.mjs';

// Local runs need no request.cf from the network (this machine has none).
process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= 'false';

// Three projects: the worker's tests run inside workerd (real D1 with the real
// migrations, real Durable Objects and WebSockets); widget/console unit tests and the scripts' tests in Node.
export default defineConfig({
  test: {
    // The worker's structured info lines (one per request, per message: worker/src/lib/log.ts) would bury the
    // test output; warnings and errors still show. worker/src/lib/log.test.ts watches the console itself.
    onConsoleLog: (text) => !text.startsWith('{"level":"info"'),
    projects: [
      {
        plugins: [
          cloudflareTest(async () => ({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              // A second, empty database: worker/src/health/routes.test.ts migrates it part of the way and
              // points the health route at it (the shared DB must stay fully migrated for every other test).
              d1Databases: { HEALTH_TEST_DB: 'health-test' },
              bindings: {
                AUTH_SECRET: 'test-secret-that-is-long-enough-0123456789',
                // Tests register workspaces freely; worker/src/auth/signup.test.ts covers invite-only.
                SIGNUP: 'open',
                TEST_MIGRATIONS: await readD1Migrations('./migrations'),
                // Turnstile with Cloudflare's test keys, verified by a local stand-in of siteverify (no Cloudflare here).
                TURNSTILE_SITE_KEY: TURNSTILE_TEST.siteKey,
                TURNSTILE_SECRET_KEY: TURNSTILE_TEST.passSecret,
                TURNSTILE_VERIFY_URL: (await startSiteverify()).url,
                // Webhooks: a local receiver (scripts/webhook-receiver.mjs), reachable over http on 127.0.0.1,
                // and a shorter attempt timeout so the timeout test waits 5 s, not 10.
                WEBHOOK_RECEIVER_URL: (await startWebhookReceiver()).url,
                WEBHOOK_ALLOW_LOCAL: '1',
                WEBHOOK_TIMEOUT_MS: '5000',
              },
            },
          })),
        ],
        // Generous per-test time: shared CI machines are noisy, and tests wait for frames, never sleep.
        test: {
          name: 'worker',
          include: ['worker/**/*.test.ts'],
          setupFiles: ['./worker/test/apply-migrations.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'ui',
          include: [
            'widget/src/**/*.test.ts',
            'console/src/**/*.test.ts',
            'client/**/*.test.ts',
            'protocol/**/*.test.ts',
          ],
          environment: 'node',
        },
      },
      // `npm run deploy` (and its --dry-run) against a fake wrangler: builds, so it has time.
      {
        test: { name: 'scripts', include: ['scripts/**/*.test.mjs'], environment: 'node', testTimeout: 60_000 },
      },
    ],
  },
});
