// One free-port helper for everything that starts its own Parley (e2e, bench).
import { createServer } from 'node:net';

/** A port nobody listens on right now (the OS picks it); never 8787, where a developer's server may run. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => (port === 8787 ? freePort().then(resolve, reject) : resolve(port)));
    });
  });
}
