// Business hours: outside them the widget shows the offline "leave a message" form even with an agent online;
// what the visitor leaves arrives in the console as a waiting conversation; with offline 'hide' the launcher
// is not there at all outside hours (and is there again within them).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import {
  expectAgentsOnline,
  expectAttr,
  expectCount,
  expectText,
  launch,
  openAgent,
  openHost,
  patchSettings,
  unique,
  waitFor,
  widgetConfig,
} from './browser.mjs';
import { freshWorkspace } from './clients.mjs';

let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

const ZONE = 'Asia/Tokyo';
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
/** Today's weekday (0 = Sunday) in `timeZone`. */
const todayIn = (timeZone) =>
  WEEKDAYS.indexOf(new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short' }).format(new Date()));
/** Open all day three days from today (in Tokyo): now is outside, whatever the time, overnight hours included. */
const closedNow = () => ({
  enabled: true,
  timeZone: ZONE,
  days: [{ day: (todayIn(ZONE) + 3) % 7, open: '00:00', close: '23:59' }],
});
/** Open all day every day. */
const openNow = () => ({
  enabled: true,
  timeZone: ZONE,
  days: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, open: '00:00', close: '23:59' })),
});

test('outside business hours: the offline form, its message in the console; offline "hide" removes the launcher', async () => {
  const ws = await freshWorkspace('Hours');
  const { token, site } = ws;
  await patchSettings(token, site.id, { businessHours: closedNow(), offline: 'message' });
  // An agent is online: only the hours make the site unavailable.
  const agent = await openAgent(browser, ws);
  await expectAgentsOnline(site.key);
  assert.deepEqual(
    (await widgetConfig(site.key)).availability,
    { agentsOnline: true, withinHours: false },
    "the config's availability",
  );

  const host = await openHost(browser, { siteKey: site.key });
  const { page, w } = host;
  const part = (name) => page.locator(`#parley-widget [data-parley="${name}"]`);
  await w.launcher.click();
  await w.panel.waitFor({ state: 'visible' });
  await part('offline-form').waitFor({ state: 'visible' });
  assert.equal(await w.input.count(), 0, 'the composer is shown outside business hours');
  await expectAttr(part('availability'), 'data-hours', 'false', 'the availability line (hours)');
  await expectAttr(part('availability'), 'data-online', 'true', 'the availability line (agents)');
  await expectText(part('availability'), 'Outside business hours', 'the availability line');

  // Email and message are required: an empty submit starts nothing.
  await part('offline-submit').click();
  await expectAttr(part('offline-email'), 'aria-invalid', 'true', 'the empty email');
  await expectAttr(part('offline-message'), 'aria-invalid', 'true', 'the empty message');
  assert.equal(await part('offline-sent').count(), 0, 'an empty offline form was accepted');

  const email = `later-${randomUUID().slice(0, 6)}@customer.example`;
  const text = unique('Please call me back about my order');
  await part('offline-name').fill('Linus');
  await part('offline-email').fill(email);
  await part('offline-message').fill(text);
  await part('offline-submit').click();
  await part('offline-sent').waitFor({ state: 'visible' });
  await expectCount(part('offline-form'), 0, 'the offline form after sending');

  // The agent's inbox gets it live: a waiting conversation whose first message is what the visitor left.
  const { c } = agent;
  const row = c.rowWith(text);
  await expectCount(row, 1, 'the inbox row of the offline message');
  await c.notReloaded();
  await c.open(row);
  await expectCount(c.message('visitor', text), 1, 'the offline message in the conversation');
  await expectText(agent.page.locator('[data-testid="visitor-email"]'), email, 'the sidebar email');
  await expectText(agent.page.locator('[data-testid="visitor-name"]'), 'Linus', 'the sidebar name');
  await host.context.close();

  // Offline 'hide': outside hours there is no launcher at all, once the widget knows the config…
  // Every PATCH repeats the business hours: a partial PATCH currently resets the settings it leaves out to their
  // defaults (see the report), and this test is about the widget, not about that.
  await patchSettings(token, site.id, { businessHours: closedNow(), offline: 'hide' });
  const hidden = await openHost(browser, { siteKey: site.key });
  await waitFor(() => hidden.page.locator('#parley-widget').count(), 'the widget host element');
  await waitFor(
    async () => (await hidden.page.evaluate(() => window.Parley?.loaded)) === true,
    'the widget app to load',
  );
  await hidden.w.launcher.waitFor({ state: 'hidden' });
  assert.equal(await hidden.w.launcher.isVisible(), false, 'the launcher is visible outside hours with offline "hide"');
  await hidden.context.close();

  // …and within hours the same setting shows it (the hiding is about availability, not the setting alone).
  await patchSettings(token, site.id, { businessHours: openNow(), offline: 'hide' });
  assert.equal((await widgetConfig(site.key)).availability.withinHours, true, 'within hours after opening all week');
  const shown = await openHost(browser, { siteKey: site.key });
  await shown.w.launcher.waitFor({ state: 'visible' });
  await shown.w.launcher.click();
  await shown.w.input.waitFor({ state: 'visible' });
  await Promise.all([shown.context.close(), agent.context.close()]);
});
