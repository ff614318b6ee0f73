// Issue 15: an owner creates an API token in the console (the secret shown once), an integration uses it with
// fetch to post a message, and the visitor sees it live in the widget under the token's name; revoking it in the
// console refuses the next request.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { agentApi, api, expectCount, launch, openAgent, openVisitor, unique, waitFor } from './browser.mjs';

let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

test('a token created in the console posts a message the visitor sees live; revoked, it is refused at once', async () => {
  // An agent online first: otherwise the widget offers the offline form rather than the chat.
  const owner = await openAgent(browser);
  const visitor = await openVisitor(browser);
  const { w } = visitor;
  await w.open();
  const question = unique('Where is my parcel?');
  await w.write(question);
  const behind = await agentApi();
  let conversationId;
  await waitFor(async () => {
    const list = await api(`/api/sites/${behind.site.id}/conversations?limit=50`, { token: behind.token });
    conversationId = list.body.conversations.find((c) => c.lastMessagePreview?.includes(question))?.id;
    return !!conversationId;
  }, 'the visitor’s conversation in the inbox');

  const t = (id) => owner.page.locator(`[data-testid="${id}"]`);
  await t('nav-tokens').click();
  await t('tokens-page').waitFor();
  const name = unique('Parcel Bot');
  await t('token-name').fill(name);
  await t('token-scope-messages:write').check();
  await t('token-create').click();
  const secret = (await t('token-secret').textContent()).trim();
  assert.match(secret, /^parley_[0-9a-f]{40}$/);
  await expectCount(t('token-copy'), 1, 'the copy button');
  await expectCount(owner.page.locator('[data-testid="token-row"]', { hasText: name }), 1, 'the new token listed');
  await t('token-secret-done').click();
  await expectCount(t('token-secret'), 0, 'the secret, gone once dismissed');

  // The integration: plain fetch with the token.
  const reply = unique('It left our warehouse today');
  const posted = await fetch(`${process.env.PARLEY_URL}/api/conversations/${conversationId}/messages`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ body: reply }),
  });
  assert.equal(posted.status, 201, await posted.clone().text());
  const live = w.message('agent', reply);
  await expectCount(live, 1, 'the token’s message in the widget');
  assert.match(await live.textContent(), new RegExp(name.split(' ')[0]), 'the token’s name as its author');

  owner.page.once('dialog', (d) => d.accept());
  const row = owner.page.locator('[data-testid="token-row"]', { hasText: name });
  await row.locator('[data-testid="token-revoke"]').click();
  await expectCount(
    owner.page.locator('[data-testid="token-row"][data-state="revoked"]', { hasText: name }),
    1,
    'revoked',
  );
  const refused = await api(`/api/conversations/${conversationId}/messages`, {
    method: 'POST',
    token: secret,
    body: { body: 'too late' },
  });
  assert.equal(refused.status, 401);
  assert.equal(refused.body.error.code, 'token_revoked');
  await owner.context.close();
  await visitor.context.close();
});
