// Issue 15: the Data & privacy page. An owner exports the workspace (progress, then a file with the messages),
// finds a visitor by email, downloads their data and erases them after typing their id; their words are gone.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { apiVisitor, freshWorkspace } from './clients.mjs';
import { api, expectCount, launch, openAgent, waitFor } from './browser.mjs';

let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

test('export with progress, a visitor found by email, their data downloaded, then erased', async () => {
  const ws = await freshWorkspace('Privacy');
  const word = `pv${randomUUID().slice(0, 8)}`;
  const email = `${word}@e2e.parley.local`;
  const visitor = await apiVisitor(ws.site.key, { name: 'Pia', email });
  await visitor.send(`hello ${word}`);
  const searched = () => api(`/api/sites/${ws.site.id}/conversations?q=${word}`, { token: ws.token });
  // The word is in the email too: wait for the message itself to reach D1, not just the conversation.
  await waitFor(
    async () => (await searched()).body.conversations[0]?.lastMessagePreview?.includes(word),
    'the message in D1',
  );

  const owner = await openAgent(browser, { email: ws.email, password: ws.password });
  const t = (id) => owner.page.locator(`[data-testid="${id}"]`);
  await t('nav-privacy').click();
  const [download] = await Promise.all([owner.page.waitForEvent('download'), t('privacy-export-download').click()]);
  assert.equal(download.suggestedFilename(), 'conversations.jsonl');
  const text = await readFile(await download.path(), 'utf8');
  assert.ok(text.includes(`hello ${word}`), 'the export holds the message');
  await expectCount(owner.page.locator('[data-testid="privacy-export-progress"][data-done="true"]'), 1, 'done');

  await t('privacy-find-input').fill(email.toUpperCase());
  await t('privacy-find').click();
  await expectCount(t('privacy-visitor'), 1, 'the visitor found by email');
  const [data] = await Promise.all([owner.page.waitForEvent('download'), t('privacy-visitor-export').click()]);
  const doc = JSON.parse(await readFile(await data.path(), 'utf8'));
  assert.equal(doc.visitor.email, email);

  await t('privacy-visitor-erase').click();
  assert.equal(await t('privacy-erase-confirm').isDisabled(), true, 'disabled until the id is typed');
  const id = await t('privacy-visitor').getAttribute('data-id');
  await t('privacy-erase-input').fill(id);
  await t('privacy-erase-confirm').click();
  await expectCount(t('privacy-erased'), 1, 'the erasure summary');
  assert.equal((await searched()).body.conversations.length, 0, 'search finds nothing');
  const history = await api(`/api/conversations/${visitor.id}/messages`, { token: ws.token });
  assert.ok(!JSON.stringify(history.body).includes(word), 'the messages are empty');
  visitor.close();
  await owner.context.close();
});
