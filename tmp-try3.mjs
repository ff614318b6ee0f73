import { chromium } from 'playwright-core';
const BASE = 'http://127.0.0.1:8787';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const log = (...a) => console.log(...a);
try {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 800 } });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => log('page error:', e.message));
  await page.goto(`${BASE}/accept-invite?token=bogus`);
  await page.fill('[data-testid="accept-password"]', 'whatever-long');
  await page.click('[data-testid="accept-submit"]');
  await page.waitForSelector('.error-text');
  log('accept error', await page.locator('.error-text').textContent());
  await page.screenshot({ path: '/tmp/shot-accept.png' });
  await page.goto(`${BASE}/login`);
  await page.fill('[data-testid="email"]', 'demo@parley.local');
  await page.fill('[data-testid="password"]', 'parley-demo');
  await page.click('[data-testid="login-submit"]');
  await page.waitForSelector('[data-testid="tab-active"]');
  await page.locator('[data-testid="conversation-row"]').first().click();
  await page.waitForSelector('[data-testid="status"]');
  await page.waitForTimeout(500);
  await page.screenshot({ path: '/tmp/shot-narrow.png' });
  log('sidebar visible', await page.locator('[data-testid="visitor-sidebar"]').isVisible());
  await page.click('.sidebar-toggle'); log('open visible', await page.locator('[data-testid="visitor-sidebar"]').isVisible());
  await page.waitForTimeout(300);
  await page.screenshot({ path: '/tmp/shot-narrow-open.png' });
  await page.click('[data-testid="nav-team"]');
  await page.waitForSelector('[data-testid="agent-row"]');
  await page.screenshot({ path: '/tmp/shot-team-narrow.png', fullPage: true });
} finally {
  await browser.close();
}
