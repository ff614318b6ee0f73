// The deploy script's pure parts: the generated config, the email check, the origins read from wrangler's output.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pagesCsp } from './build.mjs';
import { deployConfig } from './config.mjs';
import { addressOf, checkEmail, resolveOptions, swallowedByNpm } from './options.mjs';
import { pagesOriginsOf } from './remote.mjs';
import { workersDevOrigin } from './run.mjs';

const raw = {
  name: 'parley',
  main: 'worker/src/index.ts',
  assets: { directory: 'dist', binding: 'ASSETS' },
  vars: { PUBLIC_URL: '', SIGNUP: 'invite-only' },
  d1_databases: [
    {
      binding: 'DB',
      database_name: 'parley',
      database_id: '00000000-0000-0000-0000-000000000000',
      migrations_dir: 'migrations',
    },
  ],
};

describe('deployConfig', () => {
  it('drops the placeholder D1 id, keeps a real one, and points paths from the deploy directory', () => {
    const c = deployConfig(raw, {
      root: '/repo',
      dir: '/repo/.deploy',
      assetsDir: '/repo/.deploy/dist',
      vars: { PUBLIC_URL: 'https://x.dev' },
    });
    expect(c.d1_databases).toEqual([{ binding: 'DB', database_name: 'parley', migrations_dir: '../migrations' }]);
    expect(c).toMatchObject({
      main: '../worker/src/index.ts',
      assets: { directory: 'dist', binding: 'ASSETS' },
      vars: { PUBLIC_URL: 'https://x.dev', SIGNUP: 'invite-only' },
    });
    const real = {
      ...raw,
      d1_databases: [{ ...raw.d1_databases[0], database_id: '6f1c2a4e-0000-4000-8000-000000000001' }],
    };
    expect(
      deployConfig(real, { root: '/repo', dir: '/tmp/d', assetsDir: '/tmp/d/dist', vars: {} }).d1_databases[0],
    ).toMatchObject({ database_id: '6f1c2a4e-0000-4000-8000-000000000001', migrations_dir: '../../repo/migrations' });
    expect(raw.d1_databases[0].database_id).toBe('00000000-0000-0000-0000-000000000000'); // the committed config untouched
  });
});

describe('the email check', () => {
  const email = (over) => ({ provider: undefined, explicitOutbox: false, ...over });
  it('reads the address of a sender', () => {
    expect(addressOf('Acme Support <support@acme.com>')).toBe('support@acme.com');
    expect(addressOf('support@acme.com')).toBe('support@acme.com');
    expect(addressOf('Acme Support')).toBeNull();
  });
  it('takes a real domain, defaults the reply domain to it, and refuses placeholders', () => {
    expect(checkEmail(email({ provider: 'cloudflare', from: 'Acme <hi@mail.acme.com>' }))).toEqual({
      EMAIL_PROVIDER: 'cloudflare',
      EMAIL_FROM: 'Acme <hi@mail.acme.com>',
      EMAIL_REPLY_DOMAIN: 'mail.acme.com',
    });
    expect(
      checkEmail(email({ provider: 'cloudflare', from: 'hi@acme.com', replyDomain: 'example.com' })),
    ).toBeInstanceOf(Error);
    expect(checkEmail(email({ provider: 'resend' }))).toBeInstanceOf(Error);
    expect(checkEmail(email({ provider: 'smtp', from: 'hi@acme.com' }))).toBeInstanceOf(Error);
  });
  it('takes the outbox only when it was asked for on this run', () => {
    expect(checkEmail(email({ provider: 'outbox' }))).toBeInstanceOf(Error); // e.g. from saved settings
    expect(checkEmail(resolveOptions({ email: 'outbox' }, {}, {}).email)).toMatchObject({ EMAIL_PROVIDER: 'outbox' });
    expect(checkEmail(resolveOptions({}, { PARLEY_EMAIL: 'outbox' }, {}).email)).toMatchObject({
      EMAIL_PROVIDER: 'outbox',
    });
  });
});

