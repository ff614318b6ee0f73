// Canned responses in the composer (docs/tools.md): a response created elsewhere (the API, as a colleague
// would) appears in an already open console's picker; its {first_name}, {email} and {agent} variables are
// filled; and Enter on a `/query` with no match sends nothing (Escape first, then Enter sends it as text).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { apiVisitor } from './clients.mjs';
import { DEMO, SITE_KEY, agentApi, api, expectAttr, expectCount, launch, openAgent, waitFor } from './browser.mjs';

let browser;
const visitors = [];
before(async () => (browser = await launch()));
after(async () => {
  visitors.forEach((v) => {
    v.close();
  });
  await browser?.close();
});

/** Waits until the console's composer holds exactly `text`. */
async function expectComposer(c, text, what) {
  let seen;
  await waitFor(
    async () => (seen = await c.composer.inputValue()) === text,
    async () => `${what}: the composer to hold ${JSON.stringify(text)} (it holds ${JSON.stringify(seen)})`,
  );
}

test('a response made elsewhere shows up live, fills its variables, and Enter with no match sends nothing', async () => {
  const suffix = randomUUID().slice(0, 8);
  const visitor = await apiVisitor(SITE_KEY, {
    name: `Ada Lovelace ${suffix}`,
    email: `ada-${suffix}@customer.example`,
  });
  visitors.push(visitor);
  const question = `Where is my parcel? ${suffix}`;
  await visitor.send(question);

  const agent = await openAgent(browser);
  const { page, c } = agent;
  const id = await c.open(c.rowWith(question));
  await c.composer.click();
  // The picker has loaded its list (it shows the "no match" line for a word nobody uses).
  await c.composer.pressSequentially(`/zz${suffix}`);
  await expectCount(page.locator('[data-testid="canned-picker"]'), 1, 'the picker');
  await c.composer.fill('');

  // Created after the console loaded its list, the way a colleague's new response arrives.
  const { token } = await agentApi();
  const shortcut = `greet-${suffix}`;
  const created = await api('/api/canned-responses', {
    method: 'POST',
    token,
    body: {
      title: `Greeting ${suffix}`,
      shortcut,
      content: 'Hi {first_name|there}, I am {agent}. We will write to {{ email }}. Ref {order}.',
    },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));

  await c.composer.pressSequentially(`/${shortcut}`);
  const option = page.locator('[data-testid="canned-option"]').first();
  await expectAttr(option, 'data-id', created.body.cannedResponse.id, 'the new response in the picker (no reload)');
  await c.composer.press('Enter');
  await expectComposer(
    c,
    `Hi Ada, I am ${DEMO.name}. We will write to ada-${suffix}@customer.example. Ref {order}.`,
    'the filled response',
  );
  await c.notReloaded();

  // No match: Enter keeps the text in the composer and sends nothing.
  const literal = `/nomatch${suffix}`;
  await c.composer.fill('');
  await c.composer.pressSequentially(literal);
  await expectCount(
    page.locator('[data-testid="canned-picker"] [data-testid="canned-option"]'),
    0,
    'options for a query nothing matches',
  );
  await c.composer.press('Enter');
  assert.equal(await c.composer.inputValue(), literal, 'Enter with no match left the composer as it was');
  // Escape closes the list; then Enter sends the text as typed, once.
  await c.composer.press('Escape');
  await expectCount(page.locator('[data-testid="canned-picker"]'), 0, 'the picker after Escape');
  await c.composer.press('Enter');
  await expectComposer(c, '', 'after Escape then Enter');
  await expectCount(c.message('agent', literal), 1, 'the literal reply sent after Escape');
  const stored = (await (await agentApi()).messages(id)).filter((m) => m.body === literal);
  assert.equal(stored.length, 1, 'the literal is stored once (the first Enter sent nothing)');
  await agent.context.close();
});
