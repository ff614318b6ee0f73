// Issue 4: an admin edits the widget on the console's Settings page, and the widget's public config serves it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { freshWorkspace } from './clients.mjs';
import { expectCount, launch, openAgent, TIMEOUT, waitFor, widgetConfig } from './browser.mjs';

let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

test('settings saved on the Settings page reach the widget config; the install snippet carries the site key', async () => {
  const ws = await freshWorkspace('Settings');
  const admin = await openAgent(browser, { email: ws.email, password: ws.password });
  const { page } = admin;
  await page.locator('[data-testid="nav-settings"]').click();
  const t = (id) => page.locator(`[data-testid="${id}"]`);
  await t('settings-color').fill('#be123c');
  await t('settings-greeting').fill('Hola! Need a hand?');
  await t('settings-position').selectOption('left');
  await t('settings-prechat').selectOption('optional');
  await t('settings-unread-email').fill('2');
  await t('settings-save').click();
  await expectCount(t('settings-saved'), 1, 'the saved confirmation');
  let config;
  await waitFor(
    async () => (config = await widgetConfig(ws.site.key)).settings.greeting === 'Hola! Need a hand?',
    'the new greeting in the widget config',
  );
  assert.deepEqual(
    { color: config.settings.color, position: config.settings.position, preChat: config.settings.preChat },
    { color: '#be123c', position: 'left', preChat: 'optional' },
  );
  const snippet = await t('install-snippet').textContent({ timeout: TIMEOUT });
  assert.ok(snippet.includes(`data-site="${ws.site.key}"`), 'the install snippet embeds this site');
  // A bad value is refused by the server and shown next to the field, and nothing is saved.
  await t('settings-origins').fill('not an origin');
  await t('settings-save').click();
  await expectCount(t('settings-error'), 1, 'the validation error');
  await admin.context.close();
});
