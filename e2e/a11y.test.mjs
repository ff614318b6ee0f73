// Accessibility: axe-core finds no serious or critical violation in the widget: the launcher, the open panel
// with a conversation (composer, messages) and the offline "leave a message" form with its errors. axe runs
// in the page, inside the widget's shadow root (axe's shadow DOM context selectors).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import axe from 'axe-core';
import {
  expectAgentsOnline,
  expectAttr,
  expectCount,
  expectDelivered,
  launch,
  openAgent,
  openHost,
  unique,
} from './browser.mjs';
import { freshWorkspace } from './clients.mjs';

let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

/** Runs axe on the parts of the widget given as selectors inside its shadow root; returns the serious and critical violations. */
async function audit(page, parts) {
  // The panel pops in (opacity): contrast measured mid-animation is the animation's, not the widget's. Let every
  // animation in the shadow root finish first (document.getAnimations() does not list them in Chromium).
  await page.evaluate(() =>
    Promise.all(
      document
        .querySelector('#parley-widget')
        .shadowRoot.getAnimations()
        .map((a) => a.finished),
    ),
  );
  if (!(await page.evaluate(() => !!window.axe))) await page.addScriptTag({ content: axe.source });
  const result = await page.evaluate(
    (include) => window.axe.run({ include }, { resultTypes: ['violations', 'passes'] }),
    // fromShadowDom: the host, then a selector inside its shadow root (the older [[host, inner]] form matches nothing here).
    parts.map((sel) => ({ fromShadowDom: ['#parley-widget', sel] })),
  );
  // axe did look at the widget (an empty context would pass anything): the launcher's name, the panel's fields.
  const checked = (id) => result.passes.some((r) => r.id === id && r.nodes.length > 0);
  assert.ok(checked('button-name'), `axe checked no button in ${JSON.stringify(parts)}`);
  if (parts.some((p) => p.includes('panel')))
    assert.ok(
      checked('color-contrast') && checked('label'),
      `axe checked no text contrast or field label in the panel (passes: ${result.passes.map((r) => r.id).join(' ')})`,
    );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, summary: n.failureSummary })),
    }));
}

const noViolations = (found, what) =>
  assert.deepEqual(found, [], `axe: serious/critical violations in ${what}:\n${JSON.stringify(found, null, 2)}`);

test('axe: no serious or critical violations in the launcher and the open widget', async () => {
  const ws = await freshWorkspace('A11y');

  // Nobody online: the offline form, first as it comes, then with its validation errors showing.
  const away = await openHost(browser, { siteKey: ws.site.key });
  await away.w.launcher.waitFor({ state: 'visible' });
  noViolations(await audit(away.page, ['.p-launcher']), 'the closed launcher');
  await away.w.launcher.click();
  const form = away.page.locator('#parley-widget [data-parley="offline-form"]');
  await form.waitFor({ state: 'visible' });
  noViolations(await audit(away.page, ['.p-launcher', '[data-parley="panel"]']), 'the offline form');
  await away.page.locator('#parley-widget [data-parley="offline-submit"]').click();
  await expectAttr(
    away.page.locator('#parley-widget [data-parley="offline-email"]'),
    'aria-invalid',
    'true',
    'the flagged email',
  );
  noViolations(await audit(away.page, ['[data-parley="panel"]']), 'the offline form with errors');
  await away.context.close();

  // An agent online: the composer, a conversation with both sides' messages, the unread badge.
  const agent = await openAgent(browser, ws);
  await expectAgentsOnline(ws.site.key);
  const host = await openHost(browser, { siteKey: ws.site.key });
  const { w } = host;
  await w.open();
  await w.input.waitFor({ state: 'visible' });
  const question = unique('Is the widget usable with a screen reader?');
  await w.write(question);
  await expectDelivered(w.message('visitor', question), 'the question');
  await agent.c.open(agent.c.rowWith(question));
  await agent.c.reply(unique('It should be'));
  await expectCount(w.messages.and(host.page.locator('[data-sender="agent"]')), 1, 'the reply in the widget');
  noViolations(await audit(host.page, ['.p-launcher', '[data-parley="panel"]']), 'the open panel with a conversation');

  await w.close.click();
  await expectCount(w.panel, 0, 'the panel (closed)');
  await agent.c.reply(unique('Anything else?'));
  await expectCount(w.badge, 1, 'the unread badge');
  noViolations(await audit(host.page, ['.p-launcher']), 'the launcher with its unread badge');

  await Promise.all([host.context.close(), agent.context.close()]);
});
