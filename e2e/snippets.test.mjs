// Every snippet and example the product shows is executed as-is: the Settings page's install, identify and
// server-hash snippets (read from the page itself), and the ```html / ```js blocks of README.md and docs/*.md
// (read from the files, so a changed doc is re-tested). HTML runs in a page with the widget, JS runs in Node
// (server-side examples, which must compute `userHash`). With identity verification required, the visitor
// identified by an example must be accepted; no example may log a widget warning or throw.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { freshWorkspace } from './clients.mjs';
import {
  BASE,
  SITE_KEY,
  TIMEOUT,
  api,
  expectAgentsOnline,
  launch,
  openAgent,
  patchSettings,
  waitFor,
  widget,
} from './browser.mjs';

const root = join(import.meta.dirname, '..');
let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

/** Fenced blocks of a markdown file: [{ lang, code, where }]. */
function fencedBlocks(file) {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/^```(\w*)\n([\s\S]*?)^```/gm)].map((m) => ({
    lang: m[1],
    code: m[2],
    where: `${file}:${text.slice(0, m.index).split('\n').length}`,
  }));
}
const docBlocks = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
].flatMap(fencedBlocks);

/** Runs a server-side (Node) example with `user` defined and the secret in the environment; returns its userHash. */
async function runNode(code, userId, secret) {
  const program = `const user = { id: ${JSON.stringify(userId)} };\n${code}\nconsole.log(userHash);`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', program], {
    env: { ...process.env, PARLEY_IDENTITY_SECRET: secret },
  });
  return stdout.trim();
}

/**
 * Runs `html` as a customer's page on BASE's origin (as openHost does) and collects what went wrong: page
 * errors and the widget's console warnings ("[parley] …" means a call was ignored).
 */
