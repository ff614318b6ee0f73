// Agent tools in the console (docs/tools.md): a canned response made on /canned and inserted with `/shortcut`
// (its usage count goes up), a knowledge-base article made on /kb whose link goes into a reply (and whose public
// page answers), deleting a message (the widget follows live), and the keyboard shortcuts `?` and `r`.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { apiVisitor } from './clients.mjs';
import {
  BASE,
  SITE_KEY,
  agentApi,
  expectAttr,
  expectCount,
  expectDelivered,
  expectText,
  launch,
  openAgent,
  openVisitor,
  unique,
  waitFor,
} from './browser.mjs';

let browser;
/** Visitors' sockets, closed at the end even when a test fails (an open socket would keep Node running). */
const visitors = [];
before(async () => (browser = await launch()));
after(async () => {
  visitors.forEach((v) => {
    v.close();
  });
  await browser?.close();
});

/** A visitor (through the API) with one message, whose conversation the agent opens; returns its id. */
async function openApiConversation(agent, label) {
  const text = unique(label);
  const visitor = await apiVisitor(SITE_KEY);
  visitors.push(visitor);
  await visitor.send(text);
  const id = await agent.c.open(agent.c.rowWith(text));
  return { id, text };
}

/** Waits until the console's composer holds exactly `text`. */
async function expectComposer(c, text, what) {
  let seen;
  await waitFor(
    async () => (seen = await c.composer.inputValue()) === text,
    async () => `${what}: the composer to hold ${JSON.stringify(text)} (it holds ${JSON.stringify(seen)})`,
  );
}

test('a canned response made on /canned is inserted with /shortcut, and its use is counted', async () => {
  const agent = await openAgent(browser);
  const { page, c } = agent;
  const t = (id) => page.locator(`[data-testid="${id}"]`);
  const suffix = randomUUID().slice(0, 8);
  const title = `Shipping delay ${suffix}`;
  const content = `Thanks for waiting! Your seeds ship within 2 working days (ref ${suffix}).`;
  const shortcut = `ship-${suffix}`;

  // Created through the page's form (a shared response: the demo agent is the owner).
  await t('nav-canned').click();
  await page.waitForURL((url) => url.pathname === '/canned');
  await t('canned-title').fill(title);
  await t('canned-shortcut').fill(`/${shortcut}`);
  await t('canned-category').fill('Shipping');
  await t('canned-content').fill(content);
  await t('canned-shared').check();
  await t('canned-save').click();
  const row = t('canned-row').filter({ hasText: title });
  await expectCount(row, 1, "the new canned response's row");
  const cannedId = await row.getAttribute('data-id');
  await expectAttr(row, 'data-shared', 'true', 'the new row');
  await expectAttr(row, 'data-usage', '0', 'the new row');
  await expectText(row.locator('[data-testid="canned-usage"]'), '0', 'the usage cell before any use');
  assert.equal(await t('canned-title').inputValue(), '', 'the form is cleared after creating');

  // In a conversation: "/" plus the shortcut opens the picker with it, selected; Enter inserts it (and does not send).
  await t('nav-inbox').click();
  const { id } = await openApiConversation(agent, 'Where is my order?');
  const picker = t('canned-picker');
  await expectCount(picker, 0, 'the picker before typing "/"');
  await c.composer.click();
  await c.composer.pressSequentially(`Hi! /${shortcut.slice(0, 9)}`);
  await expectCount(picker, 1, 'the canned picker after typing "/" and the shortcut');
  const option = picker.locator('[data-testid="canned-option"]').first();
  await expectAttr(option, 'data-id', cannedId, 'the first picker option');
  await expectAttr(option, 'aria-selected', 'true', 'the first picker option');
  await c.composer.press('Enter');
  await expectComposer(c, `Hi! ${content}`, 'after Enter in the picker');
  await expectCount(picker, 0, 'the picker after inserting');
  // Enter went to the picker: nothing was sent.
  await expectCount(c.message('agent', content), 0, 'a sent reply with the canned text');

  // Then the reply goes out as typed text would.
  await c.composer.press('Enter');
  await expectComposer(c, '', 'after sending');
  await expectCount(c.message('agent', content), 1, 'the sent reply with the canned text');
  const stored = (await (await agentApi()).messages(id)).filter((m) => m.body === `Hi! ${content}`);
  assert.equal(stored.length, 1, 'the reply with the canned text is stored once');

  // The use is counted: the row's data-usage and usage cell read 1 (and the server agrees).
  await t('nav-canned').click();
  await page.waitForURL((url) => url.pathname === '/canned');
  const used = t('canned-row').and(page.locator(`[data-id="${cannedId}"]`));
  await expectAttr(used, 'data-usage', '1', 'the row after one use');
  await expectText(used.locator('[data-testid="canned-usage"]'), '1', 'the usage cell after one use');
  const { token } = await agentApi();
  const listed = await fetch(`${BASE}/api/canned-responses`, { headers: { Authorization: `Bearer ${token}` } }).then(
    (r) => r.json(),
  );
  const fromServer = listed.cannedResponses.find((r) => r.id === cannedId);
  assert.equal(fromServer?.usageCount, 1, `the server counts one use: ${JSON.stringify(fromServer)}`);
  assert.ok(fromServer.lastUsedAt, 'the server records when it was last used');
  await c.notReloaded();
  await agent.context.close();
});

