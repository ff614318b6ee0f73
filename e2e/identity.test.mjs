// Identity verification (Intercom's user_hash): with verification required, an anonymous visitor and a
// visitor whose userHash is wrong get the identity notice and no composer; the right HMAC-SHA256 of the user
// id with the site's (rotated) secret lets the visitor chat, and the agent sees who it is.
import assert from 'node:assert/strict';
import { createHmac, randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import {
  api,
  expectAgentsOnline,
  expectAttr,
  expectCount,
  expectDelivered,
  expectText,
  launch,
  openAgent,
  openHost,
  patchSettings,
  unique,
} from './browser.mjs';
import { freshWorkspace } from './clients.mjs';

let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

const hmac = (secret, userId) => createHmac('sha256', secret).update(userId).digest('hex');
const identifyAndOpen = (user) => `Parley('identify', ${JSON.stringify(user)}); Parley('open');`;

/** The panel refuses this visitor: the identity notice with `code`, and no way to write. */
async function expectRefused(w, code) {
  await w.panel.waitFor({ state: 'visible' });
  await expectAttr(w.page.locator('#parley-widget [data-parley="notice"]'), 'data-code', code, 'the identity notice');
  for (const part of ['input', 'send', 'attach', 'prechat', 'offline-form']) {
    assert.equal(
      await w.page.locator(`#parley-widget [data-parley="${part}"]`).count(),
      0,
      `[data-parley="${part}"] is shown to a refused visitor (${code})`,
    );
  }
}

test('a wrong userHash is refused when identity is required; the right one chats', async () => {
  const ws = await freshWorkspace('Identity');
  const { token, site } = ws;
  const rotate = async () => {
    const r = await api(`/api/sites/${site.id}/identity-secret`, { method: 'POST', token });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.match(r.body.secret, /\S{16,}/, 'a secret');
    return r.body.secret;
  };
  // Rotated twice: the first secret stands for one a customer's server still uses after a rotation.
  const before = await rotate();
  const secret = await rotate();
  assert.notEqual(secret, before, 'rotating changed the secret');
  const shown = await api(`/api/sites/${site.id}/identity-secret`, { token });
  assert.equal(shown.body.secret, secret, 'the settings page shows the current secret');
  await patchSettings(token, site.id, { identity: 'required' });

  // The owner is online, so nothing but identity stands between the visitor and the composer.
  const agent = await openAgent(browser, ws);
  await expectAgentsOnline(site.key);

  const userId = `u_${randomUUID().slice(0, 8)}`;
  const user = { userId, email: `${userId}@customer.example`, name: `Ada ${userId}` };

  // Anonymous: refused until the page identifies the visitor.
  const anonymous = await openHost(browser, { siteKey: site.key, script: "Parley('open');" });
  await expectRefused(anonymous.w, 'identity_required');
  await anonymous.context.close();

  // Signed with the secret from before the rotation: a hash that was right once is wrong now.
  const wrong = await openHost(browser, {
    siteKey: site.key,
    script: identifyAndOpen({ ...user, userHash: hmac(before, userId) }),
  });
  await expectRefused(wrong.w, 'identity_invalid');
  await wrong.context.close();

  // The right hash: the composer, a message that reaches the agent, with the verified user's name and email.
  const right = await openHost(browser, {
    siteKey: site.key,
    script: identifyAndOpen({ ...user, userHash: hmac(secret, userId) }),
  });
  const { w } = right;
  await w.panel.waitFor({ state: 'visible' });
  await w.input.waitFor({ state: 'visible' });
  assert.equal(
    await w.page.locator('#parley-widget [data-parley="notice"][data-code^="identity"]').count(),
    0,
    'an identity notice for a verified user',
  );
  const text = unique('Verified hello');
  await w.write(text);
  const bubble = w.message('visitor', text);
  await expectCount(bubble, 1, "the verified visitor's bubble");
  await expectDelivered(bubble, "the verified visitor's message");

  const { c, page } = agent;
  await expectCount(c.rowWith(text), 1, 'the inbox row of the verified visitor');
  await c.open(c.rowWith(text));
  await expectCount(c.message('visitor', text), 1, 'the message in the console');
  await expectText(page.locator('[data-testid="visitor-name"]'), user.name, 'the sidebar name');
  await expectText(page.locator('[data-testid="visitor-email"]'), user.email, 'the sidebar email');

  // Identifying again with a wrong hash on the same page drops back to the notice and hides the composer.
  await w.page.evaluate((u) => window.Parley('identify', u), { ...user, userHash: hmac(secret, userId + 'x') });
  await expectRefused(w, 'identity_invalid');

  await Promise.all([right.context.close(), agent.context.close()]);
});
