// `npm run deploy` against a fake wrangler (fake-wrangler.mjs) holding a pretend Cloudflare account: the order of the
// steps, what is shipped, the refusals, and that a second run upgrades without regenerating the secret.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkerAssets } from './build.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fake = fileURLToPath(new URL('./fake-wrangler.mjs', import.meta.url));
const EMAIL = ['--email', 'cloudflare', '--email-from', 'Acme Support <support@acme.com>'];
let tmp;
let built;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'parley-deploy-'));
  built = join(tmp, 'built');
  buildWorkerAssets(root, join(built, 'dist'));
}, 120_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A pretend account; `over` changes it. Returns a scenario: its deploy dir, and run() to deploy into it. */
function scenario(name, over = {}) {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  const statePath = join(dir, 'state.json');
  const logPath = join(dir, 'calls.jsonl');
  writeFileSync(
    statePath,
    JSON.stringify({
      loggedIn: true,
      accounts: [{ id: 'acc1', name: 'Acme' }],
      databases: [],
      buckets: [],
      workers: {},
      pages: {},
      workspaces: 0,
      subdomain: 'acme',
      ...over,
    }),
  );
  const deployDir = join(dir, 'deploy');
  // The build is shared (--skip-build reuses it): each scenario gets its own copy of dist.
  spawnSync('cp', ['-r', built, deployDir]);
  return {
    deployDir,
    state: () => JSON.parse(readFileSync(statePath, 'utf8')),
    /** Runs `npm run deploy -- ...args`; returns its exit code, output and the wrangler calls it made. */
    run(args, env = {}) {
      writeFileSync(logPath, '');
      const r = spawnSync(process.execPath, [join(root, 'scripts/deploy.mjs'), ...args], {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          WRANGLER: fake,
          PARLEY_DEPLOY_DIR: deployDir,
          FAKE_WRANGLER_STATE: statePath,
          FAKE_WRANGLER_LOG: logPath,
          PARLEY_EMAIL: '',
          RESEND_API_KEY: '',
          ...env,
        },
      });
      const calls = readFileSync(logPath, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l));
      return {
        status: r.status,
        out: r.stdout + r.stderr,
        calls,
        names: calls.map((c) =>
          c.args
            .slice(0, ['deploy', 'whoami'].includes(c.args[0]) ? 1 : 3)
            .filter((a) => !a.startsWith('/'))
            .join(' '),
        ),
      };
    },
  };
}

describe('npm run deploy -- --dry-run', () => {
  it("builds, validates the config with wrangler's own dry run and shows every step, without an account", () => {
    const s = scenario('dry', { loggedIn: false });
    const real = join(root, 'node_modules/.bin/wrangler');
    const r = s.run(['--dry-run', ...EMAIL], { FAKE_WRANGLER_REAL: real });
    expect(r.status, r.out).toBe(0);
    // Only lookups and wrangler's own validation ran.
    expect(r.calls.map((c) => c.args.join(' '))).toEqual([
      'whoami --json',
      `deploy --dry-run -c ${s.deployDir}/wrangler.json --outdir ${s.deployDir}/bundle`,
    ]);
    const shown = [...r.out.matchAll(/would run: wrangler (\S+ \S+ \S+)/g)].map((m) => m[1]);
    expect(shown).toEqual([`deploy -c ${s.deployDir}/wrangler.json`, 'd1 migrations apply', 'd1 execute DB']);
    expect(r.out).toContain('the configuration and the Worker bundle are valid');
    expect(r.out).toMatch(/env\.DB \(parley\)\s+D1 Database/); // wrangler's own list of the bindings it would deploy
    expect(r.out).toContain('npx wrangler login');
    const config = JSON.parse(readFileSync(join(s.deployDir, 'wrangler.json'), 'utf8'));
    expect(config.d1_databases[0]).not.toHaveProperty('database_id'); // found by name or provisioned
    expect(config.vars).toMatchObject({
      EMAIL_PROVIDER: 'cloudflare',
      EMAIL_REPLY_DOMAIN: 'acme.com',
      SIGNUP: 'invite-only',
      PARLEY_COUNTERS: '',
      LOG_LEVEL: 'info',
      WEBHOOK_ALLOW_LOCAL: '',
    });
  }, 120_000);

  it('refuses without an email choice, and takes the outbox only when asked for, loudly', () => {
    const s = scenario('email');
    const none = s.run(['--dry-run', '--skip-build']);
    expect(none.status).toBe(1);
    expect(none.out).toContain('Choose how the deployment sends email');
    expect(none.calls).toEqual([]);
    const placeholder = s.run([
      '--dry-run',
      '--skip-build',
      '--email',
      'resend',
      '--email-from',
      'support@parley.local',
    ]);
    expect(placeholder.status).toBe(1);
    expect(placeholder.out).toContain('parley.local is not a domain');
    const outbox = s.run(['--dry-run', '--skip-build', '--email', 'outbox']);
    expect(outbox.status, outbox.out).toBe(0);
    expect(outbox.out).toContain('this deployment sends NO email');
  }, 60_000);

  it('refuses options npm kept for itself: `npm run deploy --dry-run` without `--` must not deploy for real', () => {
    const s = scenario('npm-flags');
    // What npm passes to the script for `npm run deploy --dry-run --console-pages`: no argv, npm_config_* instead.
    const r = s.run(['--skip-build', ...EMAIL], { npm_config_dry_run: 'true', npm_config_console_pages: 'true' });
    expect(r.status).toBe(2);
    expect(r.out).toContain('npm kept --dry-run --console-pages for itself (nothing was deployed)');
    expect(r.out).toContain('npm run deploy -- --dry-run --console-pages');
    expect(r.calls).toEqual([]);
  });

  it('never ships the local demo page', () => {
    const s = scenario('demo');
    mkdirSync(join(s.deployDir, 'dist/demo'));
    writeFileSync(join(s.deployDir, 'dist/demo/index.html'), '<script src="/widget.js" data-site="pk_local"></script>');
    const r = s.run(['--dry-run', '--skip-build', ...EMAIL]);
    expect(r.status).toBe(1);
    expect(r.out).toContain('local demo page');
  });
});

