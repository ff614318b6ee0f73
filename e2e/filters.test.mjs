// Inbox search and filters in the console UI. Three named visitors (made through the widget API on the demo
// site) write distinct words; the agent sets priority/tag in the sidebar, claims one and resolves another,
// then the search box and the filter selects must list exactly the right rows.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import {
  SITE_KEY,
  agentApi,
  api,
  consoleUi,
  expectAttr,
  expectCount,
  launch,
  loginAgent,
  openAgent,
  waitFor,
} from './browser.mjs';
import { act, agentSocket, apiVisitor } from './clients.mjs';

let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

test('search by message word and visitor name, then status, assignee, priority and tag filters', async () => {
  // One run id in every word: other files' conversations in the shared demo inbox can never match.
  const r = randomUUID().slice(0, 8);
  const batch = `batch${r}`;
  const specs = [
    { key: 'alpha', name: `Ada${r} Lovelace`, body: `Do tomatoes need alpha${r} support? ${batch}` },
    { key: 'bravo', name: `Bruno${r} Costa`, body: `My bravo${r} parcel is late ${batch}` },
    { key: 'charlie', name: `Chen${r} Wei`, body: `Wholesale charlie${r} prices please ${batch}` },
  ];
  const conv = {};
  for (const s of specs) {
    const v = await apiVisitor(SITE_KEY, { name: s.name });
    await v.send(s.body);
    v.close();
    conv[s.key] = v.id;
  }
  const ids = Object.values(conv).sort();

  // The inbox searches D1, which the conversations' projections fill right after each message: wait for it,
  // or a search typed too early would be a race rather than a test.
  const behind = await agentApi();
  const listed = async (query) => {
    const res = await api(`/api/sites/${behind.site.id}/conversations?${new URLSearchParams(query)}`, {
      token: behind.token,
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.conversations.map((x) => x.id).sort();
  };
  await waitFor(
    async () => (await listed({ q: batch })).length === 3,
    `the three conversations to be searchable by "${batch}"`,
  );

  const { page, c } = await openAgent(browser);
  const t = (id) => page.locator(`[data-testid="${id}"]`);
  /** The ids of the rows the inbox shows right now, once they equal `expected`. */
  const expectRows = async (expected, what) => {
    const seen = () => c.rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')).sort());
    await waitFor(
      async () => JSON.stringify(await seen()) === JSON.stringify([...expected].sort()),
      async () =>
        `${what}: rows ${JSON.stringify([...expected].sort())} (the inbox shows ${JSON.stringify(await seen())})`,
    );
  };
  const search = async (text) => {
    await t('search').fill(text);
    await t('search').press('Enter');
  };

  // Search: a word of one message, then a visitor's name, then the word they all share.
  await search(`alpha${r}`);
  await expectRows([conv.alpha], 'searching a word of one message');
  await search(`Bruno${r}`);
  await expectRows([conv.bravo], "searching a visitor's name");
  await search(batch);
  await expectRows(ids, 'searching the shared word');

  // Sidebar edits: charlie becomes high priority with a tag, bravo is claimed, alpha resolved (never claimed).
  const tag = `vip${r}`;
  await c.open(c.row(conv.charlie));
  await t('priority').selectOption('high');
  await t('tag-input').fill(tag);
  await t('tag-input').press('Enter');
  await expectCount(page.locator(`[data-testid="tag"][data-tag="${tag}"]`), 1, 'the new tag chip');
  await expectAttr(c.row(conv.charlie), 'data-priority', 'high', "charlie's row priority");
  await c.open(c.row(conv.bravo));
  await t('claim').click();
  await expectAttr(t('status'), 'data-status', 'active', 'bravo after claiming');
  await c.open(c.row(conv.alpha));
  await t('resolve').click();
  await expectAttr(t('status'), 'data-status', 'resolved', 'alpha after resolving');
  // Again only a race guard: the filters below query D1, which follows the DO.
  await waitFor(
    async () =>
      (await listed({ q: batch, tag })).length === 1 &&
      (await listed({ q: batch, status: 'resolved' })).length === 1 &&
      (await listed({ q: batch, assignee: 'unassigned' })).length === 2,
    'the edits to reach the inbox index',
  );

  // Each filter on top of the shared word.
  await t('filter-status').selectOption('resolved');
  await expectRows([conv.alpha], 'status "resolved"');
  await t('filter-status').selectOption('active');
  await expectRows([conv.bravo], 'status "active"');
  await t('filter-status').selectOption('');
  await t('filter-assignee').selectOption('unassigned');
  await expectRows([conv.alpha, conv.charlie], 'assignee "Unassigned" (bravo is claimed)');
  await t('filter-assignee').selectOption('me');
  await expectRows([conv.bravo], 'assignee "Mine"');
  await t('filter-assignee').selectOption('all');
  await t('filter-priority').selectOption('high');
  await expectRows([conv.charlie], 'priority "high"');
  await t('filter-priority').selectOption('');
  await t('filter-tag').fill(tag);
  await expectRows([conv.charlie], `tag "${tag}"`);
  // Filters combine: the tagged one is not resolved.
  await t('filter-status').selectOption('resolved');
  await expectRows([], 'tag and status "resolved" together');
  await t('filter-tag').fill('');
  await t('filter-status').selectOption('');
  await expectRows(ids, 'all filters cleared but the search');

  await page.context().close();
});

test("the site socket follows the filters' scope, and a scoped view still updates live", async () => {
  const r = randomUUID().slice(0, 8);
  const behind = await agentApi();
  const mineV = await apiVisitor(SITE_KEY, { name: `Mina${r} Scope` });
  await mineV.send(`mine first ${r}`);
  await act(behind.token, mineV.id, 'claim');
  const queuedV = await apiVisitor(SITE_KEY, { name: `Quinn${r} Scope` });
  await queuedV.send(`queued first ${r}`);

  // The scope frames the console sends on its site socket, watched from the page's first socket on.
  const context = await browser.newContext();
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const scopes = [];
  page.on('websocket', (ws) => {
    if (!ws.url().includes('/api/sites/')) return;
    ws.on('framesent', ({ payload }) => {
      const frame = typeof payload === 'string' && payload.startsWith('{') ? JSON.parse(payload) : null;
      if (frame?.type === 'scope') scopes.push(frame);
    });
  });
  await loginAgent(page);
  await page.evaluate(() => (window.__e2eNoReload = true));
  const c = consoleUi(page);
  const t = (id) => page.locator(`[data-testid="${id}"]`);
  const last = () => JSON.stringify(scopes.at(-1) ?? null);
  await waitFor(
    () => last() === JSON.stringify({ type: 'scope', assignee: 'all' }),
    async () => `the scope "all" on open (sent: ${JSON.stringify(scopes)})`,
  );

  await t('filter-assignee').selectOption('me');
  await waitFor(
    () => last() === JSON.stringify({ type: 'scope', assignee: 'me' }),
    async () => `the scope "me" (sent: ${JSON.stringify(scopes)})`,
  );
  await expectCount(c.row(mineV.id), 1, 'my conversation under "Mine"');
  // A reply in my conversation reaches the "Mine" view live: its delta is in scope (and, the agent's own, would
  // never pass as one that may notify).
  const replies = await agentSocket(mineV.id, behind.token);
  await replies.send(`mine reply ${r}`);
  await expectCount(c.rowWith(`mine reply ${r}`), 1, 'the live preview under "Mine"');
  replies.close();

  await t('filter-assignee').selectOption('unassigned');
  await t('filter-status').selectOption('waiting');
  await waitFor(
    () => last() === JSON.stringify({ type: 'scope', assignee: 'unassigned', status: 'waiting' }),
    async () => `the scope "unassigned"/"waiting" (sent: ${JSON.stringify(scopes)})`,
  );
  await expectCount(c.row(queuedV.id), 1, 'the waiting conversation under "Unassigned"');
  await queuedV.send(`queued second ${r}`);
  await expectCount(c.rowWith(`queued second ${r}`), 1, 'the live preview under "Unassigned"');
  await c.notReloaded();
  mineV.close();
  queuedV.close();
  await context.close();
});
