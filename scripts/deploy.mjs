// `npm run deploy`: from a Cloudflare login to a live Parley (docs/deploy.md). `npm run deploy -- --dry-run` builds,
// validates and prints every step without touching the account; `npm run deploy:console` adds the console on Pages.
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import { readFlags, swallowedByNpm, USAGE } from './deploy/options.mjs';
import { deploy } from './deploy/run.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Asks for the email provider on a terminal (flags and PARLEY_EMAIL* skip this). */
async function askEmail() {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    console.log('\nHow should this deployment send email (offline messages, unread-reply alerts)?');
    const provider =
      (
        await rl.question('  Provider: cloudflare (Email Sending), resend, or outbox (sends nothing) [cloudflare]: ')
      ).trim() || 'cloudflare';
    if (provider === 'outbox') return { provider, explicitOutbox: true };
    const from = (await rl.question('  Sender, e.g. Acme Support <support@acme.com>: ')).trim();
    const replyDomain =
      (await rl.question("  Reply domain (routed to the Worker by Email Routing) [the sender's domain]: ")).trim() ||
      undefined;
    return { provider, from, replyDomain };
  } finally {
    rl.close();
  }
}

const swallowed = swallowedByNpm(process.env);
if (swallowed.length) {
  const given = swallowed.map((n) => `--${n}`).join(' ');
  console.error(
    `npm kept ${given} for itself (nothing was deployed): put the options after \`--\`, as in\n  npm run deploy -- ${given} ...`,
  );
  process.exit(2);
}
let flags;
try {
  flags = readFlags(process.argv.slice(2));
} catch (err) {
  console.error(`${err.message}\n\n${USAGE}`);
  process.exit(2);
}
if (flags.help) {
  console.log(USAGE);
  process.exit(0);
}
try {
  await deploy({ root, flags, askEmail: process.stdin.isTTY && !flags['dry-run'] ? askEmail : undefined });
} catch (err) {
  console.error(`\ndeploy: ${err.message}`);
  process.exit(1);
}
