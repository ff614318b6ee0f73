// `npm run setup-link`: create a one-time setup link, the only way to create a workspace (and its owner)
// while SIGNUP is invite-only (docs/team.md "Sign-up and sign-in protection"). The token is printed once;
// D1 keeps only its hash.
//   npm run setup-link                                   local D1 of `npm start` (PARLEY_STATE, PORT)
//   npm run setup-link -- --remote --origin https://chat.example.com   the D1 `npm run deploy` deployed from here (or PUBLIC_URL)
//   options: --days N (default 7), --print-sql (print the link and the SQL, store nothing)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { newSetupToken, SETUP_LINK_DAYS, setupLinkUrl } from './setup-token.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function wrangler(args) {
  const r = spawnSync(process.env.WRANGLER || join(root, 'node_modules/.bin/wrangler'), args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    env: {
      ...process.env,
      PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH}`,
      WRANGLER_SEND_METRICS: 'false',
    },
  });
  if (r.status !== 0)
    throw new Error(`wrangler ${args.slice(0, 3).join(' ')} failed (${r.status}):\n${r.stderr || r.stdout}`);
}

/**
 * Create a setup link and store its token's hash in D1: the local one of `npm start` (`persistTo`, default
 * PARLEY_STATE or .wrangler/state; migrations applied first) or, with `remote`, the deployed one (`origin`
 * required, or PUBLIC_URL). `printSql` stores nothing. Returns the link, its expiry and the SQL.
 * `npm run deploy` (issue 12) calls this with { remote: true, origin }.
 */
export async function createSetupLink({
  remote = false,
  origin,
  days = SETUP_LINK_DAYS,
  persistTo,
  printSql = false,
} = {}) {
  const base = origin || process.env.PUBLIC_URL || (remote ? null : `http://127.0.0.1:${process.env.PORT ?? 8787}`);
  if (!base || !/^https?:\/\/[^/]+/.test(base))
    throw new Error(
      `an origin like https://chat.example.com is needed (--origin or PUBLIC_URL), not ${JSON.stringify(base)}`,
    );
  const { token, sql, expiresAt } = await newSetupToken({ days });
  if (!printSql) {
    if (remote) {
      // The committed wrangler.toml names a placeholder database id; the deploy's generated config finds the real one.
      const config = join(process.env.PARLEY_DEPLOY_DIR ?? join(root, '.deploy'), 'wrangler.json');
      if (!existsSync(config))
        throw new Error(
          `no deployment from this checkout (${config}): \`npm run deploy -- --setup-link\` deploys and prints a link`,
        );
      wrangler(['d1', 'execute', 'DB', '--remote', '-c', config, '--command', sql]);
    } else {
      const state = resolve(persistTo ?? process.env.PARLEY_STATE ?? join(root, '.wrangler/state'));
      wrangler(['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', state]);
      wrangler(['d1', 'execute', 'DB', '--local', '--persist-to', state, '--command', sql]);
    }
  }
  return { url: setupLinkUrl(base, token), expiresAt: new Date(expiresAt).toISOString(), sql };
}

// Run as a script (not when imported by the deploy script or a test).
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { values } = parseArgs({
    options: {
      remote: { type: 'boolean', default: false },
      origin: { type: 'string' },
      days: { type: 'string' },
      'persist-to': { type: 'string' },
      'print-sql': { type: 'boolean', default: false },
    },
  });
  try {
    const link = await createSetupLink({
      remote: values.remote,
      origin: values.origin,
      days: values.days === undefined ? undefined : Number(values.days),
      persistTo: values['persist-to'],
      printSql: values['print-sql'],
    });
    if (values['print-sql'])
      console.log(`-- Not stored (--print-sql). Run this on the D1 database to make the link work:\n${link.sql}\n`);
    console.log(
      `One-time setup link (creates one workspace and its owner; valid until ${link.expiresAt}):\n\n  ${link.url}\n`,
    );
  } catch (err) {
    console.error(`setup-link: ${err.message}`);
    process.exit(1);
  }
}
