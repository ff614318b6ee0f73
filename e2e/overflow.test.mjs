// Long user-provided text never breaks the layout (issue 9, item 11): very long names, emails, tags, titles,
// URLs, file names, canned and article titles and department names are fed to every console view and to
// the widget, at 1280 and 390 px. The page must never scroll sideways, and no box showing that text may
// overflow (text wraps, or is cut with an ellipsis and readable in a title, or scrolls inside a code block).
import assert from 'node:assert/strict';
import { createHmac, randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { agentSocket, freshWorkspace } from './clients.mjs';
import {
  BASE,
  TIMEOUT,
  api,
  expectAgentsOnline,
  launch,
  loginAgent,
  openHost,
  waitFor,
  waitForLive,
} from './browser.mjs';
import { check } from './layout.mjs';

let browser;
const sockets = [];
before(async () => (browser = await launch()));
after(async () => {
  sockets.forEach((s) => {
    s.close();
  });
  await browser?.close();
});

// Every long string carries "zq" (case-insensitive) so the check knows which text is the user's.
const word = (n, base = 'Zqbartholomew') => base.repeat(Math.ceil(n / base.length)).slice(0, n);
const id = randomUUID().slice(0, 6);
const LONG = {
  name: word(100),
  // 154 characters, a valid address: 60 + '@' + 93.
  email: `${word(60, 'zqlongaddress')}@${'y'.repeat(60)}.${'w'.repeat(24)}.example`,
  url: `https://shop.example.com/${word(300, 'zqcategory-')}?ref=${word(120, 'zqcampaign')}`,
  tag: (i) => `${i}${word(39, 'zqtag')}`,
  title: word(100, 'ZqTitle'),
  file: `${word(180, 'zqinvoice_')}.txt`,
  dept: word(100, 'ZqDepartment'),
};

test('very long names, emails, tags, titles, URLs and file names fit every console view and the widget', async () => {
  // A workspace whose every name is long: owner, workspace, site, department, invited agent.
  const ws = await freshWorkspace('Overflow');
  const { token, site } = ws;
  const ok = (r, what, status = [200, 201]) =>
    assert.ok(status.includes(r.status), `${what}: ${r.status} ${JSON.stringify(r.body)}`);
  ok(await api('/api/auth/me', { token }), 'me');
  const owner = (await api('/api/auth/me', { token })).body.agent;
  ok(await api(`/api/agents/${owner.id}`, { method: 'PATCH', token, body: { name: LONG.name } }), 'rename the owner');
  ok(await api(`/api/sites/${site.id}`, { method: 'PATCH', token, body: { name: LONG.title } }), 'rename the site');
  const dept = await api('/api/departments', { method: 'POST', token, body: { name: LONG.dept } });
  ok(dept, 'department');
  ok(
    await api('/api/agents', {
      method: 'POST',
      token,
      body: { name: word(100, 'ZqInvitee'), email: `${word(60, 'zqinvitee')}@${'v'.repeat(60)}.example` },
    }),
    'invite',
  );
  // A second, active colleague with a long name: the transfer picker lists them.
  const colleague = await api('/api/agents', {
    method: 'POST',
    token,
    body: { name: word(100, 'ZqColleague'), email: `zqcolleague-${id}@e2e.parley.local` },
  });
  ok(colleague, 'invite a colleague');
  ok(
    await api('/api/auth/accept-invite', {
      method: 'POST',
      body: { token: new URL(colleague.body.inviteUrl).searchParams.get('token'), password: `pw-${randomUUID()}` },
    }),
    'accept the invitation',
  );
  ok(
    await api('/api/canned-responses', {
      method: 'POST',
      token,
      body: {
        title: LONG.title,
        shortcut: word(40, 'zqshort').toLowerCase(),
        category: word(50, 'ZqCategory'),
        content: `${word(600, 'Zqcontent')} ${LONG.url}`,
      },
    }),
    'canned',
  );
  const article = await api('/api/articles', {
    method: 'POST',
    token,
    body: {
      title: word(200, 'ZqArticle'),
      category: word(50, 'ZqCat'),
      tags: [LONG.tag(1), LONG.tag(2)],
      content: `${word(800, 'Zqbody')} ${LONG.url}`,
    },
  });
  ok(article, 'article');

  // The unread-reply email (to the long address) goes out within seconds, for the outbox view; the widget's texts are long too.
  ok(
    await api(`/api/sites/${site.id}`, {
      method: 'PATCH',
      token,
      body: {
        settings: {
          unreadEmailMinutes: 0.05,
          title: word(60, 'ZqTeam'),
          greeting: word(300, 'ZqGreeting'),
          launcherText: word(30, 'ZqLaunch'),
        },
      },
    }),
    'email delay, long widget texts',
  );
  // A verified visitor with a long name and email, on a long URL, with long messages and a long file name.
  const secret = (await api(`/api/sites/${site.id}/identity-secret`, { method: 'POST', token })).body.secret;
  const userId = `zq-user-${id}`;
  const user = {
    id: userId,
    hash: createHmac('sha256', secret).update(userId).digest('hex'),
    name: LONG.name,
    email: LONG.email,
  };
  const session = await api('/api/widget/session', {
    method: 'POST',
    origin: BASE,
    body: { siteKey: site.key, user, page: { url: LONG.url, title: word(300, 'ZqPageTitle') } },
  });
  ok(session, 'visitor session');
  const vtoken = session.body.token;
  const started = await api('/api/widget/conversations', {
    method: 'POST',
    origin: BASE,
    token: vtoken,
    body: { message: `${word(500, 'Zqhello')} ${LONG.url}` },
  });
  ok(started, 'conversation');
  const convId = started.body.conversation.id;
  const upload = await fetch(`${BASE}/api/widget/conversations/${convId}/files`, {
    method: 'POST',
    body: 'zq file',
    headers: {
      Authorization: `Bearer ${vtoken}`,
      Origin: BASE,
      'Content-Type': 'text/plain',
      'X-Filename': encodeURIComponent(LONG.file),
    },
  });
  assert.equal(upload.status, 201, `upload: ${await upload.text()}`);
  ok(
    await api(`/api/conversations/${convId}/assign`, { method: 'POST', token, body: { agentId: owner.id } }),
    'assign',
  );
  ok(
    await api(`/api/conversations/${convId}`, {
      method: 'PATCH',
      token,
      body: {
        tags: [LONG.tag(1), LONG.tag(2), LONG.tag(3)],
        notes: `${word(400, 'Zqnote')} ${LONG.url}`,
        departmentId: dept.body.department.id,
      },
    }),
    'tags, notes, department',
  );
  const agentWs = await agentSocket(convId, token);
  sockets.push(agentWs);
  await agentWs.send(`${word(300, 'Zqreply')} ${LONG.url}`);
  await agentWs.send(word(300, 'Zqnoteinternal'), 'note');

  // The console, as the owner.
  const context = await browser.newContext();
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  await loginAgent(page, ws);
  const t = (tid) => page.locator(`[data-testid="${tid}"]`);
  const problems = [];
  const visit = async (path, ready, label, prepare) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${BASE}${path}`);
    await ready();
    problems.push(...(await check(page, label, prepare)));
  };
  await visit('/', () => t('conversation-row').first().waitFor(), 'inbox');
  await visit(
    `/conversations/${convId}`,
    async () => {
      await t('composer').waitFor();
      await waitForLive(page);
      await page.locator('[data-testid="message"][data-kind="file"]').waitFor();
    },
    'conversation',
    async (width) => {
      // On phones the sidebar is a drawer behind the header's button.
      if (width < 760 && !(await t('visitor-sidebar').isVisible())) await page.locator('.sidebar-toggle').click();
    },
  );
  await visit(
    `/conversations/${convId}`,
    async () => {
      await t('composer').waitFor();
      await t('kb-open').click();
      await t('kb-search').fill('ZqArticle');
      await t('kb-result').first().waitFor();
    },
    'conversation with the knowledge base',
  );
  await visit(
    `/conversations/${convId}`,
    async () => {
      await t('composer').click();
      await t('composer').pressSequentially('/zqshort');
      await t('canned-option').first().waitFor();
    },
    'conversation with the canned picker',
    async () => {
      // Checked only while the picker is really open (a click on the composer re-reads the `/zqshort` token).
      if (!(await t('canned-picker').isVisible())) await t('composer').click();
      await t('canned-option').first().waitFor();
    },
  );
  await visit(
    `/conversations/${convId}`,
    async () => {
      await t('transfer').click();
      await t('agent-picker').waitFor();
    },
    'conversation with the transfer picker',
  );
  await visit('/dashboard', () => t('nav-dashboard').waitFor(), 'dashboard');
  await visit(
    '/team',
    () =>
      page
        .getByText(/Zqinvitee/i)
        .first()
        .waitFor(),
    'team',
  );
  await visit('/settings', () => t('install-snippet').waitFor(), 'settings');
  await visit('/canned', () => t('canned-row').first().waitFor(), 'canned');
  await visit('/kb', () => t('article-row').first().waitFor(), 'kb');
  // The unread-reply email is sent a few seconds after the reply: wait for it behind the UI, then show the page.
  await waitFor(
    async () => (await api('/api/dev/outbox', { token })).body?.emails?.some((e) => e.to === LONG.email),
    'the unread-reply email to the long address',
  );
  await visit('/outbox', () => page.locator('.outbox-row-to', { hasText: LONG.email }).first().waitFor(), 'outbox');

  // The widget, as the same verified visitor on a page of the site: the history with the long texts.
  const agentOnline = await expectAgentsOnline(site.key).then(
    () => true,
    () => false,
  );
  assert.ok(agentOnline, "the owner's console is online");
  const host = await openHost(browser, {
    siteKey: site.key,
    script: `Parley('identify', ${JSON.stringify({ userId, userHash: user.hash, name: user.name, email: user.email })}); Parley('open');`,
  });
  const { w } = host;
  await w.panel.waitFor({ state: 'visible' });
  await w.waitOnline();
  const text = `${word(300, 'Zqwidget')} ${LONG.url}`;
  await w.write(text);
  await w.page
    .locator('#parley-widget [data-parley="file-input"]')
    .setInputFiles({ name: LONG.file, mimeType: 'text/plain', buffer: Buffer.from('zq') });
  // The agent (long name) answers in the widget's conversation with a long URL.
  let row;
  await waitFor(
    async () =>
      (row = (await api(`/api/sites/${site.id}/conversations`, { token })).body.conversations?.find(
        (c) => c.id !== convId,
      )),
    "the widget's conversation in the inbox",
  );
  const widgetWs = await agentSocket(row.id, token);
  sockets.push(widgetWs);
  await widgetWs.send(`${word(200, 'Zqanswer')} ${LONG.url}`);
  await waitFor(
    async () => (await w.messages.count()) >= 3,
    async () => `3 messages in the widget (there are ${await w.messages.count()})`,
  );
  problems.push(...(await check(host.page, 'widget', () => host.w.open())));
  await host.context.close();
  await context.close();
  assert.deepEqual(problems, [], `layout problems:\n${problems.join('\n')}`);
});
