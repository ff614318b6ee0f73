// Emoji (docs/formatting.md, "Emoji"): shortcodes become emoji on send in the widget and the console, and each has a
// picker that puts an emoji at the caret (the widget's is an on-demand chunk).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { expectCount, launch, openAgent, openVisitor, unique, waitFor } from './browser.mjs';

let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

test('shortcodes and pickers, visitor and agent', async () => {
  const agent = await openAgent(browser);
  const visitor = await openVisitor(browser);
  const { w, page } = visitor;
  await w.open();
  await w.waitOnline();

  // The visitor's shortcodes: the table is fetched as the shortcode starts, before the message is sent.
  const word = unique('Emojiqv');
  const loaded = page.waitForResponse((r) => r.url().endsWith('/widget-emoji.js') && r.ok());
  await w.input.fill(`${word} :+1: :tada: :nope:`);
  await loaded;
  await w.input.press('Enter');
  await expectCount(w.message('visitor', `${word} 👍 🎉 :nope:`), 1, 'the visitor message with emoji in the widget');

  const row = agent.c.rowWith(word);
  await expectCount(row, 1, 'the new inbox row');
  await agent.c.open(row);
  await expectCount(agent.c.message('visitor', `${word} 👍 🎉 :nope:`), 1, 'the visitor message in the console');

  // The widget's picker: the emoji goes in at the caret.
  await w.input.fill('thanks ');
  await page.locator('#parley-widget [data-parley="emoji"]').click();
  const picker = page.locator('#parley-widget [data-parley="emoji-picker"]');
  await expectCount(picker, 1, "the widget's emoji picker");
  await picker.locator('button', { hasText: '🎉' }).click();
  await expectCount(picker, 0, 'the widget picker after a pick');
  assert.equal(await w.input.inputValue(), 'thanks 🎉', 'the picked emoji in the widget input');
  await w.input.press('Enter');
  await expectCount(agent.c.message('visitor', 'thanks 🎉'), 1, 'the picked emoji reaching the console');

  // The agent's shortcodes and picker.
  const answer = unique('Emojiav');
  await agent.c.reply(`${answer} :smile:`);
  await expectCount(agent.c.message('agent', `${answer} 😄`), 1, 'the reply with emoji in the console');
  await expectCount(w.message('agent', `${answer} 😄`), 1, 'the reply with emoji in the widget');

  await agent.c.composer.fill('done ');
  await agent.page.locator('[data-testid="emoji-button"]').click();
  const consolePicker = agent.page.locator('[data-testid="emoji-picker"]');
  await expectCount(consolePicker, 1, "the console's emoji picker");
  await consolePicker.locator('button', { hasText: '👍' }).first().click();
  await waitFor(async () => (await agent.c.composer.inputValue()) === 'done 👍', 'the picked emoji in the composer');
  await expectCount(consolePicker, 0, 'the console picker after a pick');

  await Promise.all([agent.context.close(), visitor.context.close()]);
});
