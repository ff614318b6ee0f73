// Issue 6: the agent replies, the visitor has closed the tab; after the (shortened) delay the console's Outbox
// shows the unread-reply email, and its "Continue the conversation" link reopens the widget on that conversation.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import {
  agentApi,
  api,
  BASE,
  expectAgentsOnline,
  expectCount,
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

test('an unread reply is emailed after the delay and its link reopens the conversation', async () => {
  const demo = await agentApi();
  const previous = demo.site.settings;
  // A short delay for the test, and a pre-chat form so the visitor leaves an email.
  await patchSettings(demo.token, demo.site.id, { preChat: 'required', unreadEmailMinutes: 0.05 });
  try {
    const ann = await openAgent(browser);
    await expectAgentsOnline(demo.site.key);
    const context = await browser.newContext();
    context.setDefaultTimeout(TIMEOUT);
    const tab = await context.newPage();
    await gotoDemo(tab);
    const w = widget(tab);
    await w.open();
    const email = `visitor-${randomUUID().slice(0, 8)}@e2e.parley.local`;
    const root = tab.locator('#parley-widget');
    await root.locator('[data-parley="prechat-name"]').fill('Robin');
    await root.locator('[data-parley="prechat-email"]').fill(email);
    await root.locator('[data-parley="prechat-submit"]').click();
    const question = unique('Do you deliver on Sundays?');
    await w.write(question);
    await expectDelivered(w.message('visitor', question), 'the question');
    const id = await ann.c.open(ann.c.rowWith(question));

    // The visitor leaves before the answer arrives.
    await tab.close();
    const answer = unique('Yes, every Sunday morning');
    await ann.c.reply(answer);

    // The Outbox page shows the email once the delay has passed.
    await ann.page.locator('[data-testid="nav-outbox"]').click();
    const row = ann.page.locator('[data-testid="outbox-row"]').filter({ hasText: email });
    await expectCount(row, 1, 'the unread-reply email in the outbox');
    await row.click();
    await ann.page.locator('[data-testid="outbox-toggle-text"]').click();
    const text = await ann.page.locator('[data-testid="outbox-text"]').textContent();
    assert.ok(text.includes(answer), 'the email carries the unread reply');
    assert.ok(!text.includes(question), "the visitor's own message is not in it");
    const link = ann.page.locator('[data-testid="outbox-link"]').filter({ hasText: '#parley_continue=' });
    const href = await link.first().getAttribute('href');
    assert.equal(new URL(href).pathname, '/demo/', 'the link goes back to the page the visitor was on');

    // Following it (same browser, so the same visitor) opens the widget on the conversation, reply included.
    const back = await context.newPage();
    await back.goto(href);
    const again = widget(back);
    await again.panel.waitFor({ state: 'visible', timeout: TIMEOUT });
    await expectCount(again.message('agent', answer), 1, 'the reply in the reopened widget');
    await waitFor(
      async () => !new URL(back.url()).hash.includes('parley_continue'),
      'the marker to leave the address bar',
    );

    // The visitor answers the email instead: the reply comes back through the Worker's email() handler
    // (the local runtime's /cdn-cgi/local/email) and lands in the console live, without the quoted history.
    const emails = (await api('/api/dev/outbox', { token: demo.token })).body.emails;
    const sent = emails.find((e) => e.to === email);
    assert.match(sent.replyTo, /^reply\+cv_[0-9a-f]{32}\.[0-9a-f]{20}@/, 'the email has a signed reply address');
    const reply = unique('Sunday at 9 is perfect');
    const raw = [
      `From: Robin <${email}>`,
      `To: ${sent.replyTo}`,
      'Subject: Re: New reply',
      `Message-ID: <${randomUUID()}@e2e.parley.local>`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      reply,
      '',
      `On Sun, 22 Nov 2026 at 10:00, Demo <support@parley.local> wrote:`,
      `> ${answer}`,
    ].join('\r\n');
    const delivered = await fetch(
      `${BASE}/cdn-cgi/local/email?from=${encodeURIComponent(email)}&to=${encodeURIComponent(sent.replyTo)}`,
      { method: 'POST', body: raw },
    );
    assert.ok(delivered.ok, `local email delivery: ${delivered.status} ${await delivered.text()}`);
    await ann.page.goto(`${BASE}/conversations/${id}`);
    await expectCount(ann.c.message('visitor', reply), 1, 'the emailed reply in the console');
    const last = (await demo.messages(id)).at(-1);
    assert.equal(last.body, reply, 'only the new text, without the quoted history');
    await Promise.all([ann.context.close(), context.close()]);
  } finally {
    await patchSettings(demo.token, demo.site.id, {
      preChat: previous.preChat,
      unreadEmailMinutes: previous.unreadEmailMinutes ?? 5,
    });
  }
});
