// Builds the agent console into <repo>/dist; it runs first, so it owns emptying dist/.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

const consoleRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root: consoleRoot,
  plugins: [preact()],
  build: {
    outDir: `${repoRoot}dist`,
    emptyOutDir: true,
  },
  server: {
    // The console imports the widget's Composer from outside its own root.
    fs: { allow: [repoRoot] },
    // `vite --config console/vite.config.ts` during development talks to `npm start`.
    proxy: { '/api': { target: 'http://127.0.0.1:8787', ws: true } },
  },
});
