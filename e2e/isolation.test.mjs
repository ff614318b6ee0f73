// The widget lives in a shadow root: loading it must not change how the host page looks, and a host page's
// hostile CSS must not break the widget.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  TIMEOUT,
  expectAgentsOnline,
  expectCount,
  expectDelivered,
  gotoDemo,
  launch,
  openAgent,
  openHost,
  unique,
  SITE_KEY,
} from './browser.mjs';

let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

/** Computed styles of the demo page's own elements. */
const hostStyles = (page) =>
  page.evaluate(() => {
    const props = [
      'font-family',
      'font-size',
      'color',
      'background-color',
      'margin',
      'padding',
      'line-height',
      'box-sizing',
    ];
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
  assert.equal(
    await page.locator('body > style, head > style, link[rel="stylesheet"]:not([href="/demo/demo.css"])').count(),
    0,
  );

  await Promise.all([bare.close(), context.close()]);
});

// What careless or hostile host CSS does: reset everything, force huge red text, hide every button, field and
// icon, shrink rem. Selectors of the host page reach the widget's host element, never inside its shadow root;
// inherited properties (font, colour, line height) do reach in unless the widget sets its own.
const HOSTILE = `
* { all: unset; font-size: 40px !important; color: red !important; line-height: 4 !important;
    font-family: "Comic Sans MS", cursive !important; font-style: italic !important; font-weight: 100 !important;
    text-align: right !important; box-sizing: content-box !important }
button { display: none !important }
textarea, input, svg, span, form, p, header { display: none !important; width: 900px !important }
div { padding: 50px !important; border: 20px solid lime !important }
html { font-size: 4px !important }
`;

/** Computed styles of elements inside the widget's shadow root, by selector. */
const inner = (page, selectors, props) =>
  page.evaluate(
    ({ selectors, props }) => {
      const root = document.querySelector('#parley-widget').shadowRoot;
      return Object.fromEntries(
        selectors.map((sel) => {
          const el = root.querySelector(sel);
          if (!el) return [sel, null];
          const cs = getComputedStyle(el);
          return [sel, Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]))];
        }),
      );
    },
    { selectors, props },
  );

test('hostile host CSS does not break the widget', async () => {
  const agent = await openAgent(browser);
  await expectAgentsOnline(SITE_KEY);
  const props = [
    'display',
    'font-size',
    'color',
    'line-height',
    'letter-spacing',
    'text-transform',
    'font-family',
    'visibility',
  ];
  const parts = [
    '.p-launcher',
    '[data-parley="panel"]',
    '#p-title',
    '[data-parley="input"]',
    '[data-parley="send"]',
    '.p-greeting',
  ];

  // Reference: the same widget on a plain host page.
  const plain = await openHost(browser, { script: "Parley('open');" });
  await plain.w.input.waitFor({ state: 'visible' });
  await plain.page.evaluate(() =>
    Promise.all(
      document
        .querySelector('#parley-widget')
        .shadowRoot.getAnimations()
        .map((a) => a.finished),
    ),
  );
  const expected = await inner(plain.page, parts, props);
  const expectedBox = await plain.w.launcher.boundingBox();
  await plain.context.close();

  const { context, page, w } = await openHost(browser, { head: `<style>${HOSTILE}</style>` });
  // The hostile CSS is in force on the host page itself.
  assert.equal(
    await page.evaluate(() => getComputedStyle(document.querySelector('h1')).color),
    'rgb(255, 0, 0)',
    'the hostile CSS applies to the host page',
  );

  // The launcher: visible, where it belongs, its usual size, clickable.
  await w.launcher.waitFor({ state: 'visible' });
  const box = await w.launcher.boundingBox();
  const viewport = page.viewportSize();
  assert.ok(
    box && box.width === expectedBox.width && box.height === expectedBox.height,
    `launcher box ${JSON.stringify(box)}, expected the size of ${JSON.stringify(expectedBox)}`,
  );
  assert.ok(
    box.x + box.width <= viewport.width && box.y + box.height <= viewport.height && box.x > viewport.width / 2,
    `launcher at ${JSON.stringify(box)} is not in the bottom right corner`,
  );
  await w.launcher.click();

  // The panel: visible, inside the viewport, styled exactly as on a plain page, with a working composer.
  await w.panel.waitFor({ state: 'visible' });
  await w.input.waitFor({ state: 'visible' });
  await page.evaluate(() =>
    Promise.all(
      document
        .querySelector('#parley-widget')
        .shadowRoot.getAnimations()
        .map((a) => a.finished),
    ),
  );
  const panel = await w.panel.boundingBox();
  assert.ok(
    panel.x >= 0 &&
      panel.y >= 0 &&
      panel.x + panel.width <= viewport.width &&
      panel.y + panel.height <= viewport.height,
    `panel at ${JSON.stringify(panel)} leaves the viewport`,
  );
  assert.deepEqual(await inner(page, parts, props), expected, "the widget's computed styles under hostile host CSS");

  const text = unique('Typed on a hostile page');
  await w.input.click();
  await w.input.pressSequentially(text);
  await w.send.click();
  await expectCount(w.message('visitor', text), 1, 'the message sent with the send button');
  await expectDelivered(w.message('visitor', text), 'the message from the hostile page');
  await expectCount(agent.c.rowWith(text), 1, "the message in the agent's inbox");
  await w.close.click();
  await expectCount(w.panel, 0, 'the panel after its close button');

  await Promise.all([context.close(), agent.context.close()]);
});

// Inherited text properties that the widget's own rules do not set reach it through its host element: a host
// rule matching #parley-widget (here `*`, even without !important) beats the shadow root's `:host{all:initial}`.
const INHERITED = {
  'letter-spacing': '6px',
  'word-spacing': '12px',
  'text-transform': 'uppercase',
  'text-indent': '30px',
  'white-space': 'pre',
  'text-shadow': 'rgb(255, 0, 0) 2px 2px 0px',
  'font-variant-caps': 'small-caps',
};

test('inherited text properties of the host page do not leak into the widget', async () => {
  const rule = Object.entries(INHERITED)
    .map(([k, v]) => `${k}: ${v}`)
    .join('; ');
  const parts = [
    '.p-launcher',
    '[data-parley="panel"]',
    '#p-title',
    '.p-greeting',
    '[data-parley="offline-form"] p',
    '[data-parley="input"]',
  ];
  const plain = await openHost(browser, { script: "Parley('open');" });
  await plain.w.panel.waitFor({ state: 'visible' });
  const expected = await inner(plain.page, parts, Object.keys(INHERITED));
  await plain.context.close();

  const { context, page, w } = await openHost(browser, {
    head: `<style>* { ${rule} }</style>`,
    script: "Parley('open');",
  });
  await w.panel.waitFor({ state: 'visible' });
  assert.equal(
    await page.evaluate(() => getComputedStyle(document.querySelector('h1')).textTransform),
    'uppercase',
    'the host rule applies to the host page',
  );
  const seen = await inner(page, parts, Object.keys(INHERITED));
  const leaks = [];
  for (const [sel, styles] of Object.entries(seen)) {
    for (const [prop, value] of Object.entries(styles ?? {}))
      if (value !== expected[sel]?.[prop])
        leaks.push(`${sel} ${prop}: ${value} (plain page: ${expected[sel]?.[prop]})`);
  }
  assert.deepEqual(leaks, [], `host styles leaked into the widget through its host element:\n${leaks.join('\n')}`);
  await context.close();
});
