// `npm run deploy` options: flags, then environment, then the choices saved by the last deploy from this checkout
// (.deploy/settings.json), and the email provider checked before anything is built or touched.
import { parseArgs } from 'node:util';

/** The command line `npm run deploy -- ...` understands (docs/deploy.md). */
export const USAGE = `Usage: npm run deploy -- [options]
  --dry-run                 build and validate, show every step; nothing remote is changed
  --email <provider>        cloudflare | resend | outbox (env PARLEY_EMAIL)
  --email-from <address>    sender, e.g. "Acme Support <support@acme.com>" (env PARLEY_EMAIL_FROM)
  --reply-domain <domain>   where replies come back (default: the sender's domain) (env PARLEY_REPLY_DOMAIN)
  --domain <host>           serve the Worker on this custom domain (a zone of the account)
  --origin <url>            the Worker's public https origin when you route it yourself
  --console-pages           also deploy the console to Cloudflare Pages (npm run deploy:console)
  --pages-project <name>    the Pages project (default parley-console)
  --account-id <id>         which Cloudflare account, when the login has several (env CLOUDFLARE_ACCOUNT_ID)
  --setup-link              print a new one-time setup link even if a workspace exists
  --skip-build              reuse .deploy/dist from the last build`;

const PROVIDERS = ['cloudflare', 'resend', 'outbox'];
/** A host name: labels of letters, digits and dashes (no scheme, path, port or wildcard). */
const HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i;

/** Reads the command line; throws on unknown options. */
export function readFlags(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      'dry-run': { type: 'boolean', default: false },
      email: { type: 'string' },
      'email-from': { type: 'string' },
      'reply-domain': { type: 'string' },
      domain: { type: 'string' },
      origin: { type: 'string' },
      'console-pages': { type: 'boolean', default: false },
      'pages-project': { type: 'string' },
      'account-id': { type: 'string' },
      'setup-link': { type: 'boolean', default: false },
      'skip-build': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  return values;
}

/**
 * The options npm took for itself: `npm run deploy --dry-run` (no `--`) runs the script with no flags and
 * npm_config_dry_run=true in its environment, which would be a real deploy. Returns their names, with dashes.
 */
export function swallowedByNpm(env) {
  return [
    'dry-run',
    'email',
    'email-from',
    'reply-domain',
    'domain',
    'origin',
    'console-pages',
    'pages-project',
    'account-id',
    'setup-link',
    'skip-build',
  ].filter((name) => env[`npm_config_${name.replace(/-/g, '_')}`] !== undefined);
}

