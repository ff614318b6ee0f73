// Claim and transfer: the demo agent claims a visitor's conversation (the widget names who helps), invites a
// second agent through the Team page (who accepts the link in their own browser) and transfers to them with a
// note. The second agent, watching "Mine", sees it arrive live and reads the note as an internal note; the note
// never reaches the visitor.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import {
  BASE,
  DEMO,
  TIMEOUT,
  consoleUi,
  expectAttr,
  expectCount,
  expectText,
  launch,
  openAgent,
  openVisitor,
  unique,
  waitFor,
  waitForLive,
} from './browser.mjs';

let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

/** Invites an agent through the Team page form and returns the token of the link it shows. */
async function inviteThroughTeamPage(page, name, email) {
  const t = (id) => page.locator(`[data-testid="${id}"]`);
  await t('nav-team').click();
  await t('invite-name').fill(name);
  await t('invite-email').fill(email);
  await t('invite-role').selectOption('agent');
  await t('invite-max').fill('5');
  await t('invite-submit').click();
  const link = await t('invite-url').textContent({ timeout: 15_000 });
  const token = new URL(link.trim()).searchParams.get('token');
  assert.ok(token, `the invite link ${link} carries ?token=`);
  // The new agent shows in the team list at once (invited, not yet accepted).
  const row = page.locator('[data-testid="agent-row"]').filter({ hasText: email });
  await expectCount(row, 1, "the invited agent's row");
  return { token, id: await row.getAttribute('data-id') };
}

/** Opens the invite link in a new context, chooses a password and waits for the signed-in, live inbox. */
async function acceptInvite(token) {
  const context = await browser.newContext();
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  await page.goto(`${BASE}/accept-invite?token=${encodeURIComponent(token)}`);
  await page.locator('[data-testid="accept-password"]').fill(`pw-${randomUUID()}`);
  await page.locator('[data-testid="accept-submit"]').click();
  await page.locator('[data-testid="tab-active"]').waitFor({ state: 'visible' });
  await waitForLive(page);
  // docs/team.md: the token must not stay in the address bar.
  assert.ok(!page.url().includes(token), `the invite token is still in the address bar: ${page.url()}`);
  await page.evaluate(() => (window.__e2eNoReload = true));
  return { context, page, c: consoleUi(page) };
}

test('claim shows in the widget; a transfer with a note reaches the second agent live, the note never the visitor', async () => {
  // Ann is online before the visitor arrives (with nobody online the widget offers the offline form instead).
  const ann = await openAgent(browser);
  const { c } = ann;
  const visitor = await openVisitor(browser);
  const { w } = visitor;
  await w.open();
  const question = unique('Can I swap my order to heirloom tomatoes?');
  await w.write(question);

  // A second agent, invited in the UI, who accepts the link in their own browser and is signed in by it.
  const bobName = unique('Bob Transfer');
  const bobEmail = `bob-${randomUUID().slice(0, 8)}@e2e.parley.local`;
  const invite = await inviteThroughTeamPage(ann.page, bobName, bobEmail);
  const bobConsole = await acceptInvite(invite.token);

  // Bob looks at his own conversations before anything is transferred to him.
  await bobConsole.page.locator('[data-testid="filter-assignee"]').selectOption('me');
  await expectCount(bobConsole.c.rowWith(question), 0, 'the conversation in Bob\'s "Mine" before the transfer');

  // Ann claims it.
  await ann.page.locator('[data-testid="nav-inbox"]').click();
  const id = await c.open(c.rowWith(question));
  const status = ann.page.locator('[data-testid="status"]');
  await expectAttr(status, 'data-status', 'waiting', 'the status before claiming');
  await ann.page.locator('[data-testid="claim"]').click();
  await expectAttr(status, 'data-status', 'active', 'the status after claiming');
  await expectText(ann.page.locator('[data-testid="assignee"]'), DEMO.name, 'the assignee');
  await expectCount(
    c.message('system', `${DEMO.name} claimed the conversation`),
    1,
    "the claim's system message in the console",
  );
  // The visitor is told who is helping, live.
  await expectText(
    w.page.locator('#parley-widget [data-parley="assignee"]'),
    `${DEMO.name} is helping you`,
    'the widget header',
  );
  await expectCount(
    w.message('system', `${DEMO.name} claimed the conversation`),
    1,
    "the claim's system message in the widget",
  );

  // Ann transfers to Bob with a note.
  const note = unique('VIP customer, already refunded once');
  await ann.page.locator('[data-testid="transfer"]').click();
  await ann.page.locator('select[data-testid="agent-picker"]').selectOption(invite.id);
  await ann.page.locator('[data-testid="transfer-note"]').fill(note);
  await ann.page.locator('[data-testid="transfer-submit"]').click();
  await expectText(ann.page.locator('[data-testid="assignee"]'), bobName, 'the assignee after the transfer');
  await expectAttr(status, 'data-status', 'active', 'the status after the transfer');

  // It lands in Bob's "Mine" without a reload, and he reads the note as an internal note.
  const bobRow = bobConsole.c.row(id);
  await expectCount(bobRow, 1, 'the transferred conversation in Bob\'s "Mine"');
  await bobConsole.c.notReloaded();
  await bobConsole.c.open(bobRow);
  const noteInConsole = bobConsole.c.message('agent', note);
  await expectCount(noteInConsole, 1, "the transfer note in Bob's console");
  assert.equal(await noteInConsole.getAttribute('data-kind'), 'note', 'the transfer note is an internal note');
  await expectCount(
    bobConsole.c.message('system', `${DEMO.name} transferred the conversation to ${bobName}`),
    1,
    "the transfer's system message",
  );
  await expectText(bobConsole.page.locator('[data-testid="assignee"]'), bobName, "the assignee in Bob's view");

  // The visitor sees the transfer (so the widget has caught up), the new helper, and never the note.
  await expectCount(
    w.message('system', `${DEMO.name} transferred the conversation to ${bobName}`),
    1,
    'the transfer in the widget',
  );
  await expectText(
    w.page.locator('#parley-widget [data-parley="assignee"]'),
    `${bobName} is helping you`,
    'the widget header after the transfer',
  );
  const widgetText = () => w.page.evaluate(() => document.querySelector('#parley-widget').shadowRoot.textContent);
  // Control: the widget's text does hold the conversation, so the note's absence below means something.
  assert.ok((await widgetText()).includes(question), "the widget's text includes the visitor's message");
  assert.ok(!(await widgetText()).includes(note), "the transfer note is in the widget's DOM");
  // A reload replays the history from the server: the note must not come back that way either.
  await w.page.reload();
  await w.open();
  await expectCount(w.message('visitor', question), 1, "the visitor's message after a reload");
  await waitFor(async () => (await w.messages.count()) >= 3, 'the history after a reload');
  assert.ok(!(await widgetText()).includes(note), "the transfer note is in the widget's DOM after a reload");

  await Promise.all([ann.context.close(), bobConsole.context.close(), visitor.context.close()]);
});
