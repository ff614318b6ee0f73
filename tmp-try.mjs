import { chromium } from 'playwright-core';
const BASE = 'http://127.0.0.1:8787';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const log = (...a) => console.log(...a);
try {
  // visitor
  const vctx = await browser.newContext();
  const v = await vctx.newPage();
  await v.goto(`${BASE}/demo/`);
  const root = v.locator('#parley-widget');
  await root.locator('[data-parley="launcher"]').click();
  const text = 'Hello I need help ' + Date.now();
  await root.locator('[data-parley="input"]').fill(text);
  await root.locator('[data-parley="input"]').press('Enter');
  // agent
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await ctx.newPage();
  page.on('console', (m) => m.type() === 'error' && log('console error:', m.text()));
  page.on('pageerror', (e) => log('page error:', e.message));
  await page.goto(`${BASE}/login`);
  await page.fill('[data-testid="email"]', 'demo@parley.local');
  await page.fill('[data-testid="password"]', 'parley-demo');
  await page.click('[data-testid="login-submit"]');
  await page.waitForSelector('[data-testid="tab-active"]');
  const row = page.locator('[data-testid="conversation-row"]').filter({ hasText: text.slice(0, 20) }).first();
  await row.waitFor({ timeout: 15000 });
  log('row status', await row.getAttribute('data-status'));
  await row.click();
  await page.waitForSelector('[data-testid="status"]');
  log('status', await page.locator('[data-testid="status"]').textContent(), await page.locator('[data-testid="assignee"]').textContent());
  await page.waitForSelector('[data-testid="visitor-browser"]');
  await page.waitForTimeout(500);
  await page.screenshot({ path: '/tmp/shot-conv-1.png' });
  for (const id of ['claim', 'assign', 'transfer', 'resolve', 'close', 'reopen']) log(id, await page.locator(`[data-testid="${id}"]`).count());
  if (await page.locator('[data-testid="claim"]').count()) {
    await page.click('[data-testid="claim"]');
    await page.waitForSelector('[data-testid="status"][data-status="active"]', { timeout: 5000 }).catch((e) => log('claim fail', e.message));
  }
  log('after claim', await page.locator('[data-testid="status"]').textContent(), await page.locator('[data-testid="assignee"]').textContent());
  await page.selectOption('select[data-testid="priority"]', 'urgent');
  await page.fill('[data-testid="tag-input"]', 'VIP, billing');
  await page.press('[data-testid="tag-input"]', 'Enter');
  await page.waitForSelector('[data-testid="tag"]', { timeout: 5000 }).catch((e) => log('tag fail', e.message));
  await page.fill('[data-testid="notes"]', 'Customer since 2020');
  await page.click('[data-testid="conversation-title"]');
  await page.waitForTimeout(800);
  log('tags', await page.locator('[data-testid="tag"]').allTextContents());
  await page.click('[data-testid="transfer"]');
  log('picker options', await page.locator('select[data-testid="agent-picker"] option').allTextContents());
  await page.screenshot({ path: '/tmp/shot-conv-2.png' });
  await page.click('[data-testid="resolve"]');
  await page.waitForSelector('[data-testid="status"][data-status="resolved"]', { timeout: 5000 }).catch((e) => log('resolve fail', e.message));
  await page.waitForTimeout(800);
  log('system msgs', await page.locator('[data-testid="message"][data-sender="system"]').allTextContents());
  log('error texts', await page.locator('.error-text').allTextContents());
  await page.screenshot({ path: '/tmp/shot-conv-3.png' });
  await page.click('[data-testid="nav-team"]');
  await page.waitForSelector('[data-testid="agent-row"]');
  await page.screenshot({ path: '/tmp/shot-team.png', fullPage: true });
  await page.click('[data-testid="nav-dashboard"]');
  await page.waitForSelector('[data-testid="stat-open"]', { timeout: 8000 }).catch((e) => log('dash fail', e.message));
  await page.screenshot({ path: '/tmp/shot-dash.png', fullPage: true });
  log('errors on dash', await page.locator('.error-text').allTextContents());
} finally {
  await browser.close();
}
