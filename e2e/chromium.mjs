// Which Chromium the browser tests drive: CHROMIUM_PATH when set, else the headless Chromium that ships inside the
// @sparticuz/chromium npm package (unpacked on first use into the system's temp directory), so `npm test` needs
// nothing but Node and npm: no system browser, no download at run time.
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sparticuz from '@sparticuz/chromium';

let unpacking;

/**
 * The package's Chromium, unpacked into a directory of its own version, which appears only once complete. The
 * package's own check is that <tmp>/chromium exists: a run interrupted while writing it, or a second run (another
 * checkout on the machine) starting meanwhile, would launch a truncated browser, and another version's binary is
 * taken as is.
 */
async function unpack() {
  const { version } = JSON.parse(
    readFileSync(fileURLToPath(new URL('../package.json', import.meta.resolve('@sparticuz/chromium'))), 'utf8'),
  );
  const dir = join(tmpdir(), `parley-chromium-${version}-${process.getuid?.() ?? 0}`);
  if (existsSync(join(dir, 'chromium'))) return join(dir, 'chromium');
  const staging = mkdtempSync(`${dir}.partial-`);
  const tmp = process.env.TMPDIR;
  process.env.TMPDIR = staging; // the package unpacks into os.tmpdir()
  try {
    await sparticuz.executablePath();
  } finally {
    if (tmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmp;
  }
  try {
    renameSync(staging, dir);
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(join(dir, 'chromium'))) throw err; // else another run finished first: use its copy
  }
  return join(dir, 'chromium');
}

/** The absolute path of the Chromium to launch; throws when CHROMIUM_PATH names no file (never a silent skip). */
export async function chromiumPath() {
  const chosen = process.env.CHROMIUM_PATH;
  if (chosen) {
    if (!existsSync(chosen)) throw new Error(`CHROMIUM_PATH is ${chosen}, and no file is there`);
    return chosen;
  }
  // Once per process: the unpacking points TMPDIR elsewhere while it runs.
  unpacking ??= unpack().catch((err) => {
    unpacking = undefined;
    throw err;
  });
  return unpacking;
}

/** Command-line switches for a headless run in a container (no sandbox, no GPU, no background traffic). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-dev-shm-usage',
];
