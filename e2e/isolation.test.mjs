// The widget lives in a shadow root: loading it must not change how the host page looks.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { TIMEOUT, gotoDemo, launch } from './browser.mjs';

let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

/** Computed styles of the demo page's own elements. */
const hostStyles = (page) =>
  page.evaluate(() => {
    const props = ['font-family', 'font-size', 'color', 'background-color', 'margin', 'padding', 'line-height', 'box-sizing'];
    return ['html', 'body', 'h1', 'p'].map((sel) => {
      const cs = getComputedStyle(document.querySelector(sel));
      return [sel, Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]))];
    });
  });

test('the widget does not restyle the host page', async () => {
  // Reference: the same page with widget.js blocked.
  const bare = await browser.newContext();
  const barePage = await bare.newPage();
  await barePage.route('**/widget.js', (route) => route.abort());
  await gotoDemo(barePage);
  const expected = await hostStyles(barePage);

  const context = await browser.newContext();
  const page = await context.newPage();
  await gotoDemo(page);
  const launcher = page.locator('#parley-widget [data-parley="launcher"]');
  await launcher.waitFor({ state: 'visible', timeout: TIMEOUT });
  assert.deepEqual(await hostStyles(page), expected, 'host styles after the widget loaded');
  await launcher.click();
  await page.locator('#parley-widget [data-parley="panel"]').waitFor({ state: 'visible', timeout: TIMEOUT });
  assert.deepEqual(await hostStyles(page), expected, 'host styles with the panel open');
  // Nothing but the widget's host element was added to the light DOM.
  assert.equal(await page.locator('body > style, head > style:not(:first-of-type), link[rel="stylesheet"]').count(), 0);

  await Promise.all([bare.close(), context.close()]);
});
