// Issue 9, item 8: one visitor, the demo page open in two tabs, Enter pressed in both at once. There must be
// one conversation holding both messages, shown in both tabs, and still after a reload (with the agent's reply).
import { after, before, test } from 'node:test';
import {
  expectCount,
  expectDelivered,
  gotoDemo,
  launch,
  openAgent,
  openVisitor,
  unique,
  widget,
  TIMEOUT,
} from './browser.mjs';

let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

test('two tabs of one visitor writing at once share one conversation, before and after a reload', async () => {
  // An agent online, so the widget offers the chat rather than the offline form.
  const agent = await openAgent(browser);
  const visitor = await openVisitor(browser);
  // The second tab: same browser context, so the same stored visitor token.
  const page2 = await visitor.context.newPage();
  await gotoDemo(page2);
  const tabs = [visitor.w, widget(page2)];
  await tabs[1].launcher.waitFor({ state: 'visible', timeout: TIMEOUT });
  for (const w of tabs) {
    await w.open();
    await w.waitOnline();
  }

  const texts = [unique('From the first tab'), unique('From the second tab')];
  await Promise.all(tabs.map((w, i) => w.input.fill(texts[i])));
  await Promise.all(tabs.map((w) => w.input.press('Enter')));
  for (const w of tabs) {
    for (const text of texts) await expectDelivered(w.message('visitor', text), `"${text}" in each tab`);
  }

  // One conversation in the inbox, with both messages; the agent answers it.
  await agent.c.open(agent.c.rowWith(texts[0]).or(agent.c.rowWith(texts[1])));
  for (const text of texts) await expectCount(agent.c.message('visitor', text), 1, `"${text}" in the console`);
  const answer = unique('Answering both of your tabs');
  await agent.c.reply(answer);
  for (const w of tabs) await expectCount(w.message('agent', answer), 1, 'the reply in each tab');

  await Promise.all(tabs.map((w) => w.page.reload()));
  for (const w of tabs) {
    await w.launcher.waitFor({ state: 'visible', timeout: TIMEOUT });
    await w.open();
    for (const text of texts) await expectCount(w.message('visitor', text), 1, `"${text}" after the reload`);
    await expectCount(w.message('agent', answer), 1, 'the reply after the reload');
  }
  await Promise.all([agent.context.close(), visitor.context.close()]);
});
