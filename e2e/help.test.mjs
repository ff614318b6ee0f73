// Issue 14 item 6: a visitor searches the help center from the widget, reads an article inside the panel (built from
// nodes: its markup stays text, its links open safely), gets suggestions while writing a first message, and goes on
// to chat with an agent who receives the message. Drafts never show; views reach the console's list.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { agentApi, api, expectCount, expectText, launch, openAgent, openVisitor, unique, waitFor } from './browser.mjs';

let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

test('a visitor searches articles, reads one, and starts a chat', async () => {
  const { token } = await agentApi();
  const word = unique('Germination').split(' ')[1]; // a word no other article has
  const write = async (title, content, active = true) => {
    const r = await api('/api/articles', { method: 'POST', token, body: { title, content, active } });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body.article;
  };
  const article = await write(
    `Seeds ${word} guide`,
    `Soak the seeds **overnight**.\n\n<img src=x onerror="window.__xss=1"> [bad](javascript:window.__xss=2) [Guide](https://example.com/guide)\n\n- step one\n- step two`,
  );
  await write(`Seeds ${word} draft`, 'Not published yet.', false);

  const agent = await openAgent(browser);
  const visitor = await openVisitor(browser);
  const { page, w } = visitor;
  const help = (name) => page.locator(`#parley-widget [data-parley="${name}"]`);
  await w.open();
  await w.waitOnline();

  // Suggestions while writing a first message (any word of the sentence).
  await w.input.fill(`Hello, when should I plant ${word} seeds?`);
  const suggestion = help('help-suggestion');
  await expectCount(suggestion, 1, 'one suggestion (never the draft)');
  await expectText(suggestion, `Seeds ${word} guide`, 'the suggested article');
  await w.input.fill('');

  // Search from the box at the top of the panel: the published article only.
  await help('help-search').fill(word.toLowerCase());
  const result = help('help-result');
  await expectCount(result, 1, 'one result');
  await expectText(result.locator('b'), `Seeds ${word} guide`, 'the result title');
  await expectText(
    result.locator('small'),
    'Soak the seeds overnight. <img src=x onerror="window.__xss=1"> [bad](javascript:window.__xss=2) Guide step one step two',
    'the excerpt, as text',
  );
  await expectCount(page.locator('#parley-widget [role="log"]'), 0, 'the results in place of the message log');
  await result.click();

  // The article inside the panel: formatting as elements, markup as text, only the safe link is a link.
  const view = help('help-article');
  await expectText(view.locator('h2'), `Seeds ${word} guide`, 'the article title');
  await expectText(view.locator('strong'), 'overnight', 'bold text');
  await expectCount(view.locator('li'), 2, 'the list items');
  await expectCount(view.locator('img'), 0, 'no image from raw HTML');
  await waitFor(
    async () => (await view.locator('article').textContent()).includes('<img src=x onerror='),
    'the raw HTML shown as text',
  );
  const links = view.locator('article a');
  await expectCount(links, 1, 'only the https link is a link');
  assert.equal(await links.getAttribute('href'), 'https://example.com/guide');
  assert.equal(await links.getAttribute('target'), '_blank');
  assert.equal(await links.getAttribute('rel'), 'noopener noreferrer nofollow');
  assert.equal(await page.evaluate(() => window.__xss), undefined, 'nothing of the article ran');

  // Back to the results, then on to the conversation.
  await help('help-back').click();
  await expectCount(result, 1, 'the results again');
  await result.click();
  await expectText(view.locator('h2'), `Seeds ${word} guide`, 'the article again');
  await help('help-chat').click();
  await expectCount(view, 0, 'the help center closes');
  await waitFor(
    () => w.input.evaluate((el) => el.getRootNode().activeElement === el),
    'the composer to have focus after "Chat with us"',
  );
  const question = unique(`My ${word} seeds still do not sprout`);
  await w.write(question);
  await expectCount(w.message('visitor', question), 1, 'the visitor message');
  await expectCount(agent.c.rowWith(question), 1, 'the conversation reaches the inbox');

  // One view counted for this visitor (read twice today), shown in the console's list.
  await waitFor(async () => {
    const r = await api(`/api/articles?q=${encodeURIComponent(word)}`, { token });
    return r.body.articles.find((a) => a.id === article.id)?.views === 1;
  }, 'one view of the article');
  await agent.page.goto(`${process.env.PARLEY_URL}/kb`);
  const row = agent.page.locator(`[data-testid="article-row"][data-id="${article.id}"]`);
  await expectText(row.locator('[data-testid="article-views"]'), '1 view', 'the views in the KB list');

  await Promise.all([agent.context.close(), visitor.context.close()]);
});
