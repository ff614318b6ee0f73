// Issue 14 item 4: history on every device. A visitor asks the widget for a link by email; opened in a second browser
// (another device), the link shows the conversation and leaves the address bar; a third device is refused (the link
// works once per device), and so is the same link once expired.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { decodeJwt, SignJWT } from 'jose';
import {
  agentApi,
  api,
  expectAttr,
  expectCount,
  expectAgentsOnline,
  expectDelivered,
  gotoDemo,
  launch,
  openAgent,
  patchSettings,
  TIMEOUT,
  unique,
  waitFor,
  widget,
} from './browser.mjs';

let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

/** A new browser context (another device) on `url`; its widget. */
async function device(url) {
  const context = await browser.newContext();
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  if (url) await page.goto(url);
  return { context, page, w: widget(page) };
}

/**
 * The same token, already expired: signed with the local signing secret that scripts/start.mjs wrote to .dev.vars
 * (without a key id, which the worker verifies against each of its secrets).
 */
async function expiredCopy(token) {
  const secret = readFileSync(new URL('../.dev.vars', import.meta.url), 'utf8').match(/^AUTH_SECRET=(.+)$/m)[1];
  const { exp: _exp, ...claims } = decodeJwt(token);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
    .sign(new TextEncoder().encode(secret.trim()));
}

test('a continuation link opens the conversation on another device, once per device, and not after expiry', async () => {
  const demo = await agentApi();
  const previous = demo.site.settings;
  await patchSettings(demo.token, demo.site.id, { preChat: 'required' });
  const devices = [];
  try {
    // An agent online, so that the widget offers the chat (not the offline form).
    const ann = await openAgent(browser);
    devices.push(ann);
    await expectAgentsOnline(demo.site.key);
    // Device A: the visitor chats, with an email (pre-chat), and asks for a link.
    const a = await device();
    devices.push(a);
    await gotoDemo(a.page);
    await a.w.open();
    const root = a.page.locator('#parley-widget');
    const email = `visitor-${randomUUID().slice(0, 8)}@e2e.parley.local`;
    await root.locator('[data-parley="prechat-name"]').fill('Sam');
    await root.locator('[data-parley="prechat-email"]').fill(email);
    await root.locator('[data-parley="prechat-submit"]').click();
    const question = unique('Can I pick this up on my phone?');
    await a.w.write(question);
    await expectDelivered(a.w.message('visitor', question), 'the question');
    await root.locator('[data-parley="link-me"]').click();
    await expectCount(root.locator('[data-parley="link-sent"]'), 1, 'the link-sent confirmation');

    // The email, from the dev outbox.
    let mail;
    await waitFor(async () => {
      const emails = (await api('/api/dev/outbox', { token: demo.token })).body.emails;
      mail = emails.find((e) => e.to === email && e.subject.startsWith('Continue'));
      return !!mail;
    }, 'the continuation email in the outbox');
    const href = mail.text.match(/https?:\/\/\S+#parley_continue=[\w.-]+/)?.[0];
    assert.ok(href, `a continuation link in the email: ${mail.text}`);
    const token = href.split('#parley_continue=')[1];

    // Device B: the link shows the conversation, and the token leaves the address bar.
    const b = await device(href);
    devices.push(b);
    await b.w.panel.waitFor({ state: 'visible', timeout: TIMEOUT });
    await expectCount(b.w.message('visitor', question), 1, 'the conversation on the second device');
    await waitFor(async () => !b.page.url().includes('parley_continue'), 'the token to leave the address bar');
    assert.ok(!(await b.page.evaluate(() => location.href)).includes(token), 'no token in the URL');
    // It is the same conversation, live: B writes, A sees it.
    const more = unique('Yes, from my phone');
    await b.w.write(more);
    await expectCount(a.w.message('visitor', more), 1, "device B's message on device A");

    // Device C: the link was already used on another device.
    const c = await device(href);
    devices.push(c);
    await c.w.panel.waitFor({ state: 'visible', timeout: TIMEOUT });
    const notice = c.page.locator('#parley-widget [data-parley="notice"]');
    await expectAttr(notice, 'data-code', 'continuation_used', 'the refusal on a third device');
    await expectCount(c.w.message('visitor', question), 0, 'no conversation on the third device');

    // Expired, the same link is refused even on the device that used it.
    // (Device B keeps the session it already has.)
    const late = await b.context.newPage();
    await late.goto(href.replace(token, await expiredCopy(token)));
    const lateW = widget(late);
    await lateW.panel.waitFor({ state: 'visible', timeout: TIMEOUT });
    const lateNotice = late.locator('#parley-widget [data-parley="notice"]');
    await expectAttr(lateNotice, 'data-code', 'continuation_invalid', 'the refusal of an expired link');
    await waitFor(async () => !late.url().includes('parley_continue'), 'the expired token to leave the URL too');
  } finally {
    await Promise.all(devices.map((d) => d.context.close()));
    await patchSettings(demo.token, demo.site.id, { preChat: previous.preChat });
  }
});
