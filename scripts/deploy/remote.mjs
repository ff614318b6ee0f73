// What the Cloudflare account already holds, from wrangler's JSON output only: the login, the D1 database, the R2
// bucket, the Worker's secret names, the Pages project. A dry run without a login plans a first deployment.
import { bucketName, databaseName } from './config.mjs';
import { parseJsonOutput } from './wrangler.mjs';

/** A read whose JSON answer is needed: throws (or, in a dry run, notes and returns undefined) when it fails. */
function readJson(wrangler, args, { dryRun, log, extraEnv }) {
  const r = wrangler.read(args, { extraEnv });
  const json = r.ok ? parseJsonOutput(r.stdout) : undefined;
  if (json !== undefined) return json;
  const why = `wrangler ${args.slice(0, 3).join(' ')} failed: ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' ')}`;
  if (dryRun) {
    log(`  ! ${why}`);
    return undefined;
  }
  throw new Error(why);
}

/**
 * The Pages project's origins from `pages project list --json`, its *.pages.dev one first (custom domains added in
 * the dashboard follow), or null when there is no such project.
 */
export const pagesOriginsOf = (list, project) => {
  const domains = list?.find((p) => p['Project Name'] === project)?.['Project Domains'];
  if (domains === undefined) return null;
  const hosts = String(domains).split(/,\s*/).filter(Boolean);
  const sorted = [...hosts.filter((d) => d.endsWith('.pages.dev')), ...hosts.filter((d) => !d.endsWith('.pages.dev'))];
  return (sorted.length ? sorted : [`${project}.pages.dev`]).map((d) => `https://${d}`);
};

/**
 * The account and what it holds: {accountId, databaseExists, secrets (names), pagesOrigin(s), pagesCreate}. Not logged
 * in: an Error telling the user to run `npx wrangler login` (a dry run plans a first deployment instead).
 */
export function lookUpAccount(wrangler, { opts, raw, log }) {
  const { dryRun } = opts;
  const plan = {
    accountId: opts.accountId,
    databaseExists: false,
    secrets: [],
    pagesOrigin: null,
    pagesCreate: opts.consolePages,
  };
  const pagesDefault = `https://${opts.pagesProject}.pages.dev`;
  const who = wrangler.read(['whoami', '--json']);
  const user = who.ok ? parseJsonOutput(who.stdout) : undefined;
  if (!user?.loggedIn) {
    if (!dryRun)
      throw new Error(
        'Not logged in to Cloudflare: run `npx wrangler login` (or set CLOUDFLARE_API_TOKEN), then `npm run deploy` again.',
      );
    log('  not logged in (`npx wrangler login` before deploying): the plan below is a first deployment');
    if (opts.consolePages)
      wrangler.change(['pages', 'project', 'create', opts.pagesProject, '--production-branch', 'main']);
    return {
      ...plan,
      pagesOrigin: opts.consolePages ? pagesDefault : null,
      pagesOrigins: opts.consolePages ? [pagesDefault] : null,
    };
  }
  const accounts = user.accounts ?? [];
  if (!plan.accountId) {
    if (accounts.length === 1) plan.accountId = accounts[0].id;
    else if (accounts.length > 1) {
      const list = accounts.map((a) => `  --account-id ${a.id}   (${a.name})`).join('\n');
      throw new Error(`This login has ${accounts.length} accounts: choose one\n${list}`);
    }
  }
  log(`  logged in as ${user.email ?? 'an API token'}, account ${plan.accountId ?? '(from CLOUDFLARE_ACCOUNT_ID)'}`);
  const extraEnv = plan.accountId ? { CLOUDFLARE_ACCOUNT_ID: plan.accountId } : {};
  const ctx = { dryRun, log, extraEnv };

  const db = databaseName(raw);
  const dbs = readJson(wrangler, ['d1', 'list', '--json'], ctx) ?? [];
  plan.databaseExists = dbs.some((d) => d.name === db);
  log(
    plan.databaseExists
      ? `  D1 "${db}" exists: reused, migrated before the new code`
      : `  D1 "${db}" does not exist: wrangler deploy creates it, migrations right after`,
  );
  const bucket = bucketName(raw);
  const info = wrangler.read(['r2', 'bucket', 'info', bucket, '--json'], { extraEnv });
  log(info.ok ? `  R2 "${bucket}" exists: reused` : `  R2 "${bucket}" not found: wrangler deploy creates it`);

  const secrets = wrangler.read(['secret', 'list', '--name', raw.name, '--format', 'json'], { extraEnv });
  if (secrets.ok) plan.secrets = (parseJsonOutput(secrets.stdout) ?? []).map((s) => s.name);
  // Only wrangler's own words for a missing Worker: any other failure read as "new Worker" would replace AUTH_SECRET.
  else if ((secrets.stderr + secrets.stdout).includes(`Worker "${raw.name}" not found.`))
    log(`  Worker "${raw.name}" does not exist yet: a first deployment`);
  else if (dryRun) log("  ! could not list the Worker's secrets");
  else throw new Error(`wrangler secret list failed: ${(secrets.stderr || secrets.stdout).trim()}`);

  if (opts.consolePages) {
    const listArgs = ['pages', 'project', 'list', '--json'];
    let origins = pagesOriginsOf(readJson(wrangler, listArgs, ctx), opts.pagesProject);
    plan.pagesCreate = !origins;
    if (plan.pagesCreate) {
      wrangler.change(['pages', 'project', 'create', opts.pagesProject, '--production-branch', 'main'], { extraEnv });
      origins = dryRun ? [pagesDefault] : pagesOriginsOf(readJson(wrangler, listArgs, ctx), opts.pagesProject);
      if (!origins) throw new Error(`the Pages project ${opts.pagesProject} was created but is not listed`);
    } else log(`  Pages project "${opts.pagesProject}" exists: ${origins.join(', ')}`);
    [plan.pagesOrigin] = origins;
    plan.pagesOrigins = origins;
  }
  return plan;
}
