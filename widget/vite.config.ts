// Builds the visitor widget in one `vite build`: the app as an ES module (dist/widget-app.js plus one small
// chunk per language, dist/widget-<lang>.js) and, from a plugin, the loader as a classic IIFE (dist/widget.js).
// File names carry no hash: the loader finds the app next to itself, whatever the deploy.
import { build, defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** Emits dist/widget.js: src/loader.ts bundled on its own as an IIFE (no Preact, no app code). */
function loader(): Plugin {
  return {
    name: 'parley-loader',
    apply: 'build',
    async generateBundle() {
      const out = await build({
        configFile: false,
        logLevel: 'warn',
        define: { 'process.env.NODE_ENV': '"production"' },
        build: {
          write: false,
          target: 'es2020',
          minify: true,
          lib: { entry: here('src/loader.ts'), name: 'ParleyLoader', formats: ['iife'], fileName: () => 'widget.js' },
        },
      });
      const chunk = (Array.isArray(out) ? out[0] : out) as { output: { fileName: string; code?: string }[] };
      this.emitFile({ type: 'asset', fileName: 'widget.js', source: chunk.output[0].code! });
      // Cross-origin sites import the app module: Cloudflare's static assets need CORS for it (a `_headers` rule).
      this.emitFile({ type: 'asset', fileName: '_headers', source: '/widget*.js\n  Access-Control-Allow-Origin: *\n' });
    },
  };
}

export default defineConfig({
  root: here('.'),
  publicDir: false,
  plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false }), loader()],
  define: { 'process.env.NODE_ENV': '"production"' },
  build: {
    outDir: here('../dist'),
    // The console build writes dist/ first; keep its files.
    emptyOutDir: false,
    copyPublicDir: false,
    target: 'es2022',
    minify: true,
    sourcemap: false,
    // Not lib mode: lib mode leaves ES output unminified (whitespace kept for pure annotations).
    rolldownOptions: {
      input: here('src/app.tsx'),
      preserveEntrySignatures: 'exports-only',
      output: { format: 'es', entryFileNames: 'widget-app.js', chunkFileNames: 'widget-[name].js' },
    },
  },
});
