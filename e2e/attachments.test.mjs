// A visitor attaches an image with the widget's paperclip (its hidden file input); the agent sees it inline in
// the console, live, and both sides show the actual picture (fetched with the bearer token, decoded).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { crc32, deflateSync } from 'node:zlib';
import { expectCount, expectDelivered, launch, openAgent, openVisitor, unique, waitFor } from './browser.mjs';

let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

/** A real width × height RGB PNG (so that a decoded image has exactly these dimensions). */
function png(width, height) {
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, deflate, no filter, no interlace
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x4f)]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Waits until `img` shows a decoded picture of the given size (not a broken image, not a placeholder). */
async function expectPicture(img, width, height, what) {
  let seen;
  await waitFor(
    async () => {
      seen = await img.evaluate((el) => ({
        complete: el.complete,
        w: el.naturalWidth,
        h: el.naturalHeight,
        src: el.src.slice(0, 5),
      }));
      return seen.complete && seen.w === width && seen.h === height;
    },
    () => `${what} to show a decoded ${width}×${height} picture (it is ${JSON.stringify(seen)})`,
  );
  assert.equal(seen.src, 'blob:', `${what} is shown from an object URL (no token in a URL)`);
}

test('an image the visitor attaches shows inline in the console', async () => {
  const agent = await openAgent(browser);
  const visitor = await openVisitor(browser);
  const { w, page } = visitor;
  const { c } = agent;
  await w.open();
  await w.waitOnline();
  const hello = unique('I will send you a photo of the seed packet');
  await w.write(hello);
  await expectDelivered(w.message('visitor', hello), 'the first message');
  const row = c.rowWith(hello);
  await expectCount(row, 1, 'the inbox row');
  await c.open(row);

  const name = `packet-${Date.now()}.png`;
  const input = page.locator('#parley-widget [data-parley="file-input"]');
  assert.equal(await input.getAttribute('type'), 'file');
  await input.setInputFiles({ name, mimeType: 'image/png', buffer: png(3, 2) });

  // The widget: the visitor's own file message with the picture in it.
  const own = page
    .locator('#parley-widget [data-parley="message"][data-sender="visitor"]')
    .filter({ has: page.locator('[data-parley="attachment-image"]') });
  await expectCount(own, 1, "the visitor's image message in the widget");
  const ownImg = own.locator('[data-parley="attachment-image"]');
  assert.equal(await ownImg.getAttribute('alt'), name, 'the image is described by its file name');
  await expectPicture(ownImg, 3, 2, 'the image in the widget');
  await expectCount(
    page.locator('#parley-widget [data-parley="upload-progress"]'),
    0,
    'the upload progress after the upload',
  );

  // The console, live: a file message from the visitor with the image inline.
  const file = agent.page.locator('[data-testid="message"][data-sender="visitor"][data-kind="file"]');
  await expectCount(file, 1, 'the file message in the console');
  const img = file.locator('[data-testid="attachment-image"]');
  await expectCount(img, 1, 'the inline image in the console');
  assert.equal(await img.getAttribute('alt'), name);
  await expectPicture(img, 3, 2, 'the image in the console');
  await c.notReloaded();

  // Both sides agree on where it is in the conversation.
  const seq = await own.getAttribute('data-seq');
  assert.equal(await file.getAttribute('data-seq'), seq, 'the same seq in widget and console');

  await Promise.all([agent.context.close(), visitor.context.close()]);
});

/** Clicks a download link and returns the saved file's name and text (the bytes fetched with the bearer token). */
async function download(page, link) {
  const [saved] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const stream = await saved.createReadStream();
  const parts = [];
  for await (const part of stream) parts.push(part);
  return { name: saved.suggestedFilename(), text: Buffer.concat(parts).toString('utf8') };
}

test("an agent's image and file show in the widget (the on-demand widget-file.js), and a visitor's file in the console", async () => {
  const agent = await openAgent(browser);
  const visitor = await openVisitor(browser);
  const { w, page } = visitor;
  const { c } = agent;
  await w.open();
  await w.waitOnline();
  const hello = unique('Can you send me the manual?');
  await w.write(hello);
  await expectDelivered(w.message('visitor', hello), 'the first message');
  const row = c.rowWith(hello);
  await expectCount(row, 1, 'the inbox row');
  await c.open(row);

  // The agent attaches an image and a text file with the console's paperclip.
  const stamp = Date.now();
  const picture = `diagram-${stamp}.png`;
  const manual = `manual-${stamp}.txt`;
  const manualText = `Step 1: water the seeds (${stamp})`;
  const consoleInput = agent.page.locator('[data-testid="file-input"]');
  await consoleInput.setInputFiles({ name: picture, mimeType: 'image/png', buffer: png(5, 4) });
  const sentImage = agent.page.locator('[data-testid="message"][data-sender="agent"][data-kind="file"]');
  await expectCount(sentImage, 1, "the agent's image message in the console");
  await consoleInput.setInputFiles({ name: manual, mimeType: 'text/plain', buffer: Buffer.from(manualText) });
  await expectCount(sentImage, 2, "the agent's two file messages in the console");

  // The widget, live: the picture decoded inline, the text file as a download link that saves its bytes.
  const fromAgent = (what) =>
    page
      .locator('#parley-widget [data-parley="message"][data-sender="agent"]')
      .filter({ has: page.locator(`[data-parley="${what}"]`) });
  const image = fromAgent('attachment-image');
  await expectCount(image, 1, "the agent's image in the widget");
  const img = image.locator('[data-parley="attachment-image"]');
  assert.equal(await img.getAttribute('alt'), picture, 'the image is described by its file name');
  await expectPicture(img, 5, 4, "the agent's image in the widget");
  const fileMessage = fromAgent('attachment-link');
  await expectCount(fileMessage, 1, "the agent's text file in the widget");
  const link = fileMessage.locator('[data-parley="attachment-link"]');
  assert.match(await link.textContent(), new RegExp(`^${manual.replace('.', '\\.')} \\(`), 'the link names the file');
  assert.deepEqual(await download(page, link), { name: manual, text: manualText }, 'the widget saves the file');
  const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  assert.ok(
    scripts.some((s) => s.endsWith('/widget-file.js')),
    'the attachment came from the on-demand chunk widget-file.js',
  );

  // The reverse: a visitor's text file is a download link in the console.
  const notes = `notes-${stamp}.txt`;
  await page
    .locator('#parley-widget [data-parley="file-input"]')
    .setInputFiles({ name: notes, mimeType: 'text/plain', buffer: Buffer.from(`my notes ${stamp}`) });
  const theirs = agent.page.locator(`[data-testid="attachment-link"][data-name="${notes}"]`);
  await expectCount(theirs, 1, "the visitor's text file in the console");
  assert.deepEqual(
    await download(agent.page, theirs),
    { name: notes, text: `my notes ${stamp}` },
    'the console saves the file',
  );
  await c.notReloaded();

  await Promise.all([agent.context.close(), visitor.context.close()]);
});
