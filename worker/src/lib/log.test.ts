import { env, exports } from 'cloudflare:workers';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, connect, paths, registerOwner, visitorSession, waitFor, workspaceWithSite } from '../../test/helpers';
import { log, scrub, shouldLog } from './log';

// The runtime's own console, watched (not replaced): every line Parley writes goes through it.
let lines: { level: string; text: string }[] = [];
beforeEach(() => {
  lines = [];
  for (const level of ['log', 'warn', 'error'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      lines.push({ level, text: args.map(String).join(' ') });
    });
  }
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** The structured lines of one event. */
const events = (event: string) =>
  lines.flatMap((l) => {
    try {
      const o = JSON.parse(l.text);
      return o.event === event ? [o] : [];
    } catch {
      return [];
    }
  });

describe('request logs', () => {
  it('one JSON line per request, with the cf-ray as its id, the path without its query, and the id in X-Request-Id', async () => {
    const res = await exports.default.fetch('https://parley.test/api/health?token=abc', {
      headers: { 'cf-ray': '8f1d2c3b4a5e6f70-LHR' },
    });
    expect(res.headers.get('X-Request-Id')).toBe('8f1d2c3b4a5e6f70-LHR');
    const [line] = events('request').filter((l) => l.requestId === '8f1d2c3b4a5e6f70-LHR');
    expect(line).toEqual({
      level: 'info',
      event: 'request',
      requestId: '8f1d2c3b4a5e6f70-LHR',
      method: 'GET',
      path: '/api/health',
      status: 200,
      durationMs: expect.any(Number),
    });
    expect(lines.find((l) => l.text.includes('8f1d2c3b4a5e6f70-LHR'))!.level).toBe('log');
  });

  it('without cf-ray (or with a malformed one) the id is random; errors are logged with their status', async () => {
    const res = await exports.default.fetch('https://parley.test/api/no-such-route', {
      headers: { 'cf-ray': 'x"},{"event":"fake' },
    });
    const id = res.headers.get('X-Request-Id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(events('request').find((l) => l.requestId === id)).toMatchObject({
      method: 'GET',
      path: '/api/no-such-route',
      status: 404,
    });
    expect(lines.some((l) => l.text.includes('fake'))).toBe(false);
    const unauthorised = await exports.default.fetch('https://parley.test/api/agents');
    expect(events('request').find((l) => l.requestId === unauthorised.headers.get('X-Request-Id'))).toMatchObject({
      status: 401,
    });
  });

  it('a WebSocket upgrade carries the id too', async () => {
    const { owner, site } = await workspaceWithSite();
    const res = await exports.default.fetch(`https://parley.test${paths.site(site.id)}`, {
      headers: {
        Upgrade: 'websocket',
        'Sec-WebSocket-Protocol': `parley.v1, bearer.${owner.token}`,
        Origin: 'https://shop.example',
      },
    });
    expect(res.status).toBe(101);
    expect(res.headers.get('X-Request-Id')).toBeTruthy();
    res.webSocket!.accept();
    res.webSocket!.close(1000, 'bye');
  });
});

