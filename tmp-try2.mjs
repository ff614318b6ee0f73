import { chromium } from 'playwright-core';
const BASE = 'http://127.0.0.1:8787';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const log = (...a) => console.log(...a);
const watch = (page, who) => { page.on('pageerror', (e) => log(who, 'page error:', e.message)); page.on('response', (r) => r.status() >= 400 && log(who, 'HTTP', r.status(), r.request().method(), r.url())); };
try {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await ctx.newPage(); watch(page, 'A');
  await page.goto(`${BASE}/login`);
  await page.fill('[data-testid="email"]', 'demo@parley.local');
  await page.fill('[data-testid="password"]', 'parley-demo');
  await page.click('[data-testid="login-submit"]');
  await page.waitForSelector('[data-testid="tab-active"]');
  // invite
  await page.click('[data-testid="nav-team"]');
  const email = `helper${Date.now()}@example.com`;
  await page.fill('[data-testid="invite-name"]', 'Helper Bee');
  await page.fill('[data-testid="invite-email"]', email);
  await page.selectOption('select[data-testid="invite-role"]', 'agent');
  await page.fill('[data-testid="invite-max"]', '3');
  await page.click('[data-testid="invite-submit"]');
  const url = await page.locator('[data-testid="invite-url"]').textContent({ timeout: 8000 });
  log('invite url', url);
  // departments
  const dname = 'Billing ' + Date.now() % 1000;
  await page.fill('[data-testid="department-name"]', dname);
  await page.check('[data-testid="department-autoassign"]');
  await page.click('[data-testid="department-create"]');
  await page.locator('[data-testid="department-row"]', { hasText: dname }).waitFor();
  log('departments', await page.locator('[data-testid="department-row"]').count());
  // accept invite
  const bctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const b = await bctx.newPage(); watch(b, 'B');
  await b.goto(url);
  await b.fill('[data-testid="accept-password"]', 'helper-password');
  await b.click('[data-testid="accept-submit"]');
  await b.waitForSelector('[data-testid="tab-active"]', { timeout: 10000 });
  log('B url', b.url(), 'me', await b.locator('.me').textContent());
  await b.click('[data-testid="nav-team"]');
  await b.waitForSelector('[data-testid="agent-row"]');
  log('B read-only', await b.locator('[data-testid="team-read-only"]').count(), 'deactivate buttons', await b.locator('[data-testid="agent-deactivate"]').count());
  await page.waitForTimeout(1000);
  log('A sees agent rows', await page.locator('[data-testid="agent-row"]').count(), await page.locator('[data-testid="agent-row"]', { hasText: 'Helper Bee' }).locator('[data-testid="agent-status"]').allTextContents());
  await page.screenshot({ path: '/tmp/shot-team2.png', fullPage: true });
  // conversation: transfer to helper
  await page.click('[data-testid="nav-inbox"]');
  await page.selectOption('select[data-testid="filter-status"]', 'active');
  await page.waitForTimeout(800);
  log('active filter rows', await page.locator('[data-testid="conversation-row"]').evaluateAll((els) => els.map((e) => e.dataset.status).join(',')));
  await page.selectOption('select[data-testid="filter-status"]', 'waiting');
  await page.waitForTimeout(800);
  log('waiting filter rows', await page.locator('[data-testid="conversation-row"]').evaluateAll((els) => els.map((e) => e.dataset.status).join(',')));
  await page.locator('[data-testid="conversation-row"]').first().click();
  await page.waitForSelector('[data-testid="assign"]');
  await page.click('[data-testid="assign"]');
  log('picker', await page.locator('select[data-testid="agent-picker"] option').allTextContents());
  const helperId = await page.locator('select[data-testid="agent-picker"] option', { hasText: 'Helper Bee' }).getAttribute('value');
  await page.selectOption('select[data-testid="agent-picker"]', helperId);
  await page.click('[data-testid="assign-submit"]');
  await page.waitForSelector('[data-testid="status"][data-status="active"]', { timeout: 5000 }).catch((e) => log('assign fail', e.message));
  log('assignee', await page.locator('[data-testid="assignee"]').textContent());
  await page.waitForTimeout(500);
  log('rows after assign (waiting filter)', await page.locator('[data-testid="conversation-row"]').count());
  await page.click('[data-testid="transfer"]');
  const demoOpt = await page.locator('select[data-testid="agent-picker"] option').allTextContents();
  log('transfer options', demoOpt);
  await page.fill('[data-testid="transfer-note"]', 'Please take over, billing question');
  await page.click('[data-testid="transfer-submit"]');
  await page.waitForTimeout(1000);
  log('assignee after transfer', await page.locator('[data-testid="assignee"]').textContent());
  for (const a of ['resolve', 'reopen', 'close', 'reopen']) {
    const n = await page.locator(`[data-testid="${a}"]`).count();
    if (!n) { log('no button', a); continue; }
    await page.click(`[data-testid="${a}"]`);
    await page.waitForTimeout(700);
    log(a, '->', await page.locator('[data-testid="status"]').getAttribute('data-status'), await page.locator('.workflow .error-text').allTextContents());
  }
  log('system', await page.locator('[data-testid="message"][data-sender="system"] [data-testid="body"]').allTextContents());
  log('notes msgs', await page.locator('[data-testid="message"][data-kind="note"] [data-testid="body"]').allTextContents());
  await page.selectOption('select[data-testid="department"]', { label: dname });
  await page.waitForTimeout(600);
  log('department now', await page.locator('select[data-testid="department"]').inputValue());
  await page.screenshot({ path: '/tmp/shot-conv-4.png' });
  // search
  await page.selectOption('select[data-testid="filter-status"]', '');
  await page.fill('[data-testid="search"]', 'Norway');
  await page.waitForTimeout(1200);
  log('search rows', await page.locator('[data-testid="conversation-row"] [data-testid="preview"]').allTextContents());
  await page.screenshot({ path: '/tmp/shot-search.png' });
  // deactivate helper
  await page.click('[data-testid="nav-team"]');
  const hrow = page.locator('[data-testid="agent-row"]', { hasText: 'Helper Bee' }).first();
  await hrow.locator('[data-testid="agent-deactivate"]').click();
  await page.waitForTimeout(700);
  log('helper active', await hrow.getAttribute('data-active'));
  // delete department
  page.once('dialog', (d) => d.accept());
  await page.locator('[data-testid="department-row"]', { hasText: dname }).locator('[data-testid="department-delete"]').click();
  await page.waitForTimeout(800);
  log('departments after delete', await page.locator('[data-testid="department-row"]').count());
  await page.click('[data-testid="nav-dashboard"]');
  await page.waitForSelector('[data-testid="stat-open"]');
  log('stats', await page.locator('[data-testid^="stat-"]').evaluateAll((els) => els.map((e) => `${e.dataset.testid}=${e.textContent}|${e.dataset.value}`)));
  await page.screenshot({ path: '/tmp/shot-dash2.png', fullPage: true });
} finally {
  await browser.close();
}
