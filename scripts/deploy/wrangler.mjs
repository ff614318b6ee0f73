// Runs wrangler for `npm run deploy`: every command is printed as it runs; in a dry run the commands that would
// change something are only printed. WRANGLER overrides the binary (tests put a fake one there).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** Quotes an argument for display the way a shell would need it. */
const shellQuote = (a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);

/** The printed form of a wrangler command. */
export const show = (args) => ['wrangler', ...args].map(shellQuote).join(' ');

/**
 * A wrangler runner for the repository at `root`. `read(args)` runs a read-only command and returns
 * {ok, stdout, stderr}; `change(args, opts)` prints the command and runs it unless this is a dry run (then it
 * returns null). Both pass `extraEnv` (the account id, the output file) to wrangler.
 */
export function wranglerRunner({ root, dryRun, log, env = process.env }) {
  const bin = env.WRANGLER || join(root, 'node_modules/.bin/wrangler');
  const baseEnv = { ...env, PATH: `${join(root, 'node_modules/.bin')}:${env.PATH}`, WRANGLER_SEND_METRICS: 'false' };
  const exec = (args, { capture, stdin = 'ignore', extraEnv = {} }) => {
    const r = spawnSync(bin, args, {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 << 20,
      stdio: [stdin, capture ? 'pipe' : 'inherit', capture ? 'pipe' : 'inherit'],
      env: { ...baseEnv, ...extraEnv },
    });
    if (r.error) throw new Error(`could not run ${bin}: ${r.error.message}`);
    return { ok: r.status === 0, status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
  };
  return {
    bin,
    /** A read-only command, its output captured (printed with a "?" when `quiet` is false). */
    read(args, { extraEnv } = {}) {
      log(`  ? ${show(args)}`);
      return exec(args, { capture: true, extraEnv });
    },
    /** A command that changes something: printed, then run (not in a dry run); throws when it fails. */
    change(args, { extraEnv, stdin, capture = false } = {}) {
      log(`  ${dryRun ? 'would run:' : '$'} ${show(args)}`);
      if (dryRun) return null;
      const r = exec(args, { capture, stdin, extraEnv });
      if (!r.ok)
        throw new Error(`${show(args)} failed (exit ${r.status})${capture ? `:\n${r.stderr || r.stdout}` : ''}`);
      return r;
    },
    /** A command that checks without changing (wrangler's own deploy --dry-run): run in every mode; throws on failure. */
    check(args, { extraEnv } = {}) {
      log(`  $ ${show(args)}`);
      const r = exec(args, { capture: true, extraEnv });
      if (!r.ok) throw new Error(`${show(args)} failed (exit ${r.status}):\n${r.stderr || r.stdout}`);
      return r;
    },
  };
}

/** The JSON a `--json` command printed (wrangler may print a banner line first), or undefined. */
export function parseJsonOutput(stdout) {
  const start = stdout.search(/^[[{]/m);
  if (start < 0) return undefined;
  try {
    return JSON.parse(stdout.slice(start));
  } catch {
    return undefined;
  }
}
