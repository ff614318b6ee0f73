// Starts the floor worker with wrangler dev (own port and state), as scripts/start.mjs starts Parley,
// and prints "floor ready on <port>" once it answers. Env: PORT, FLOOR_STATE.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const port = process.env.PORT;
const server = spawn(
  join(root, 'node_modules/.bin/wrangler'),
  [
    'dev',
    '--config',
    join(here, 'wrangler.toml'),
    '--ip',
    '127.0.0.1',
    '--port',
    port,
    '--persist-to',
    process.env.FLOOR_STATE,
    '--show-interactive-dev-session=false',
    '--log-level',
    'warn',
  ],
  {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' },
  },
);
const stop = () => server.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', (code) => process.exit(code ?? 0));
for (let i = 0; i < 600; i++) {
  try {
    if ((await fetch(`http://127.0.0.1:${port}/`)).ok) {
      console.log(`floor ready on ${port}`);
      break;
    }
  } catch {
    /* not up yet */
  }
  await new Promise((r) => setTimeout(r, 200));
}
