// Notifications (docs/tools.md): a new visitor message raises a desktop notification (seen through the
// console's test hook window.__parleyNotifications) and a sound, and the tab title counts unread conversations,
// while the agent has another conversation open or the inbox; the conversation they are reading does not notify.
// A workspace of its own, so the unread count is exactly this test's.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiVisitor, freshWorkspace } from './clients.mjs';
import { BASE, api, expectAttr, expectCount, launch, openAgent, unique, waitFor } from './browser.mjs';

let browser;
/** Visitors' sockets, closed at the end even when the test fails (an open socket would keep Node running). */
const visitors = [];
before(async () => (browser = await launch()));
after(async () => {
  visitors.forEach((v) => {
    v.close();
  });
  await browser?.close();
});

test('a visitor message notifies on the desktop and counts in the tab title unless it is the open conversation', async () => {
  const ws = await freshWorkspace('Notify');
  const agent = await openAgent(browser, { email: ws.email, password: ws.password });
  const { page, c } = agent;
  await agent.context.grantPermissions(['notifications'], { origin: BASE });
  // The headless shell from npm (@sparticuz/chromium) answers "denied" whatever was granted (it has no notification
  // service); a full Chromium honours the grant. Only then, the page is told the truth it would see in a browser:
  // the permission is granted. What the console does with it (notify or not, and what) is still what is tested.
  if ((await page.evaluate(() => Notification.permission)) !== 'granted') {
    await page.evaluate(() =>
      Object.defineProperty(Notification, 'permission', { get: () => 'granted', configurable: true }),
    );
  }
  const t = (id) => page.locator(`[data-testid="${id}"]`);
  const notifications = () => page.evaluate(() => window.__parleyNotifications ?? []);
  const sounds = () => page.evaluate(() => window.__parleySounds ?? 0);
  const expectTitle = async (title, what) => {
    let seen;
    await waitFor(
      async () => (seen = await page.title()) === title,
      async () => `${what}: the tab title to be ${JSON.stringify(title)} (it is ${JSON.stringify(seen)})`,
    );
  };
  /** Waits for a desktop notification whose body is `text` and returns it. */
  const expectNotified = async (text, what) => {
    let seen;
    return waitFor(
      async () => (seen = await notifications()).find((n) => n.body === text),
      async () => `${what}: a desktop notification with body ${JSON.stringify(text)} (shown: ${JSON.stringify(seen)})`,
    );
  };

  // The preferences show everything on and the browser's permission granted.
  await t('prefs-open').click();
  await expectAttr(
    page.locator('.prefs-permission'),
    'data-permission',
    'granted',
    'the notification permission in the preferences',
  );
  for (const id of ['prefs-desktop', 'prefs-sound', 'prefs-title'])
    assert.equal(await t(id).isChecked(), true, `${id} is on by default`);
  await t('prefs-open').click();
  await expectCount(t('prefs-menu'), 0, 'the preferences menu after closing it');
  await expectTitle('Parley', 'nothing unread yet');
  assert.deepEqual(await notifications(), [], 'notifications before any visitor wrote');

  // On the inbox: visitor A writes → notification with their text, "(1)" in the title.
  const a = await apiVisitor(ws.site.key);
  visitors.push(a);
  const a1 = unique('Do you ship to Norway?');
  await a.send(a1);
  const first = await expectNotified(a1, 'a message while on the inbox');
  assert.match(first.title, /^New message from /);
  await expectTitle('(1) Parley', 'one unread conversation');
  await waitFor(async () => (await sounds()) > 0, 'a notification sound');

  // The agent reads A: nothing unread any more.
  await c.open(c.rowWith(a1));
  await expectTitle('Parley', 'after opening the only unread conversation');

  // A writes again while A is open (and the tab focused): it shows in the view, but no notification.
  const a2 = unique('Also to Svalbard?');
  await a.send(a2);
  await expectCount(c.message('visitor', a2), 1, 'the second message in the open conversation');

  // Visitor B writes while A is open: notification and "(1)" again.
  const b = await apiVisitor(ws.site.key);
  visitors.push(b);
  const b1 = unique('My tomato seeds never sprouted');
  const soundsBefore = await sounds();
  await b.send(b1);
  await expectNotified(b1, 'a message in another conversation while one is open');
  await expectTitle('(1) Parley', 'another conversation unread while one is open');
  await waitFor(async () => (await sounds()) > soundsBefore, 'a sound for the message in another conversation');
  assert.ok(
    !(await notifications()).some((n) => n.body === a2),
    "the open conversation's message raised a desktop notification",
  );

  // Back on the inbox, A writes once more: notified, two unread conversations.
  await t('nav-inbox').click();
  await page.waitForURL((url) => url.pathname === '/');
  const a3 = unique('Never mind, found it');
  await a.send(a3);
  await expectNotified(a3, 'a message while on the inbox again');
  await expectTitle('(2) Parley', 'two unread conversations');

  // The title count can be turned off; the preference is saved on the server.
  await t('prefs-open').click();
  await t('prefs-title').uncheck();
  await expectTitle('Parley', 'with the title count turned off');
  await waitFor(
    async () => (await api('/api/auth/me', { token: ws.token })).body?.preferences?.title === false,
    'the server to store preferences.title = false',
  );
  await t('prefs-title').check();
  await expectTitle('(2) Parley', 'with the title count back on');

  await c.notReloaded();
  await agent.context.close();
});
