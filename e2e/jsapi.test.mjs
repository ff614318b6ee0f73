// The JS API's queue: calls made before widget.js has loaded are kept and replayed in order once it has
// (Crisp's $crisp.push does this; Chatwoot's SDK does not), on a host page with its own snippet.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { expectAttr, expectCount, expectText, launch, openHost, waitFor } from './browser.mjs';

let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

test('setLocale, on(ready/open) and open queued before the script tag take effect', async () => {
  const { context, page, w, errors } = await openHost(browser, {
    // English page: only the queued setLocale can make the widget Spanish.
    lang: 'en',
    script: `
      window.__events = [];
      Parley('setLocale', 'es');
      Parley('on', 'ready', () => window.__events.push('ready'));
      Parley('on', 'open', () => window.__events.push('open'));
      Parley('open');`,
  });
  // Nobody clicked: the queued 'open' opened the panel.
  await w.panel.waitFor({ state: 'visible' });
  await expectAttr(w.launcher, 'aria-expanded', 'true', 'the launcher of the open panel');
  // Spanish, from the queued setLocale: the panel's language, its title and its buttons' names.
  await expectAttr(page.locator('#parley-widget .p-root'), 'lang', 'es', 'the widget root');
  await expectText(page.locator('#parley-widget #p-title'), 'Chatea con nosotros', 'the panel title');
  await expectAttr(w.close, 'aria-label', 'Cerrar el chat', 'the close button');
  await expectAttr(w.launcher, 'aria-label', 'Cerrar el chat', 'the launcher while open');
  // The callbacks registered before load ran: ready once, open once (the queued open happened after 'on').
  const events = () => page.evaluate(() => window.__events);
  await waitFor(
    async () => (await events()).includes('ready'),
    async () => `the ready callback (events: ${JSON.stringify(await events())})`,
  );
  assert.deepEqual(
    (await events()).filter((e) => e === 'ready'),
    ['ready'],
    'ready fires once',
  );
  assert.deepEqual(
    (await events()).filter((e) => e === 'open'),
    ['open'],
    'the queued open emitted one open event',
  );
  // The real API replaced the stub and emptied the queue; later calls work directly.
  assert.equal(await page.evaluate(() => window.Parley.loaded), true, 'window.Parley is the loaded API');
  await page.evaluate(() => window.Parley('close'));
  await expectCount(w.panel, 0, 'the panel after Parley("close")');
  await expectAttr(w.launcher, 'aria-label', 'Abrir el chat', 'the launcher, closed, still in Spanish');
  assert.deepEqual(errors, [], 'no page errors');
  await context.close();
});

test('hide queued before load hides the whole widget; show brings it back', async () => {
  const { context, page, w } = await openHost(browser, { script: "Parley('hide');" });
  // The host element is mounted but not displayed, launcher included.
  await waitFor(() => page.locator('#parley-widget').count(), 'the widget host element');
  await waitFor(async () => (await page.evaluate(() => window.Parley.loaded)) === true, 'the app to load');
  assert.equal(await w.launcher.isVisible(), false, 'the launcher is visible despite the queued hide');
  await page.evaluate(() => window.Parley('show'));
  await w.launcher.waitFor({ state: 'visible' });
  await context.close();
});