/** Flags over environment over saved settings: the deploy's choices (email still unchecked). */
export function resolveOptions(flags, env, saved = {}) {
  const fromEnv = (name) => env[name] || undefined; // set but empty counts as unset
  const domain = flags.domain ?? saved.domain;
  if (domain !== undefined && !HOST.test(domain))
    throw new Error(`--domain must be a host name like chat.example.com, not ${JSON.stringify(domain)}`);
  // Explicit: the Worker answers there (no redeploy to learn it). Saved: the workers.dev origin of the last deploy.
  const origin =
    flags.origin ?? (domain ? `https://${domain}` : undefined) ?? fromEnv('PARLEY_ORIGIN') ?? saved.explicitOrigin;
  // It becomes PUBLIC_URL (links in emails) and the Pages console's API: https, a host, nothing after it.
  const host = origin?.match(/^https:\/\/([^/?#@\s]+)\/?$/i)?.[1];
  if (origin !== undefined && !(host && HOST.test(host.replace(/:\d{1,5}$/, ''))))
    throw new Error(`--origin must be an https origin like https://chat.example.com, not ${JSON.stringify(origin)}`);
  return {
    dryRun: flags['dry-run'],
    domain: domain?.toLowerCase(),
    origin: host ? `https://${host.toLowerCase()}` : undefined,
    savedOrigin: saved.origin,
    // Once the console is on Pages, re-runs keep it there: the Worker's CONSOLE_ORIGIN must stay its origin.
    consolePages: flags['console-pages'] || Boolean(flags['pages-project'] ?? saved.pagesProject),
    pagesProject: flags['pages-project'] ?? saved.pagesProject ?? 'parley-console',
    accountId: flags['account-id'] ?? fromEnv('CLOUDFLARE_ACCOUNT_ID'),
    forceSetupLink: flags['setup-link'],
    skipBuild: flags['skip-build'],
    email: {
      provider: flags.email ?? fromEnv('PARLEY_EMAIL') ?? saved.email?.provider,
      from: flags['email-from'] ?? fromEnv('PARLEY_EMAIL_FROM') ?? saved.email?.from,
      replyDomain: flags['reply-domain'] ?? fromEnv('PARLEY_REPLY_DOMAIN') ?? saved.email?.replyDomain,
      explicitOutbox: (flags.email ?? fromEnv('PARLEY_EMAIL')) === 'outbox',
    },
  };
}

/** The address inside "Name <a@b.c>" or "a@b.c", or null. */
export const addressOf = (from) =>
  (from ?? '').match(/<([^<>\s]+@[^<>\s]+)>\s*$/)?.[1] ?? (from ?? '').trim().match(/^[^<>\s]+@[^<>\s]+$/)?.[0] ?? null;

const PLACEHOLDER_DOMAIN = /(^|\.)(parley\.local|example\.(com|org|net))$|(^|\.)(local|localhost|test|invalid)$/i;

/**
 * The email settings a deployment will run with, or an Error saying what to pass. The outbox (mail kept in D1, never
 * sent) only when asked for by flag or environment, never from a saved choice or by default.
 */
export function checkEmail(email) {
  const { provider } = email;
  if (!provider) {
    return new Error(
      'Choose how the deployment sends email:\n' +
        '  --email cloudflare --email-from "Support <support@yourdomain.com>"   (Cloudflare Email Sending, a verified domain)\n' +
        '  --email resend --email-from "Support <support@yourdomain.com>"       (RESEND_API_KEY in the environment)\n' +
        '  --email outbox                                                       (no mail leaves: local testing only)',
    );
  }
  if (!PROVIDERS.includes(provider))
    return new Error(`--email must be one of ${PROVIDERS.join(', ')}, not ${JSON.stringify(provider)}`);
  if (provider === 'outbox') {
    if (!email.explicitOutbox)
      return new Error(
        'The outbox keeps mail in D1 and sends nothing: pass --email outbox on the command line to deploy with it anyway.',
      );
    return {
      EMAIL_PROVIDER: 'outbox',
      EMAIL_FROM: email.from ?? 'Parley <support@parley.local>',
      EMAIL_REPLY_DOMAIN: email.replyDomain ?? 'parley.local',
    };
  }
  const address = addressOf(email.from);
  if (!address)
    return new Error(
      `--email ${provider} needs --email-from with an address of your sending domain, e.g. "Support <support@yourdomain.com>"`,
    );
  const domain = address.split('@')[1].toLowerCase();
  const replyDomain = (email.replyDomain ?? domain).toLowerCase();
  for (const d of [domain, replyDomain]) {
    if (PLACEHOLDER_DOMAIN.test(d) || !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(d))
      return new Error(`${d} is not a domain mail can be sent from or replied to: use your own`);
  }
  return { EMAIL_PROVIDER: provider, EMAIL_FROM: email.from.trim(), EMAIL_REPLY_DOMAIN: replyDomain };
}

/** The loud warning printed whenever a deployment keeps its mail in the outbox. */
export const OUTBOX_WARNING = [
  '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
  '!! EMAIL_PROVIDER=outbox: this deployment sends NO email. Offline messages,    !!',
  '!! unread-reply alerts and transcripts stay in D1. Redeploy with --email       !!',
  '!! cloudflare or --email resend before real visitors use it.                   !!',
  '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
].join('\n');
