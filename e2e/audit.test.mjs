// Issue 11: an owner reads the Audit page (who did what, when, from where) and filters it; agents get no Audit page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { freshWorkspace } from './clients.mjs';
import { api, BASE, expectCount, expectText, launch, openAgent, TIMEOUT } from './browser.mjs';

let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

test('the Audit page lists invites and setting changes with their details, newest first, and filters by action', async () => {
  const ws = await freshWorkspace('Audit');
  const invite = await api('/api/agents', {
    method: 'POST',
    token: ws.token,
    body: { name: 'Iris <b>', email: `iris-${ws.site.id}@e2e.parley.local`, role: 'agent' },
  });
  assert.equal(invite.status, 201);
  const patch = await api(`/api/sites/${ws.site.id}`, {
    method: 'PATCH',
    token: ws.token,
    body: { settings: { greeting: 'Audited hello' } },
  });
  assert.equal(patch.status, 200);

  const owner = await openAgent(browser, { email: ws.email, password: ws.password });
  const t = (id) => owner.page.locator(`[data-testid="${id}"]`);
  await t('nav-audit').click();
  const rows = t('audit-row');
  await expectCount(owner.page.locator('[data-testid="audit-row"][data-action="site.create"]'), 1, 'the site creation');
  // Newest first (sign-ins and the registration are recorded too; these three are what this test did).
  const order = (await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))).filter((a) =>
    ['site.create', 'agent.invite', 'site.settings_change'].includes(a),
  );
  assert.deepEqual(order, ['site.settings_change', 'agent.invite', 'site.create']);
  const details = (action) => owner.page.locator(`[data-testid="audit-row"][data-action="${action}"] .audit-detail`);
  await expectText(
    details('site.settings_change'),
    `settings.greeting: ${ws.site.settings.greeting} → Audited hello`,
    'the changed setting, before and after',
  );
  // What an agent typed is shown as text, never as markup.
  await expectText(details('agent.invite').first(), 'email: ' + invite.body.agent.email, 'the invitee');
  await expectCount(
    owner.page.locator('[data-testid="audit-row"][data-action="agent.invite"] .audit-detail', {
      hasText: 'name: Iris <b>',
    }),
    1,
    'the invitee name as text',
  );
  assert.equal(await owner.page.locator('[data-testid="audit-list"] b').count(), 0, 'no element made from a name');

  await t('audit-filter').selectOption('agent.invite');
  await expectCount(rows, 1, 'only the invite');
  assert.equal(await rows.first().getAttribute('data-action', { timeout: TIMEOUT }), 'agent.invite');
  await owner.context.close();
});

test('an agent has no Audit link, and the Audit page tells them it is for owners and admins', async () => {
  const ws = await freshWorkspace('Audit agent');
  const email = `agent-${ws.site.id}@e2e.parley.local`;
  const invited = await api('/api/agents', {
    method: 'POST',
    token: ws.token,
    body: { name: 'Agnes', email, role: 'agent' },
  });
  assert.equal(invited.status, 201);
  const token = new URL(invited.body.inviteUrl).searchParams.get('token');
  const accepted = await api('/api/auth/accept-invite', {
    method: 'POST',
    body: { token, password: 'agent password 123' },
  });
  assert.equal(accepted.status, 200);
  const agent = await openAgent(browser, { email, password: 'agent password 123' });
  const t = (id) => agent.page.locator(`[data-testid="${id}"]`);
  assert.equal(await t('nav-audit').count(), 0, 'no Audit link for an agent');
  await agent.page.goto(`${BASE}/audit`);
  await expectCount(t('audit-forbidden'), 1, 'the owners-and-admins notice');
  assert.equal(await t('audit-list').count(), 0, 'no entries for an agent');
  await agent.context.close();
});
