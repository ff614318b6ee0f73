// Which Chromium the browser tests drive: CHROMIUM_PATH when set, else the headless Chromium that ships inside the
// @sparticuz/chromium npm package (unpacked on first use into the system's temp directory), so `npm test` needs
// nothing but Node and npm: no system browser, no download at run time.
import { existsSync } from 'node:fs';
import sparticuz from '@sparticuz/chromium';

/** The absolute path of the Chromium to launch; throws when CHROMIUM_PATH names no file (never a silent skip). */
export async function chromiumPath() {
  const chosen = process.env.CHROMIUM_PATH;
  if (chosen) {
    if (!existsSync(chosen)) throw new Error(`CHROMIUM_PATH is ${chosen}, and no file is there`);
    return chosen;
  }
  // Unpacks bin/chromium.br (and its shared libraries) from the package once; later calls reuse it.
  return sparticuz.executablePath();
}

/** Command-line switches for a headless run in a container (no sandbox, no GPU, no background traffic). */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'];