describe('what logs never hold', () => {
  it('no token, password, email address or message body in any line; Durable Object events name the conversation', async () => {
    const password = 'correct horse battery';
    const email = `kim-${Date.now()}@example.com`;
    const reg = await api('/api/auth/register', { body: { workspace: 'Logs', name: 'Kim', email, password } });
    expect(reg.status).toBe(201);
    const login = await api('/api/auth/login', { body: { email, password } });
    const wrong = await api('/api/auth/login', { body: { email, password: 'wrong password here' } });
    expect(wrong.status).toBe(401);
    const site = (
      await api('/api/sites', {
        token: login.body.token,
        body: { name: 'Shop', allowedOrigins: ['https://shop.example'] },
      })
    ).body.site;
    const v = await visitorSession(site.key);
    const conv = (await api('/api/widget/conversations', { token: v.token, body: {} })).body.conversation;
    const a = await connect(paths.agent(conv.id), login.body.token);
    a.send({ type: 'send', clientId: 'c1', body: 'My card number is 4111 1111 1111 1111' });
    await a.next((f) => f.type === 'ack' && f.clientId === 'c1');
    await api(`/api/conversations/${conv.id}/resolve`, { token: login.body.token, method: 'POST' });
    const visitorEmail = `visitor-${Date.now()}@example.org`;
    expect(
      (await api(`/api/widget/conversations/${conv.id}/transcript`, { token: v.token, body: { email: visitorEmail } }))
        .status,
    ).toBe(202);
    await waitFor(() => events('email.sent').some((l) => l.conversationId === conv.id));
    a.close();

    expect(events('message.committed').find((l) => l.conversationId === conv.id)).toMatchObject({
      level: 'info',
      seq: expect.any(Number),
      kind: 'text',
      sender: 'agent',
    });
    expect(events('email.sent').find((l) => l.conversationId === conv.id)).toMatchObject({
      provider: 'outbox',
      kind: 'transcript',
    });
    const all = lines.map((l) => l.text).join('\n');
    for (const secret of [
      password,
      'wrong password here',
      email,
      visitorEmail,
      login.body.token,
      reg.body.token,
      v.token,
      '4111 1111',
    ]) {
      expect(all).not.toContain(secret);
    }
  });

  it('error text is scrubbed of addresses and credentials', async () => {
    const owner = await registerOwner();
    expect(scrub(`Resend refused: {"to":"kim@example.com"} Bearer re_123 ${owner.token}`)).toBe(
      'Resend refused: {"to":"[redacted]"} [redacted] [redacted]',
    );
    expect(scrub('x'.repeat(600))).toHaveLength(501);
    // drizzle puts a failed query's values (message bodies, addresses) into its error message.
    expect(scrub('Failed query: insert into "email_outbox" values (?, ?)\nparams: em_1,Ann: my secret text')).toBe(
      'Failed query: insert into "email_outbox" values (?, ?)\nparams: [redacted]',
    );
    expect(scrub('Failed query: select 1\nparams: secret\n    at run (index.js:1:1)')).toBe(
      'Failed query: select 1\nparams: [redacted]',
    );
  });

  it("a failed query's values stay out of the message and the stack, whatever lines they hold", async () => {
    // A message body that has a line starting with "at" (as a person writes) inside drizzle's params.
    const err = new Error(
      'Failed query: insert into "messages" values (?, ?)\nparams: ms_1,Meet me\nat 5pm: my card is 4111 1111 1111 1111',
    );
    const { log } = await import('./log');
    log.error('request.error', { requestId: 'r1', error: err });
    const [line] = events('request.error');
    expect(line.error).toBe('Error: Failed query: insert into "messages" values (?, ?)\nparams: [redacted]');
    expect(JSON.stringify(line)).not.toContain('4111');
    expect(line.stack).toMatch(/^\s+at /); // the frames are kept
  });

  it("keeps D1's own error, the cause drizzle wraps around it, after the redacted values", async () => {
    const err = new Error('Failed query: insert into "agents" values (?)\nparams: kim@example.com', {
      cause: new Error('D1_ERROR: UNIQUE constraint failed: agents.email: SQLITE_CONSTRAINT'),
    });
    const { log } = await import('./log');
    log.warn('projection.failed', { conversationId: 'cv_1', error: err });
    expect(events('projection.failed')[0].error).toBe(
      'Error: Failed query: insert into "agents" values (?)\nparams: [redacted] (cause: D1_ERROR: UNIQUE constraint failed: agents.email: SQLITE_CONSTRAINT)',
    );
  });
});

describe('LOG_LEVEL', () => {
  it('writes lines at or above the configured level; a missing or unknown value writes everything', () => {
    expect([shouldLog('info', 'info'), shouldLog('warn', 'info'), shouldLog('error', 'info')]).toEqual([
      true,
      true,
      true,
    ]);
    expect([shouldLog('info', 'warn'), shouldLog('warn', 'warn'), shouldLog('error', 'warn')]).toEqual([
      false,
      true,
      true,
    ]);
    expect([shouldLog('info', 'error'), shouldLog('warn', 'error'), shouldLog('error', 'error')]).toEqual([
      false,
      false,
      true,
    ]);
    expect([shouldLog('info', undefined), shouldLog('info', 'verbose'), shouldLog('info', '')]).toEqual([
      true,
      true,
      true,
    ]);
  });

  it('the logger reads it from the environment (wrangler.toml says info; npm start passes warn)', () => {
    const vars = env as { LOG_LEVEL?: string };
    expect(vars.LOG_LEVEL).toBe('info');
    try {
      vars.LOG_LEVEL = 'warn';
      log.info('email.sent', { provider: 'outbox' });
      log.warn('email.failed', { provider: 'outbox' });
    } finally {
      vars.LOG_LEVEL = 'info';
    }
    expect(events('email.sent')).toEqual([]);
    expect(events('email.failed')).toEqual([{ level: 'warn', event: 'email.failed', provider: 'outbox' }]);
  });
});
