#!/usr/bin/env node
// A stand-in for wrangler in the deploy tests (WRANGLER=<this file>): it answers like wrangler's JSON output from a
// pretend account kept in FAKE_WRANGLER_STATE, and appends every call to FAKE_WRANGLER_LOG. `deploy --dry-run`
// is handed to the real wrangler (FAKE_WRANGLER_REAL) when set: it needs no account.
import { spawnSync } from 'node:child_process';
import { appendFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const args = process.argv.slice(2);
const statePath = process.env.FAKE_WRANGLER_STATE;
const state = JSON.parse(readFileSync(statePath, 'utf8'));
const save = () => writeFileSync(statePath, JSON.stringify(state, null, 2));
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const has = (...words) => words.every((w, i) => args[i] === w);
const files = (dir, p = '') =>
  readdirSync(join(dir, p)).flatMap((n) =>
    statSync(join(dir, p, n)).isDirectory() ? files(dir, `${p}${n}/`) : [`${p}${n}`],
  );
const entry = { args, account: process.env.CLOUDFLARE_ACCOUNT_ID ?? null };
const out = (v) => process.stdout.write(`${JSON.stringify(v)}\n`);
const fail = (msg) => {
  process.stderr.write(`✘ [ERROR] ${msg}\n`);
  process.exit(1);
};
const log = (extra = {}) =>
  appendFileSync(process.env.FAKE_WRANGLER_LOG, `${JSON.stringify({ ...entry, ...extra })}\n`);
const worker = (name) => state.workers?.[name];

if (has('deploy') && args.includes('--dry-run')) {
  log();
  if (process.env.FAKE_WRANGLER_REAL)
    process.exit(spawnSync(process.env.FAKE_WRANGLER_REAL, args, { stdio: 'inherit' }).status ?? 1);
  process.exit(0);
}
if (has('whoami')) {
  log();
  if (!state.loggedIn) {
    out({ loggedIn: false });
    process.exit(1);
  }
  out({ loggedIn: true, authType: 'OAuth Token', email: 'dev@acme.com', accounts: state.accounts });
} else if (has('d1', 'list')) {
  log();
  out(state.databases.map((name, i) => ({ uuid: `db-${i}`, name })));
} else if (has('r2', 'bucket', 'info')) {
  log();
  if (!state.buckets.includes(args[3])) fail(`The specified bucket does not exist. [code: 10006]`);
  out({ name: args[3] });
} else if (has('secret', 'list')) {
  log();
  const w = worker(opt('--name'));
  if (state.secretListError) fail(state.secretListError);
  // wrangler's own words for a Worker that does not exist (10007 from the API).
  if (!w)
    fail(
      `Worker "${opt('--name')}" not found.\n\nIf this is a new Worker, run \`wrangler deploy\` first to create it.`,
    );
  out(w.secrets.map((name) => ({ name, type: 'secret_text' })));
} else if (has('pages', 'project', 'list')) {
  log();
  out(
    Object.entries(state.pages).map(([name, domain]) => ({
      'Project Name': name,
      'Project Domains': domain,
      'Git Provider': 'No',
    })),
  );
} else if (has('pages', 'project', 'create')) {
  log();
  state.pages[args[3]] = `${args[3]}-3xq.pages.dev`;
  save();
} else if (has('pages', 'deploy')) {
  const dir = resolve(args[2]);
  log({ files: files(dir), headers: readFileSync(join(dir, '_headers'), 'utf8') });
} else if (has('d1', 'migrations', 'apply')) {
  const config = JSON.parse(readFileSync(opt('-c'), 'utf8'));
  const name = config.d1_databases[0].database_name;
  log();
  if (!state.databases.includes(name)) fail(`Couldn't find a D1 DB with the name or binding 'DB'`);
  state.migrated = readdirSync(resolve(dirname(opt('-c')), config.d1_databases[0].migrations_dir)).length;
  save();
} else if (has('d1') && args.includes('--remote') && !opt('-c')) {
  // wrangler.toml's placeholder database id, as the real wrangler would use it.
  log();
  fail(
    'A request to the Cloudflare API (/accounts/acc1/d1/database/00000000-0000-0000-0000-000000000000/query) failed. [code: 7404]',
  );
} else if (has('d1', 'execute')) {
  const sql = opt('--command');
  if (/^SELECT COUNT/.test(sql)) {
    log();
    out([{ results: [{ n: state.workspaces }], success: true }]);
  } else {
    log({ sql });
    state.setupTokens = (state.setupTokens ?? 0) + 1;
    save();
  }
} else if (has('deploy')) {
  const configPath = opt('-c');
  const config = JSON.parse(readFileSync(configPath, 'utf8'));
  // Automatic provisioning: what the bindings name and does not exist is created.
  for (const db of config.d1_databases)
    if (!db.database_id && !state.databases.includes(db.database_name)) state.databases.push(db.database_name);
  for (const b of config.r2_buckets) if (!state.buckets.includes(b.bucket_name)) state.buckets.push(b.bucket_name);
  const w = (state.workers[config.name] ??= { secrets: [] });
  const secrets = {};
  if (opt('--secrets-file')) {
    // As wrangler: the file's keys, their values from the environment when it has them.
    for (const line of readFileSync(opt('--secrets-file'), 'utf8').split('\n').filter(Boolean)) {
      const key = line.split('=')[0];
      secrets[key] = process.env[key] ?? line.slice(key.length + 1);
      if (!w.secrets.includes(key)) w.secrets.push(key);
    }
  }
  w.vars = config.vars;
  save();
  const assets = resolve(dirname(configPath), config.assets.directory);
  log({
    vars: config.vars,
    assets: files(assets),
    secrets: Object.fromEntries(Object.entries(secrets).map(([k, v]) => [k, v.length])),
    secretsFileContent: opt('--secrets-file') ? readFileSync(opt('--secrets-file'), 'utf8') : null,
    d1: config.d1_databases,
  });
  if (process.env.WRANGLER_OUTPUT_FILE_PATH) {
    appendFileSync(
      process.env.WRANGLER_OUTPUT_FILE_PATH,
      `${JSON.stringify({ type: 'wrangler-session', version: 1 })}\n${JSON.stringify({ type: 'deploy', version: 1, worker_name: config.name, targets: [`https://${config.name}.${state.subdomain}.workers.dev`, ...(opt('--domain') ? [`${opt('--domain')} (custom domain)`] : [])] })}\n`,
    );
  }
} else {
  fail(`fake wrangler: unexpected command ${args.join(' ')}`);
}
