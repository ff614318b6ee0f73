// The dashboard shows exactly what happened on a site. A fresh workspace and site (not the shared demo one)
// get four conversations through the widget API: one answered and still open, one answered and resolved,
// one closed without a reply (missed) and one nobody touched (waiting). Its owner's console is the only one open.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { api, expectAttr, expectCount, launch, openAgent, unique, waitFor } from './browser.mjs';
import { act, agentSocket, apiVisitor, freshWorkspace } from './clients.mjs';

let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

test('dashboard numbers: open, waiting, resolved today, missed, agents online, response times, per agent', async () => {
  const ws = await freshWorkspace('Dashboard');
  const { token, site, agent } = ws;
  const conversation = async (label) => {
    const v = await apiVisitor(site.key);
    await v.send(unique(label));
    return v;
  };
  const answered = await conversation('Answered and still open');
  const resolved = await conversation('Answered then resolved');
  const missed = await conversation('Closed without a reply');
  const waiting = await conversation('Nobody answered yet');

  for (const v of [answered, resolved]) {
    await act(token, v.id, 'claim');
    const s = await agentSocket(v.id, token);
    await s.send(unique('Here to help'));
    s.close();
  }
  await act(token, resolved.id, 'resolve');
  await act(token, missed.id, 'close');
  for (const v of [answered, resolved, missed, waiting]) v.close();

  const expected = { open: 2, waiting: 1, resolvedToday: 1, missed: 1 };
  const stats = async () => {
    const r = await api(`/api/sites/${site.id}/stats`, { token });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body.stats;
  };
  // The dashboard reads D1, which each conversation's projection updates right after the change: wait for it,
  // so that what the page shows below is the product's number and not a race.
  await waitFor(
    async () => {
      const s = await stats();
      return Object.entries(expected).every(([k, n]) => s[k] === n);
    },
    async () => `the stats API to reach ${JSON.stringify(expected)} (it says ${JSON.stringify(await stats())})`,
  );

  // The owner opens the console (one agent online) and the dashboard.
  const owner = await openAgent(browser, ws);
  const { page } = owner;
  await page.locator('[data-testid="nav-dashboard"]').click();
  const stat = (id) => page.locator(`[data-testid="stat-${id}"]`);
  await expectAttr(stat('open'), 'data-value', '2', 'open conversations (answered + waiting)');
  await expectAttr(stat('waiting'), 'data-value', '1', 'waiting conversations');
  await expectAttr(stat('resolved-today'), 'data-value', '1', 'resolved today');
  await expectAttr(stat('missed'), 'data-value', '1', 'missed (closed without an agent reply)');
  await expectAttr(stat('agents-online'), 'data-value', '1', 'agents online (this console)');
  assert.equal(await stat('open').textContent(), '2', 'the open count as text');

  // Two first responses and one resolution happened, each within this test: seconds, not empty.
  for (const id of ['avg-first-response', 'median-first-response', 'avg-resolution']) {
    const value = await stat(id).getAttribute('data-value');
    assert.ok(
      value !== '' && Number(value) >= 0 && Number(value) < 600,
      `stat-${id} data-value ${JSON.stringify(value)}`,
    );
  }

  // Per agent: the owner was assigned the two claimed ones, one open and one resolved.
  const row = page.locator(`[data-testid="stat-agent-row"][data-agent-id="${agent.id}"]`);
  await expectCount(row, 1, "the owner's per-agent row");
  await expectCount(page.locator('[data-testid="stat-agent-row"]'), 1, 'per-agent rows (only the owner)');
  const cell = async (id) => (await row.locator(`[data-testid="stat-agent-${id}"]`).textContent()).trim();
  assert.deepEqual(
    { assigned: await cell('assigned'), open: await cell('open'), resolved: await cell('resolved') },
    { assigned: '2', open: '1', resolved: '1' },
    "the owner's per-agent numbers",
  );

  // Agents online is live presence: with the console gone, nobody is online.
  await owner.context.close();
  await waitFor(async () => (await stats()).agentsOnline === 0, 'agents online to drop to 0 once the console closed');
});