describe('npm run deploy', () => {
  it('tells the user to log in', () => {
    const r = scenario('nologin', { loggedIn: false }).run(['--skip-build', ...EMAIL]);
    expect(r.status).toBe(1);
    expect(r.out).toContain('run `npx wrangler login`');
    expect(r.names).toEqual(['whoami']);
  });

  it('deploys from nothing, then upgrades on a second run: migrations first, the secret kept', () => {
    const s = scenario('fresh');
    const first = s.run(['--skip-build', ...EMAIL]);
    expect(first.status, first.out).toBe(0);
    expect(first.names).toEqual([
      'whoami',
      'd1 list --json',
      'r2 bucket info',
      'secret list --name',
      'deploy',
      'd1 migrations apply',
      'deploy',
      'd1 execute DB',
    ]);
    const [deploy1, deploy2] = first.calls.filter((c) => c.args[0] === 'deploy');
    // AUTH_SECRET goes up with the first version (64 hex characters), its value never written to disk.
    expect(deploy1.secrets).toEqual({ AUTH_SECRET: 64 });
    expect(deploy1.secretsFileContent).toBe('AUTH_SECRET=\n');
    expect(deploy1.assets.some((f) => f.startsWith('demo/'))).toBe(false);
    expect(deploy1.assets).toContain('widget.js');
    // The workers.dev origin the deploy reported becomes PUBLIC_URL (and the console's origin).
    expect(deploy2.vars).toMatchObject({
      PUBLIC_URL: 'https://parley.acme.workers.dev',
      CONSOLE_ORIGIN: 'https://parley.acme.workers.dev',
      SIGNUP: 'invite-only',
      EMAIL_PROVIDER: 'cloudflare',
    });
    expect(deploy2.vars.PARLEY_COMMIT).toMatch(/^([0-9a-f]{40}|dev)$/); // GET /api/health reports it
    expect(deploy2.secretsFileContent).toBeNull();
    // The login's only account is named to every command after whoami: wrangler never has to ask.
    expect(first.calls.slice(1).every((c) => c.account === 'acc1')).toBe(true);
    expect(s.state()).toMatchObject({ databases: ['parley'], buckets: ['parley-uploads'], setupTokens: 1 });
    expect(first.out).toMatch(
      /One-time setup link .*\n\n {4}https:\/\/parley\.acme\.workers\.dev\/register\?setup=[\w-]{43}\n/,
    );

    // The owner signs up through the link.
    writeFileSync(join(s.deployDir, '..', 'state.json'), JSON.stringify({ ...s.state(), workspaces: 1 }));
    const again = s.run(['--skip-build']); // the email choice was saved
    expect(again.status, again.out).toBe(0);
    expect(again.names).toEqual([
      'whoami',
      'd1 list --json',
      'r2 bucket info',
      'secret list --name',
      'd1 migrations apply',
      'deploy',
      'd1 execute DB',
    ]);
    const upgrade = again.calls.find((c) => c.args[0] === 'deploy');
    expect(upgrade.secretsFileContent).toBeNull(); // AUTH_SECRET kept
    expect(upgrade.vars.PUBLIC_URL).toBe('https://parley.acme.workers.dev');
    expect(again.out).toContain('AUTH_SECRET is set: kept');
    expect(again.out).not.toContain('One-time setup link');
    expect(again.out).toContain('1 workspace(s) exist: no setup link');
    expect(s.state().setupTokens).toBe(1);

    // A later link for the deployment, as docs/deploy.md says: it writes to the deployed database.
    const link = spawnSync(
      process.execPath,
      [join(root, 'scripts/setup-link.mjs'), '--remote', '--origin', 'https://parley.acme.workers.dev'],
      {
        cwd: root,
        encoding: 'utf8',
        env: {
          ...process.env,
          WRANGLER: fake,
          PARLEY_DEPLOY_DIR: s.deployDir,
          FAKE_WRANGLER_STATE: join(s.deployDir, '..', 'state.json'),
          FAKE_WRANGLER_LOG: join(s.deployDir, '..', 'calls.jsonl'),
        },
      },
    );
    expect(link.status, link.stderr).toBe(0);
    expect(link.stdout).toMatch(/https:\/\/parley\.acme\.workers\.dev\/register\?setup=[\w-]{43}/);
    expect(s.state().setupTokens).toBe(2);
  });

  it('sends the Resend key up as a secret with the deploy, and refuses resend without one', () => {
    const s = scenario('resend');
    const resend = ['--skip-build', '--email', 'resend', '--email-from', 'support@acme.com'];
    const without = s.run(resend);
    expect(without.status).toBe(1);
    expect(without.out).toContain('--email resend needs RESEND_API_KEY');
    expect(without.names).not.toContain('deploy');
    const r = s.run(resend, { RESEND_API_KEY: 're_test_0123456789' });
    expect(r.status, r.out).toBe(0);
    const first = r.calls.find((c) => c.args[0] === 'deploy');
    expect(first.secrets).toEqual({ AUTH_SECRET: 64, RESEND_API_KEY: 18 });
    expect(first.vars).toMatchObject({
      EMAIL_PROVIDER: 'resend',
      EMAIL_FROM: 'support@acme.com',
      EMAIL_REPLY_DOMAIN: 'acme.com',
    });
  });

  it('never takes an unreadable secret list for a new Worker: that would replace the live AUTH_SECRET', () => {
    const s = scenario('secret-list', {
      databases: ['parley'],
      workers: { parley: { secrets: ['AUTH_SECRET'] } },
      secretListError: 'A request to the Cloudflare API failed: Route not found for this account [code: 7003]',
    });
    const r = s.run(['--skip-build', ...EMAIL]);
    expect(r.status).toBe(1);
    expect(r.out).toContain('wrangler secret list failed');
    expect(r.names).not.toContain('deploy');
  });

  it('asks which account when the login has several', () => {
    const r = scenario('accounts', {
      accounts: [
        { id: 'a1', name: 'One' },
        { id: 'a2', name: 'Two' },
      ],
    }).run(['--skip-build', ...EMAIL]);
    expect(r.status).toBe(1);
    expect(r.out).toContain('--account-id a2');
  });

  it("deploys the console to Pages, its API the Worker, and the Worker's CORS that console", () => {
    const s = scenario('pages', {
      databases: ['parley'],
      buckets: ['parley-uploads'],
      workers: { parley: { secrets: ['AUTH_SECRET'] } },
      workspaces: 1,
    });
    const r = s.run(['--skip-build', '--console-pages', '--origin', 'https://chat.acme.com', ...EMAIL]);
    expect(r.status, r.out).toBe(0);
    expect(r.names).toEqual([
      'whoami',
      'd1 list --json',
      'r2 bucket info',
      'secret list --name',
      'pages project list',
      'pages project create',
      'pages project list',
      'd1 migrations apply',
      'deploy',
      'pages deploy',
      'd1 execute DB',
    ]);
    const deployCall = r.calls.find((c) => c.args[0] === 'deploy');
    expect(deployCall.vars).toMatchObject({
      PUBLIC_URL: 'https://chat.acme.com',
      CONSOLE_ORIGIN: 'https://parley-console-3xq.pages.dev',
    });
    const pages = r.calls.find((c) => c.args[0] === 'pages' && c.args[1] === 'deploy');
    expect(pages.files).toContain('index.html');
    expect(pages.files.some((f) => f.startsWith('demo/') || f.startsWith('widget'))).toBe(false);
    expect(pages.headers).toContain("connect-src 'self' https://chat.acme.com wss://chat.acme.com;");
    expect(r.out).toContain('Console:        https://parley-console-3xq.pages.dev/');

    // A custom domain added to the project in the dashboard; the re-run (its choices saved) keeps the console on Pages.
    writeFileSync(
      join(s.deployDir, '..', 'state.json'),
      JSON.stringify({ ...s.state(), pages: { 'parley-console': 'parley-console-3xq.pages.dev, console.acme.com' } }),
    );
    const again = s.run(['--skip-build']);
    expect(again.status, again.out).toBe(0);
    expect(again.calls.find((c) => c.args[0] === 'deploy').vars).toMatchObject({
      PUBLIC_URL: 'https://chat.acme.com',
      CONSOLE_ORIGIN: 'https://parley-console-3xq.pages.dev,https://console.acme.com',
    });
    expect(again.names).toContain('pages deploy');
    expect(again.names).not.toContain('pages project create');
  }, 60_000);
});