test('a knowledge-base article made on /kb is found in a conversation and its link goes into the reply', async () => {
  // The agent is online before the visitor comes (otherwise the widget shows the offline form).
  const agent = await openAgent(browser);
  const { page, c } = agent;
  const t = (id) => page.locator(`[data-testid="${id}"]`);
  const suffix = randomUUID().slice(0, 8);
  const keyword = `frostcloth${suffix}`;
  const title = `Protecting seedlings from frost ${suffix}`;

  await t('nav-kb').click();
  await page.waitForURL((url) => url.pathname === '/kb');
  await t('article-title').fill(title);
  await t('article-category').fill('Growing');
  await t('article-tags').fill('frost, Seedlings');
  await t('article-content').fill(`# Cover them\n\nUse a **${keyword}** at night when it drops below 2 °C.`);
  assert.equal(await t('article-active').isChecked(), true, 'a new article is active by default');
  await t('article-save').click();
  const row = t('article-row').filter({ hasText: title });
  await expectCount(row, 1, "the new article's row");
  const articleId = await row.getAttribute('data-id');
  await expectAttr(row, 'data-active', 'true', "the new article's row");

  await t('nav-inbox').click();
  const visitor = await openVisitor(browser);
  const { w } = visitor;
  await w.open();
  await w.waitOnline();
  const question = unique('How do I keep seedlings alive in a cold snap?');
  await w.write(question);
  await expectDelivered(w.message('visitor', question), "the visitor's question");
  await c.open(c.rowWith(question));

  // Search by a word of the content (not the title): the article is found.
  await t('kb-open').click();
  await t('kb-search').fill(keyword);
  const result = t('kb-result').and(page.locator(`[data-id="${articleId}"]`));
  await expectCount(result, 1, 'the article among the knowledge-base results');
  await expectCount(t('kb-result'), 1, 'the knowledge-base results for a unique word');
  await result.locator('[data-testid="kb-insert-link"]').click();
  const url = `${BASE}/api/kb/${SITE_KEY}/articles/${articleId}`;
  const link = `${title}: ${url}`;
  await expectComposer(c, link, 'after "insert link"');

  await c.composer.press('Enter');
  await expectComposer(c, '', 'after sending the link');
  await expectCount(c.message('agent', url), 1, 'the reply with the link in the console');
  const inWidget = w.message('agent', url);
  await expectCount(inWidget, 1, 'the reply with the link in the widget');
  await expectText(inWidget.locator('[data-parley="body"]'), link, "the widget's link message");
  // The inserted line holds a link the visitor can click (docs/formatting.md).
  await expectCount(inWidget.locator(`a[href="${url}"][target="_blank"]`), 1, "the article's link in the widget");

  // The public page the link points to answers with the article.
  const res = await fetch(url);
  assert.equal(res.status, 200, `GET ${url}`);
  assert.match(res.headers.get('content-type') ?? '', /text\/html/);
  const html = await res.text();
  assert.ok(
    html.includes(`<title>${title}</title>`),
    `the public page's <title> is the article's title: ${html.slice(0, 300)}`,
  );
  assert.ok(html.includes(keyword), "the public page shows the article's content");
  await c.notReloaded();
  await Promise.all([agent.context.close(), visitor.context.close()]);
});