describe('--origin and --domain', () => {
  const resolve = (flags) => resolveOptions(flags, {}, {});
  it('take an https origin or a host name, lowercased, a trailing slash dropped', () => {
    expect(resolve({ origin: 'https://Chat.Acme.com/' }).origin).toBe('https://chat.acme.com');
    expect(resolve({ origin: 'https://chat.acme.com:8443' }).origin).toBe('https://chat.acme.com:8443');
    expect(resolve({ domain: 'Chat.Acme.com' })).toMatchObject({
      domain: 'chat.acme.com',
      origin: 'https://chat.acme.com',
    });
  });
  it('refuse what would make PUBLIC_URL a broken link or send the console over http', () => {
    for (const origin of [
      'http://chat.acme.com',
      'https://chat.acme.com?x=1',
      'https://chat.acme.com#x',
      'https://user:pw@chat.acme.com',
      'https://chat.acme.com/path',
      'chat.acme.com',
      '',
    ]) {
      expect(() => resolve({ origin }), origin).toThrow(/--origin must be an https origin/);
    }
    for (const domain of ['https://chat.acme.com', 'chat.acme.com/', '*.acme.com', 'localhost']) {
      expect(() => resolve({ domain }), domain).toThrow(/--domain must be a host name/);
    }
  });
});

describe('flags npm keeps', () => {
  it('names the deploy options npm took (npm run deploy --dry-run, without --)', () => {
    expect(
      swallowedByNpm({ npm_config_dry_run: 'true', npm_config_skip_build: 'true', npm_config_cache: '/x' }),
    ).toEqual(['dry-run', 'skip-build']);
    expect(swallowedByNpm({})).toEqual([]);
  });
});

describe('origins', () => {
  it("finds the workers.dev URL among a deploy's targets", () => {
    const entries = [
      { type: 'wrangler-session' },
      { type: 'deploy', targets: ['chat.acme.com (custom domain)', 'https://parley.acme.workers.dev'] },
    ];
    expect(workersDevOrigin(entries)).toBe('https://parley.acme.workers.dev');
    expect(workersDevOrigin([{ type: 'deploy', targets: [] }])).toBeNull();
  });
  it("lists a Pages project's origins, pages.dev first", () => {
    const list = [
      { 'Project Name': 'other', 'Project Domains': 'other.pages.dev' },
      { 'Project Name': 'parley-console', 'Project Domains': 'console.acme.com, parley-console-x.pages.dev' },
    ];
    expect(pagesOriginsOf(list, 'parley-console')).toEqual([
      'https://parley-console-x.pages.dev',
      'https://console.acme.com',
    ]);
    expect(pagesOriginsOf(list, 'missing')).toBeNull();
  });
  it('lets the Pages console connect to the API and its sockets, nothing else', () => {
    const headers = "/*\n  Content-Security-Policy: default-src 'self'; connect-src 'self'; frame-ancestors 'none'\n";
    expect(pagesCsp(headers, 'https://parley.acme.workers.dev')).toBe(
      "default-src 'self'; connect-src 'self' https://parley.acme.workers.dev wss://parley.acme.workers.dev; frame-ancestors 'none'",
    );
    expect(() => pagesCsp('/*\n', 'https://x')).toThrow(/connect-src/);
  });
});

describe('docs/operations.md', () => {
  it('runs D1 commands on the deployed database through the generated config (wrangler.toml has a placeholder id)', () => {
    const text = readFileSync(new URL('../../docs/operations.md', import.meta.url), 'utf8').replace(/\n(?!\n)/g, ' ');
    const commands = [...text.matchAll(/npx wrangler d1 [^`#]*/g)].map((m) => m[0]);
    expect(commands.length).toBeGreaterThanOrEqual(3);
    for (const c of commands) expect(c, c).toContain('-c .deploy/wrangler.json');
  });
});