async function runPage(html) {
  const context = await browser.newContext();
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  const problems = [];
  const logs = [];
  await page.goto(`${BASE}/api/e2e-host-page`);
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    logs.push(m.text());
    if (m.text().includes('[parley]')) problems.push(`console ${m.type()}: ${m.text()}`);
  });
  await page.setContent(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Customer</title></head><body><h1>Customer page</h1>\n${html}\n</body></html>`,
  );
  const w = widget(page);
  await w.launcher.waitFor({ state: 'visible' });
  return { context, page, w, problems, logs };
}

/** Opens the panel and checks that the site (identity required) let this visitor write: no identity notice. */
async function expectVerified(w, where) {
  await w.open();
  await w.input.waitFor({ state: 'visible', timeout: TIMEOUT }).catch(async () => {
    const code = await w.page
      .locator('#parley-widget [data-parley="notice"]')
      .getAttribute('data-code', { timeout: 1000 })
      .catch(() => null);
    assert.fail(`${where}: the identified visitor cannot write (notice ${code})`);
  });
  assert.equal(
    await w.page.locator('#parley-widget [data-parley="notice"][data-code^="identity"]').count(),
    0,
    `${where}: an identity notice`,
  );
}

/** A site with identity verification required, its secret, and its owner online (so the widget is not in offline mode). */
async function requiredSite(label) {
  const ws = await freshWorkspace(label);
  const r = await api(`/api/sites/${ws.site.id}/identity-secret`, { method: 'POST', token: ws.token });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  await patchSettings(ws.token, ws.site.id, { identity: 'required' });
  const agent = await openAgent(browser, ws);
  await expectAgentsOnline(ws.site.key);
  return { ws, secret: r.body.secret, agent };
}

test("the Settings page's install, identify and server-hash snippets work as shown", async () => {
  const { ws, secret, agent } = await requiredSite('Snippets');
  const { page } = agent;
  await page.locator('[data-testid="nav-settings"]').click();
  const shown = async (id) => (await page.locator(`[data-testid="${id}"]`).textContent({ timeout: TIMEOUT })).trim();
  const install = await shown('install-snippet');
  const identify = await shown('identify-snippet');
  const serverHash = await shown('server-hash-snippet');
  assert.ok(install.includes(ws.site.key), 'the install snippet carries the site key');

  // The customer's templates fill the {{ }} parts; the hash is what the page's Node snippet computes.
  const user = { id: `u_${Date.now()}`, email: 'settings-user@customer.example', name: 'Settings User' };
  const hash = await runNode(serverHash, user.id, secret);
  assert.match(hash, /^[0-9a-f]{64}$/, 'the server snippet computes a hex HMAC');
  const filled = identify
    .replaceAll('{{ user.id }}', user.id)
    .replaceAll('{{ user_hash }}', hash)
    .replaceAll('{{ user.email }}', user.email)
    .replaceAll('{{ user.name }}', user.name);
  assert.ok(!/\{\{/.test(filled), `every placeholder of the identify snippet is one a template fills: ${filled}`);

  // Both orders a customer may paste them in.
  for (const [order, html] of [
    ['install, then identify', `${install}\n${filled}`],
    ['identify, then install', `${filled}\n${install}`],
  ]) {
    const run = await runPage(html);
    await expectVerified(run.w, `Settings snippets (${order})`);
    assert.deepEqual(run.problems, [], `Settings snippets (${order})`);
    await run.context.close();
  }
  await agent.context.close();
});

test('README and docs examples (```html in a page, ```js in Node) work as written', async () => {
  const html = docBlocks.filter((b) => b.lang === 'html');
  const js = docBlocks.filter((b) => b.lang === 'js' || b.lang === 'javascript');
  // Server examples compute the identity hash; any other JS block is a file of docs/examples shown verbatim, run by
  // its own test there (the webhook verification: scripts/webhook-verify.test.mjs).
  const node = js.filter((b) => /\buserHash\b/.test(b.code));
  const examples = readdirSync(join(root, 'docs/examples')).map((f) =>
    readFileSync(join(root, 'docs/examples', f), 'utf8'),
  );
  for (const b of js.filter((b) => !node.includes(b)))
    assert.ok(
      examples.some((e) => e.trim() === b.code.trim()),
      `${b.where}: a JS block that is neither an identity example nor a docs/examples file`,
    );
  assert.ok(
    html.length >= 3 && node.length >= 1,
    `the README's examples were found (${docBlocks.map((b) => b.where).join(', ')})`,
  );
  // The page every example lives on carries the embed tag (README: "one script tag on every page").
  const embed = html.find((b) => /widget\.js/.test(b.code) && !/Parley\(/.test(b.code));
  assert.ok(embed, 'the README shows the embed tag');
  const { ws, secret, agent } = await requiredSite('Doc examples');

  for (const block of html) {
    const identifies = /Parley\(\s*'identify'/.test(block.code);
    // Anonymous examples go to the demo site; identifying ones to a site that requires verification.
    const siteKey = identifies ? ws.site.key : SITE_KEY;
    let code = (/widget\.js/.test(block.code) ? block.code : `${block.code}\n${embed.code}`)
      .replaceAll('https://YOUR-WORKER.example', BASE)
      .replaceAll('pk_...', siteKey);
    if (identifies) {
      const userId = /userId:\s*'([^']+)'/.exec(code)?.[1];
      assert.ok(userId, `${block.where}: identify shows a userId`);
      // Every server-side example must compute the hash this site accepts.
      const hashes = await Promise.all(node.map((server) => runNode(server.code, userId, secret)));
      hashes.forEach((hash, i) => {
        assert.match(hash, /^[0-9a-f]{64}$/, `${node[i].where} computes a hex HMAC`);
      });
      assert.equal(new Set(hashes).size, 1, `the server examples agree (${node.map((b) => b.where).join(', ')})`);
      code = code.replaceAll('<%= userHash %>', hashes[0]);
    }
    const run = await runPage(code);
    if (identifies) await expectVerified(run.w, block.where);
    // An example that registers a 'ready' listener must hear it.
    const ready = /Parley\('on', 'ready', \(\) => console\.log\('([^']+)'\)\)/.exec(code)?.[1];
    if (ready) await waitFor(() => run.logs.includes(ready), `${block.where}: "${ready}" logged by the ready listener`);
    assert.deepEqual(run.problems, [], block.where);
    await run.context.close();
  }
  await agent.context.close();
});
