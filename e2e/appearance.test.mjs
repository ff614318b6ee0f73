// Issue 4: the widget follows the site's theme (colour, position, launcher text), dark mode, and on a phone
// it takes the whole screen with a text box large enough that the page does not zoom on focus.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { freshWorkspace } from './clients.mjs';
import { launch, openHost, patchSettings, TIMEOUT, waitFor, widget } from './browser.mjs';

let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

test('colour, position and launcher text come from the settings; dark mode darkens the panel', async () => {
  const ws = await freshWorkspace('Theme');
  await patchSettings(ws.token, ws.site.id, { color: '#0f766e', position: 'left', launcherText: 'Help' });
  const host = await openHost(browser, { siteKey: ws.site.key });
  const w = widget(host.page);
  await w.launcher.waitFor({ state: 'visible', timeout: TIMEOUT });
  const read = () =>
    w.launcher.evaluate((el) => ({
      bg: getComputedStyle(el).backgroundColor,
      left: el.getBoundingClientRect().left,
      text: el.textContent,
    }));
  // The loader draws the button at once and themes it when the site's settings arrive.
  let look = await read();
  await waitFor(
    async () => (look = await read()).bg === 'rgb(15, 118, 110)',
    () => `the launcher to use the site colour (it is ${look.bg})`,
  );
  assert.ok(look.left < 100, `the launcher sits on the left (x=${look.left})`);
  assert.match(look.text, /Help/, 'the launcher text is shown');
  await host.context.close();

  const dark = await browser.newContext({ colorScheme: 'dark' });
  const darkHost = await openHost(browser, { siteKey: ws.site.key, context: dark });
  const dw = widget(darkHost.page);
  await dw.open();
  const bg = await dw.panel.evaluate((el) => getComputedStyle(el).backgroundColor);
  const [r, g, b] = bg.match(/\d+/g).map(Number);
  assert.ok(r + g + b < 200, `the panel is dark in dark mode (${bg})`);
  await dark.close();
});

test('on a phone the open widget fills the screen and its text box does not make the page zoom', async () => {
  const ws = await freshWorkspace('Phone');
  const phone = await browser.newContext({ viewport: { width: 390, height: 800 }, isMobile: true, hasTouch: true });
  const host = await openHost(browser, {
    siteKey: ws.site.key,
    context: phone,
    head: '<meta name="viewport" content="width=device-width, initial-scale=1">',
  });
  const w = widget(host.page);
  await w.open();
  const box = await w.panel.boundingBox();
  assert.ok(box.width >= 388 && box.height >= 790, `the panel fills the screen (${box.width}×${box.height})`);
  // With nobody online the offline form shows; any text field in the widget must be at least 16px.
  const sizes = await host.page
    .locator('#parley-widget')
    .evaluate((el) =>
      [...el.shadowRoot.querySelectorAll('input, textarea')].map((f) => parseFloat(getComputedStyle(f).fontSize)),
    );
  assert.ok(sizes.length > 0, 'the widget has text fields');
  assert.ok(
    sizes.every((s) => s >= 16),
    `every text field is at least 16px (${sizes})`,
  );
  await phone.close();
});
