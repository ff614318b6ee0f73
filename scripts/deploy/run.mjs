// The steps of `npm run deploy` (docs/deploy.md), in order, each printed as it runs. In a dry run, read-only
// lookups still run when logged in (to show the exact plan); nothing is created, set, migrated or deployed.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newSetupToken, setupLinkUrl } from '../setup-token.mjs';
import { buildPagesConsole, buildWorkerAssets, assertShippable } from './build.mjs';
import { bucketName, databaseName, deployConfig, readCommittedConfig, writeDeployConfig } from './config.mjs';
import { checkEmail, OUTBOX_WARNING, resolveOptions } from './options.mjs';
import { lookUpAccount } from './remote.mjs';
import { parseJsonOutput, wranglerRunner } from './wrangler.mjs';

/** The worker's workers.dev origin from a deploy's output-file entries, or null. */
export const workersDevOrigin = (entries) =>
  entries
    .filter((e) => e.type === 'deploy')
    .flatMap((e) => e.targets ?? [])
    .find((t) => /^https:\/\/[^/\s]+\.workers\.dev$/.test(t)) ?? null;

/** Runs the deployment described by `flags` (readFlags). Throws with a message for the user when it cannot. */
export async function deploy({ root, flags, env = process.env, log = console.log, askEmail }) {
  const dir = env.PARLEY_DEPLOY_DIR ?? join(root, '.deploy');
  const settingsPath = join(dir, 'settings.json');
  const saved = existsSync(settingsPath) ? JSON.parse(readFileSync(settingsPath, 'utf8')) : {};
  const opts = resolveOptions(flags, env, saved);
  const step = (title) => log(`\n▸ ${title}`);
  log(
    opts.dryRun
      ? 'Dry run: nothing remote is changed; the commands a deployment runs are shown.'
      : 'Deploying Parley to Cloudflare.',
  );

  step('Email provider');
  if (!opts.email.provider && askEmail) Object.assign(opts.email, await askEmail());
  const email = checkEmail(opts.email);
  if (email instanceof Error) throw email;
  log(
    `  EMAIL_PROVIDER=${email.EMAIL_PROVIDER} EMAIL_FROM=${email.EMAIL_FROM} EMAIL_REPLY_DOMAIN=${email.EMAIL_REPLY_DOMAIN}`,
  );
  if (email.EMAIL_PROVIDER === 'outbox') log(OUTBOX_WARNING);

  const raw = await readCommittedConfig(root);
  if ((raw.vars?.SIGNUP ?? 'invite-only') !== 'invite-only')
    log(`  ! wrangler.toml sets SIGNUP=${raw.vars.SIGNUP}: anyone on the internet can create a workspace`);
  const dist = join(dir, 'dist');
  step(`Build the console and widget into ${dist} (no demo page, no local site keys)`);
  if (opts.skipBuild && existsSync(dist)) log(`  ${assertShippable(dist).length} files (reused: --skip-build)`);
  else log(`  ${buildWorkerAssets(root, dist).length} files`);

  const wrangler = wranglerRunner({ root, dryRun: opts.dryRun, log, env });
  step('Cloudflare account');
  const account = lookUpAccount(wrangler, { opts, raw, log });
  const accountEnv = account.accountId ? { CLOUDFLARE_ACCOUNT_ID: account.accountId } : {};

  // Where the Worker answers: known beforehand with --domain/--origin or from the last deploy; else after the first.
  let origin = opts.origin ?? opts.savedOrigin ?? null;
  // Every origin of the Pages project (custom domains too) may call the agent API; else the Worker's own.
  const consoleOrigin = () => (opts.consolePages ? account.pagesOrigins.join(',') : origin) ?? '';
  const config = (publicUrl) =>
    writeDeployConfig(
      dir,
      deployConfig(raw, {
        root,
        dir,
        assetsDir: dist,
        vars: {
          ...email,
          PUBLIC_URL: publicUrl ?? '',
          CONSOLE_ORIGIN: consoleOrigin(),
          PARLEY_COUNTERS: '',
          TURNSTILE_VERIFY_URL: '',
          // Webhooks to this machine and a short attempt timeout are for local runs and tests only.
          WEBHOOK_ALLOW_LOCAL: '',
          WEBHOOK_TIMEOUT_MS: '',
          PARLEY_COMMIT: commit(root),
        },
      }),
    );
  step('Configuration');
  let configPath = config(origin);
  log(
    `  ${configPath} (from wrangler.toml; D1 "${databaseName(raw)}" and R2 "${bucketName(raw)}" found by name or created by wrangler deploy)`,
  );
  log(
    `  PUBLIC_URL=${origin ?? '(the workers.dev URL, known after the first deploy)'} CONSOLE_ORIGIN=${consoleOrigin() || '(same as PUBLIC_URL)'} SIGNUP=${raw.vars?.SIGNUP ?? 'invite-only'}`,
  );
  if (opts.dryRun) {
    const checked = wrangler.check(['deploy', '--dry-run', '-c', configPath, '--outdir', join(dir, 'bundle')]);
    // wrangler's own account of the bindings and vars the Worker would get, without its banner.
    log(
      checked.stdout
        .split('\n')
        .filter((l) => l.trim() && !/⛅️|^[─-]+$/.test(l.trim()))
        .map((l) => `    ${l.trimEnd()}`)
        .join('\n'),
    );
    log('  the configuration and the Worker bundle are valid');
  }

  step('Secrets');
  const secrets = {};
  if (account.secrets.includes('AUTH_SECRET')) log('  AUTH_SECRET is set: kept');
  else {
    secrets.AUTH_SECRET = randomBytes(32).toString('hex');
    log('  AUTH_SECRET: a new random one, uploaded with the deploy');
  }
  if (email.EMAIL_PROVIDER === 'resend') {
    if (env.RESEND_API_KEY) {
      secrets.RESEND_API_KEY = env.RESEND_API_KEY;
      log('  RESEND_API_KEY from the environment, uploaded with the deploy');
    } else if (account.secrets.includes('RESEND_API_KEY')) log('  RESEND_API_KEY is set: kept');
    else if (opts.dryRun) log('  ! RESEND_API_KEY is not in the environment: the deployment would refuse');
    else
      throw new Error(
        '--email resend needs RESEND_API_KEY in the environment (the first time; it is kept as a secret)',
      );
  }
  const secretsFile = join(dir, 'secrets.env');
  const deployArgs = (withSecrets) => [
    'deploy',
    '-c',
    configPath,
    ...(opts.domain ? ['--domain', opts.domain] : []),
    ...(withSecrets && Object.keys(secrets).length ? ['--secrets-file', secretsFile] : []),
  ];
  const outputFile = join(dir, 'wrangler-output.jsonl');
  const runDeploy = (withSecrets) => {
    rmSync(outputFile, { force: true });
    // Only the names go in the file: wrangler takes the values from the environment (process values override).
    if (withSecrets)
      writeFileSync(
        secretsFile,
        Object.keys(secrets)
          .map((k) => `${k}=\n`)
          .join(''),
        { mode: 0o600 },
      );
    try {
      wrangler.change(deployArgs(withSecrets), {
        stdin: 'inherit',
        extraEnv: { ...accountEnv, ...(withSecrets ? secrets : {}), WRANGLER_OUTPUT_FILE_PATH: outputFile },
      });
    } finally {
      rmSync(secretsFile, { force: true });
    }
    if (opts.dryRun) return null;
    const entries = existsSync(outputFile)
      ? readFileSync(outputFile, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l))
      : [];
    return workersDevOrigin(entries);
  };
  const migrate = () =>
    wrangler.change(['d1', 'migrations', 'apply', 'DB', '--remote', '-c', configPath], { extraEnv: accountEnv });

  if (account.databaseExists) {
    step(`D1 migrations (before the new code)`);
    migrate();
  }
  step('Deploy the Worker');
  const deployed = runDeploy(true);
  if (!account.databaseExists) {
    step('D1 migrations (the database was just created by the deploy)');
    migrate();
  }
  if (opts.dryRun && !origin)
    log('\n▸ PUBLIC_URL: deploy again with the workers.dev URL the first deploy reports (the same command)');
  if (!opts.dryRun && !opts.origin) {
    if (!deployed)
      throw new Error('wrangler deploy reported no workers.dev URL: pass --origin with the URL the Worker answers on');
    if (deployed !== origin) {
      origin = deployed;
      step(`PUBLIC_URL=${origin}: deploy again with the Worker's origin, now known`);
      configPath = config(origin);
      runDeploy(false);
    }
  }
  const apiOrigin = origin ?? 'https://<worker>.<subdomain>.workers.dev';
  if (opts.consolePages) {
    step(`Console on Cloudflare Pages (${account.pagesOrigin}), API at ${apiOrigin}`);
    const out = join(dir, 'console');
    log(`  ${buildPagesConsole(root, out, apiOrigin, dist).length} files in ${out}`);
    wrangler.change(
      ['pages', 'deploy', out, '--project-name', opts.pagesProject, '--branch', 'main', '--commit-dirty=true'],
      { extraEnv: accountEnv },
    );
  }
  if (!opts.dryRun) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      settingsPath,
      `${JSON.stringify(
        {
          origin: opts.origin ? undefined : origin,
          explicitOrigin: opts.origin,
          domain: opts.domain,
          pagesProject: opts.consolePages ? opts.pagesProject : undefined,
          email: {
            provider: email.EMAIL_PROVIDER === 'outbox' ? undefined : email.EMAIL_PROVIDER,
            from: email.EMAIL_FROM,
            replyDomain: email.EMAIL_REPLY_DOMAIN,
          },
        },
        null,
        2,
      )}\n`,
    );
  }

  const consoleUrl = (opts.consolePages ? account.pagesOrigin : apiOrigin) ?? apiOrigin;
  step('First owner');
  const link = await setupLink(wrangler, {
    configPath,
    accountEnv,
    consoleUrl,
    force: opts.forceSetupLink,
    fresh: !account.databaseExists,
    log,
  });
  log(`\n${opts.dryRun ? 'Dry run done: nothing was changed.' : 'Parley is deployed.'}`);
  log(`  Console:        ${consoleUrl}/`);
  log(`  Widget and API: ${apiOrigin}`);
  if (link)
    log(
      `  One-time setup link (creates the first workspace and its owner; valid until ${link.expiresAt}):\n\n    ${link.url}\n`,
    );
  return { origin, consoleUrl, link };
}

