// Message formatting (docs/formatting.md), visitor and agent: links are clickable and open safely in a new tab,
// javascript: and data: URLs never become links, bold, italic, code and lists render, markup stays text; the same
// in an internal note.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE, expectCount, launch, openAgent, openVisitor, unique, waitFor } from './browser.mjs';

let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

// A page of this server that a link may open (the sandbox has no Internet), with a marker of the click.
const target = (who) => `${BASE}/demo/?from=${who}-link`;
const body = (word, who) =>
  [
    `${word}: see **step 2** at ${target(who)}, *really* and \`npm start\``,
    '- first',
    '- second',
    'javascript:alert(1) JaVaScRiPt:alert(2) data:text/html,<b>x</b> [x](javascript:alert(3))',
    '<b>not bold</b> <img src=x onerror="window.__xss=1">',
  ].join('\n');

/** Checks one rendered body: its elements, its links, and that the markup in it stayed text. */
async function expectFormatted(bodyLocator, who, what) {
  const link = bodyLocator.locator('a');
  await expectCount(link, 1, `the one link in ${what}`);
  assert.equal(await link.getAttribute('href'), target(who), `${what}: the link's href`);
  assert.equal(await link.getAttribute('target'), '_blank', `${what}: the link's target`);
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer nofollow', `${what}: the link's rel`);
  assert.equal(await bodyLocator.locator('strong').textContent(), 'step 2', `${what}: bold`);
  assert.equal(await bodyLocator.locator('em').textContent(), 'really', `${what}: italic`);
  assert.equal(await bodyLocator.locator('code').textContent(), 'npm start', `${what}: code`);
  assert.deepEqual(await bodyLocator.locator('ul > li').allTextContents(), ['first', 'second'], `${what}: list`);
  assert.equal(await bodyLocator.locator('b, img, script').count(), 0, `${what}: no element from the text's markup`);
  const text = await bodyLocator.textContent();
  for (const kept of ['javascript:alert(1)', 'JaVaScRiPt:alert(2)', 'data:text/html,<b>x</b>', '<b>not bold</b>'])
    assert.ok(text.includes(kept), `${what}: "${kept}" stays as text (${JSON.stringify(text)})`);
  assert.equal(await bodyLocator.locator('a[href^="javascript" i], a[href^="data" i]').count(), 0, what);
  assert.equal(await bodyLocator.page().evaluate(() => window.__xss), undefined, `${what}: no script ran`);
}

/** Clicks the link: a new tab opens at its address, with no way back to the page that opened it. */
async function expectOpensSafely(page, bodyLocator, who, what) {
  const [tab] = await Promise.all([page.context().waitForEvent('page'), bodyLocator.locator('a').click()]);
  await tab.waitForLoadState('domcontentloaded');
  assert.equal(tab.url(), target(who), `${what}: the new tab's address`);
  assert.equal(await tab.evaluate(() => window.opener), null, `${what}: the new tab has no opener`);
  await tab.close();
}

test('formatting and links, from the agent to the visitor and from the visitor to the agent', async () => {
  const agent = await openAgent(browser);
  const visitor = await openVisitor(browser);
  await visitor.w.open();
  await visitor.w.waitOnline();

  const question = unique('Formatqv');
  await visitor.w.write(body(question, 'visitor'));
  const inWidget = visitor.w.message('visitor', question).locator('[data-parley="body"]');
  await expectCount(inWidget, 1, "the visitor's formatted message in the widget");
  await expectFormatted(inWidget, 'visitor', "the visitor's message in the widget");

  const row = agent.c.rowWith(question);
  await expectCount(row, 1, 'the new inbox row');
  await agent.c.open(row);
  const inConsole = agent.c.message('visitor', question).locator('[data-testid="body"]');
  await expectCount(inConsole, 1, "the visitor's message in the console");
  await expectFormatted(inConsole, 'visitor', "the visitor's message in the console");
  await expectOpensSafely(agent.page, inConsole, 'visitor', "the visitor's link in the console");

  const answer = unique('Formatav');
  await agent.c.reply(body(answer, 'agent'));
  const replyInConsole = agent.c.message('agent', answer).locator('[data-testid="body"]');
  await expectCount(replyInConsole, 1, "the agent's reply in the console");
  await expectFormatted(replyInConsole, 'agent', "the agent's reply in the console");
  const replyInWidget = visitor.w.message('agent', answer).locator('[data-parley="body"]');
  await expectCount(replyInWidget, 1, "the agent's reply in the widget");
  await expectFormatted(replyInWidget, 'agent', "the agent's reply in the widget");
  await expectOpensSafely(visitor.page, replyInWidget, 'agent', "the agent's link in the widget");

  // An internal note follows the same rules (and never reaches the widget).
  const note = unique('Formatnote');
  await agent.page.locator('[data-testid="note-toggle"]').click();
  await agent.c.reply(body(note, 'note'));
  const noteBody = agent.page
    .locator('[data-testid="message"][data-kind="note"]')
    .filter({ hasText: note })
    .locator('[data-testid="body"]');
  await expectCount(noteBody, 1, 'the note in the console');
  await expectFormatted(noteBody, 'note', 'the internal note');
  await waitFor(async () => (await visitor.w.messages.count()) >= 2, 'the widget messages');
  assert.equal(await visitor.w.panel.getByText(note).count(), 0, 'the note stays out of the widget');

  await Promise.all([agent.context.close(), visitor.context.close()]);
});
