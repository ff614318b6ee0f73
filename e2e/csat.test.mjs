// CSAT: once the agent resolves, the widget asks for a rating; the visitor rates with a comment; the rating shows
// live in the conversation's sidebar and in the dashboard's CSAT. A fresh workspace, so the average is exact.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  api,
  expectAgentsOnline,
  expectAttr,
  expectCount,
  expectDelivered,
  expectText,
  launch,
  openAgent,
  openHost,
  unique,
  waitFor,
} from './browser.mjs';
import { freshWorkspace } from './clients.mjs';

let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

test('the CSAT prompt appears after resolve and the rating reaches the console and the dashboard', async () => {
  const ws = await freshWorkspace('CSAT');
  const agent = await openAgent(browser, ws);
  await expectAgentsOnline(ws.site.key);
  const host = await openHost(browser, { siteKey: ws.site.key });
  const { w, page } = host;
  const part = (name) => page.locator(`#parley-widget [data-parley="${name}"]`);
  await w.open();
  const question = unique('Can I plant tomatoes in March?');
  await w.write(question);
  await expectDelivered(w.message('visitor', question), 'the question');

  const { c } = agent;
  const id = await c.open(c.rowWith(question));
  await agent.page.locator('[data-testid="claim"]').click();
  await expectAttr(agent.page.locator('[data-testid="status"]'), 'data-status', 'active', 'the status after claiming');
  await c.reply(unique('Yes, indoors'));
  // No rating is asked for before the conversation is resolved.
  await expectCount(w.message('agent', 'Yes, indoors'), 1, 'the reply in the widget');
  assert.equal(await part('csat').count(), 0, 'the widget asks for a rating before resolve');
  assert.equal(
    await agent.page.locator('[data-testid="rating"]').count(),
    0,
    'a rating shows before the visitor rated',
  );

  await agent.page.locator('[data-testid="resolve"]').click();
  await expectAttr(
    agent.page.locator('[data-testid="status"]'),
    'data-status',
    'resolved',
    'the status after resolving',
  );

  // The widget asks, live; the comment and submit appear once a score is picked.
  await part('csat').waitFor({ state: 'visible' });
  await expectCount(part('csat-score'), 5, 'the five score buttons');
  assert.equal(await part('csat-submit').count(), 0, 'submit offered before a score was picked');
  await part('csat-score').and(page.locator('[data-score="4"]')).click();
  await expectAttr(
    part('csat-score').and(page.locator('[data-score="4"]')),
    'aria-pressed',
    'true',
    'the picked score',
  );
  const comment = unique('Quick and friendly');
  await part('csat-comment').fill(comment);
  await part('csat-submit').click();
  await part('csat-thanks').waitFor({ state: 'visible' });
  await expectCount(part('csat'), 0, 'the rating form after rating');

  // The console's sidebar shows it live (no reload), with the comment.
  const rating = agent.page.locator('[data-testid="rating"]');
  await expectAttr(rating, 'data-score', '4', 'the sidebar rating');
  await expectText(agent.page.locator('[data-testid="rating-comment"]'), comment, 'the rating comment');
  await c.notReloaded();

  // The server has it (the console is not just showing a local guess).
  const conv = (await api(`/api/conversations/${id}`, { token: ws.token })).body.conversation;
  assert.equal(conv.rating?.score, 4, `the stored rating: ${JSON.stringify(conv.rating)}`);

  // The same visitor on a new page view is not asked again.
  const again = await openHost(browser, { siteKey: ws.site.key, context: host.context, script: "Parley('open');" });
  await again.w.panel.waitFor({ state: 'visible' });
  await expectCount(again.w.message('visitor', question), 1, 'the conversation on the new page view');
  assert.equal(
    await again.page.locator('#parley-widget [data-parley="csat"]').count(),
    0,
    'the widget asks again for a rated conversation',
  );

  // The dashboard's CSAT: the average (4) over one rating.
  await agent.page.locator('[data-testid="nav-dashboard"]').click();
  const csat = agent.page.locator('[data-testid="stat-csat"]');
  await expectAttr(csat, 'data-value', '4', 'the dashboard CSAT');
  await waitFor(
    async () => /4\.0\s*\/\s*5\s*\(1\)/.test(await csat.textContent()),
    async () => `the CSAT text to read "4.0 / 5 (1)" (it reads ${JSON.stringify(await csat.textContent())})`,
  );

  await Promise.all([host.context.close(), agent.context.close()]);
});
