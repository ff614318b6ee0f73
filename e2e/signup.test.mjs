// Issue 11 items 3 and 4 in the console: a one-time setup link (made by `npm run setup-link`, against this
// run's local D1) creates a workspace once and leaves the address bar; the register and sign-in pages follow
// the server's sign-up mode; a locked account is explained on the sign-in page.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { createSetupLink } from '../scripts/setup-link.mjs';
import { BASE, TIMEOUT, api, expectCount, launch, waitFor } from './browser.mjs';

let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

async function newPage() {
  const context = await browser.newContext();
  context.setDefaultTimeout(TIMEOUT);
  return { context, page: await context.newPage() };
}

async function fillRegister(page, email) {
  await page.locator('[data-testid="workspace"]').fill('Setup Co');
  await page.locator('[data-testid="name"]').fill('First Owner');
  await page.locator('[data-testid="email"]').fill(email);
  await page.locator('[data-testid="password"]').fill('correct horse battery');
  await page.locator('[data-testid="register-submit"]').click();
}

test('a setup link creates one workspace, hides its token at once and does not work twice', async () => {
  const { url } = await createSetupLink({ origin: BASE, persistTo: process.env.PARLEY_STATE });
  assert.match(url, new RegExp(`^${BASE}/register\\?setup=[\\w-]{43}$`));
  const first = await newPage();
  await first.page.goto(url);
  await first.page.locator('[data-testid="register-submit"]').waitFor();
  assert.equal(first.page.url(), `${BASE}/register`, 'the token left the address bar');
  await fillRegister(first.page, `setup-${randomUUID()}@example.com`);
  await first.page.locator('[data-testid="site-name"]').waitFor({ state: 'visible' });
  await first.context.close();

  const second = await newPage();
  await second.page.goto(url);
  await fillRegister(second.page, `setup-${randomUUID()}@example.com`);
  await waitFor(
    async () => /setup link is invalid/.test(await second.page.locator('.error-text').textContent({ timeout: 1000 })),
    'the used link to be refused',
  );
  await second.context.close();
});

test('while sign-up is invite-only the register page says so and the sign-in page offers no sign-up', async () => {
  const { context, page } = await newPage();
  // This run's server is open (npm start); the worker's invite-only answers are covered by its own tests.
  await page.route('**/api/auth/config', (route) => route.fulfill({ json: { signup: 'invite-only' } }));
  await page.goto(`${BASE}/register`);
  await waitFor(
    async () =>
      /ask an admin of your workspace for an invitation/.test(
        await page.locator('[data-testid="signup-closed"]').textContent({ timeout: 1000 }),
      ),
    'the closed sign-up notice',
  );
  await expectCount(page.locator('[data-testid="register-submit"]'), 0, 'the register form');
  await page.goto(`${BASE}/login`);
  await page.locator('[data-testid="login-submit"]').waitFor();
  await expectCount(page.locator('a[href="/register"]'), 0, 'the create-a-workspace link');
  await context.close();
});

test('the sign-in page explains a locked account, also for the right password', async () => {
  const email = `locked-${randomUUID()}@example.com`;
  const reg = await api('/api/auth/register', {
    method: 'POST',
    body: { workspace: 'Lock Co', name: 'Lou', email, password: 'correct horse battery' },
  });
  assert.equal(reg.status, 201);
  const { context, page } = await newPage();
  await page.goto(`${BASE}/login`);
  const error = page.locator('.error-text');
  // One attempt at a time: wait for the server's answer, then for the page to show `expected`.
  const signIn = async (password, expected) => {
    await page.locator('[data-testid="email"]').fill(email);
    await page.locator('[data-testid="password"]').fill(password);
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
    await page.locator('[data-testid="login-submit"]').click();
    await answer;
    let seen;
    await waitFor(
      async () => expected.test((seen = await error.textContent({ timeout: 1000 }))),
      () => `the error to match ${expected} (it reads ${JSON.stringify(seen)})`,
    );
  };
  for (let i = 0; i < 4; i++) await signIn(`wrong ${i}`, /^Wrong email or password$/);
  await signIn(
    'wrong again',
    /^Too many failed sign-ins for this account, so it is locked for now\. Try again in 1 minute\.$/,
  );
  await signIn('correct horse battery', /locked for now/);
  assert.equal(new URL(page.url()).pathname, '/login', 'still signed out');
  await context.close();
});