test('deleting a message in the console shows "Message deleted" in the widget without a reload', async () => {
  const agent = await openAgent(browser);
  const { page, c } = agent;
  page.on('dialog', (d) => d.accept());
  const visitor = await openVisitor(browser);
  const { w } = visitor;
  await visitor.page.evaluate(() => (window.__e2eNoReload = true));
  await w.open();
  await w.waitOnline();
  const question = unique('Can I pay by invoice?');
  await w.write(question);
  await expectDelivered(w.message('visitor', question), "the visitor's question");
  const id = await c.open(c.rowWith(question));

  const wrong = unique('Yes, 90 days net, no questions asked');
  const keep = unique('Let me check with accounts first');
  await c.reply(wrong);
  await c.reply(keep);
  const sent = c.message('agent', wrong);
  await expectCount(sent, 1, 'the reply to delete in the console');
  await expectCount(w.message('agent', wrong), 1, 'the reply to delete in the widget');
  await expectCount(w.message('agent', keep), 1, 'the other reply in the widget');
  await waitFor(async () => (await sent.getAttribute('data-id')) !== null, 'the reply to be stored (data-id)');
  const messageId = await sent.getAttribute('data-id');
  const seq = await sent.getAttribute('data-seq');

  // The visitor's message can be copied and quoted but not deleted by the agent.
  const theirs = c.message('visitor', question);
  await theirs.hover();
  await expectCount(theirs.locator('[data-testid="message-quote"]'), 1, "quote on the visitor's message");
  await expectCount(theirs.locator('[data-testid="message-delete"]'), 0, "delete on the visitor's message");

  await sent.hover();
  const actions = sent.locator('[data-testid="message-actions"]');
  await actions.waitFor({ state: 'visible' });
  await actions.locator('[data-testid="message-delete"]').click();

  const inConsole = page.locator(`[data-testid="message"][data-id="${messageId}"]`);
  await expectAttr(inConsole, 'data-deleted', 'true', 'the deleted message in the console');
  await expectText(inConsole.locator('[data-testid="body"]'), 'Message deleted', 'the deleted message in the console');
  await expectCount(inConsole.locator('[data-testid="message-actions"]'), 0, 'actions on a deleted message');

  const inWidget = visitor.page.locator(`#parley-widget [data-parley="message"][data-seq="${seq}"]`);
  await expectAttr(inWidget, 'data-deleted', 'true', 'the deleted message in the widget');
  await expectText(inWidget.locator('[data-parley="body"]'), 'Message deleted', 'the deleted message in the widget');
  assert.equal(await inWidget.getAttribute('data-sender'), 'agent');
  await expectCount(w.message('agent', wrong), 0, 'the deleted text in the widget');
  // The rest of the conversation is untouched, in order, and nobody reloaded.
  await expectCount(w.message('agent', keep), 1, 'the other reply in the widget after the deletion');
  await expectCount(w.message('visitor', question), 1, "the visitor's message after the deletion");
  assert.equal(await visitor.page.evaluate(() => window.__e2eNoReload), true, "the visitor's page was reloaded");
  await c.notReloaded();

  // Behind the UI: soft deletion, same seq, empty body.
  const stored = (await (await agentApi()).messages(id)).find((m) => m.id === messageId);
  assert.equal(String(stored?.seq), seq, 'the deleted message keeps its seq');
  assert.ok(stored.deletedAt, 'the deleted message has deletedAt');
  assert.equal(stored.body, '', "the deleted message's body is emptied");

  // A reload replays it deleted, not with its old text.
  await visitor.page.reload();
  await w.open();
  await expectCount(w.message('agent', keep), 1, 'the other reply after a reload');
  await expectAttr(
    visitor.page.locator(`#parley-widget [data-parley="message"][data-seq="${seq}"]`),
    'data-deleted',
    'true',
    'the deleted message after a reload',
  );
  await expectCount(w.message('agent', wrong), 0, 'the deleted text after a reload');
  await Promise.all([agent.context.close(), visitor.context.close()]);
});

test('"?" shows the keyboard shortcuts and "r" focuses the composer', async () => {
  const agent = await openAgent(browser);
  const { page, c } = agent;
  const help = page.locator('[data-testid="shortcuts-help"]');
  await openApiConversation(agent, 'Shortcut test question');
  // Start from outside any field, as an agent reading the conversation.
  await page.locator('[data-testid="conversation-title"]').click();
  const composerFocused = () => c.composer.evaluate((el) => el === document.activeElement);
  assert.equal(await composerFocused(), false, 'the composer has the focus before "r"');

  await expectCount(help, 0, 'the shortcuts help before "?"');
  await page.keyboard.press('?');
  await expectCount(help, 1, 'the shortcuts help after "?"');
  await help.waitFor({ state: 'visible' });
  assert.match(await help.textContent(), /Esc/, 'the help lists the keys');
  await page.keyboard.press('Escape');
  await expectCount(help, 0, 'the shortcuts help after Escape');

  await page.keyboard.press('r');
  await waitFor(composerFocused, 'the composer to have the focus after "r"');
  assert.equal(await c.composer.inputValue(), '', 'the "r" was typed into the composer');
  // While typing, "?" is text, not a shortcut.
  await page.keyboard.type('Any ?');
  await expectComposer(c, 'Any ?', 'typing in the composer');
  await expectCount(help, 0, 'the shortcuts help after typing "?" in the composer');
  await agent.context.close();
});