/** A one-time setup link when the deployment has no workspace yet (or when asked), stored in the remote D1. */
async function setupLink(wrangler, { configPath, accountEnv, consoleUrl, force, fresh, log }) {
  let needed = force || fresh;
  if (!needed) {
    const r = wrangler.read(
      [
        'd1',
        'execute',
        'DB',
        '--remote',
        '-c',
        configPath,
        '--json',
        '--command',
        'SELECT COUNT(*) AS n FROM workspaces',
      ],
      { extraEnv: accountEnv },
    );
    const n = r.ok ? parseJsonOutput(r.stdout)?.[0]?.results?.[0]?.n : undefined;
    needed = n === 0;
    if (!needed)
      log(
        n === undefined
          ? '  ! could not count workspaces: `npm run setup-link -- --remote` makes a setup link'
          : `  ${n} workspace(s) exist: no setup link (npm run deploy -- --setup-link for one)`,
      );
  }
  if (!needed) return null;
  const { token, sql, expiresAt } = await newSetupToken();
  const stored = wrangler.change(['d1', 'execute', 'DB', '--remote', '-c', configPath, '--command', sql], {
    extraEnv: accountEnv,
    capture: true,
  });
  if (!stored) {
    log('  would print a one-time setup link for the first owner');
    return null;
  }
  return { url: setupLinkUrl(consoleUrl, token), expiresAt: new Date(expiresAt).toISOString() };
}

/** The commit being deployed, for GET /api/health (`dev` outside a git checkout). */
function commit(root) {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return 'dev';
  }
}
