// Builds the visitor widget in one `vite build`: the app as an ES module (dist/widget-app.js), each translation as
// data (dist/widget-lang-xx.json) and, from plugins, the loader as a classic IIFE (dist/widget.js).
// File names carry no hash: the loader finds the app next to itself, whatever the deploy.
import { build, defineConfig, type Plugin } from 'vite';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** Compacts CSS text: drops comments, collapses whitespace, removes it around punctuation and the last `;` of a block. */
export function minifyCss(css: string): string {
  return (
    css
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      // Not before ':': `.a :focus` (any focused descendant) differs from `.a:focus`.
      .replace(/ ?([{};,>]) ?/g, '$1')
      .replace(/: /g, ':')
      .replace(/;}/g, '}')
      .trim()
  );
}

// The loader's :host defines every --parley-* property: the shared Composer's var() fallbacks (for the console) are dead weight.
const compact = (s: string) => minifyCss(s).replace(/var\((--parley-[\w-]+),[^()]*\)/g, 'var($1)');

/** Minifies the template literals (without ${}) of the *.css.ts modules at build time: the sources stay readable. */
function cssTs(): Plugin {
  return {
    name: 'parley-css-ts',
    enforce: 'pre',
    transform(code, id) {
      if (id.endsWith('.css.ts'))
        return { code: code.replace(/`([^`$]*)`/g, (_, s: string) => '`' + compact(s) + '`'), map: null };
    },
  };
}

/**
 * Emits dist/widget-app.css, the app's styles (src/theme.css.ts): a file from Parley's origin rather than a string in
 * the app, so that it is cached apart and is no JavaScript to parse. The loader fetches it next to the app and adopts
 * it as a constructable stylesheet, which a strict Content-Security-Policy does not treat as inline (docs/widget.md).
 */
function appCss(): Plugin {
  return {
    name: 'parley-app-css',
    apply: 'build',
    async generateBundle() {
      // theme.css.ts is a module of strings: bundled on its own (minified by cssTs), then evaluated for its value.
      const out = await build({
        configFile: false,
        logLevel: 'warn',
        plugins: [cssTs()],
        build: {
          write: false,
          minify: false,
          lib: { entry: here('src/theme.css.ts'), formats: ['es'], fileName: () => 'css.js' },
        },
      });
      const chunk = (Array.isArray(out) ? out[0] : out) as { output: { code?: string }[] };
      const { widgetCss } = (await import('data:text/javascript,' + encodeURIComponent(chunk.output[0].code!))) as {
        widgetCss: string;
      };
      this.emitFile({ type: 'asset', fileName: 'widget-app.css', source: widgetCss });
    },
  };
}

/** Emits dist/widget-lang-xx.json from src/locales/xx.json, compacted: fetched by i18n.ts only for non-English visitors. */
function langs(): Plugin {
  return {
    name: 'parley-langs',
    apply: 'build',
    generateBundle() {
      const dir = here('src/locales');
      for (const f of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
        const source = JSON.stringify(JSON.parse(readFileSync(dir + '/' + f, 'utf8')));
        this.emitFile({ type: 'asset', fileName: 'widget-lang-' + f, source });
      }
    },
  };
}

/** Emits dist/widget.js: src/loader.ts bundled on its own as an IIFE (no Preact, no app code). */
function loader(): Plugin {
  return {
    name: 'parley-loader',
    apply: 'build',
    async generateBundle() {
      const out = await build({
        configFile: false,
        logLevel: 'warn',
        plugins: [cssTs()],
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
    },
  };
}

/**
 * The widget's on-demand chunks (docs/widget.md): each entry bundled on its own as a minified ES module, emitted as
 * dist/widget-<name>.js. The app imports one by URL, next to itself (`new URL(name, import.meta.url)`), when first
 * needed, so that it weighs nothing in the core; scripts/size.mjs reports them apart, with their own budget.
 * (A plain `import('./x')` would also split, but Vite then adds its preload helper to the core: ~0.6 KB gzipped.)
 */
export const ON_DEMAND = {
  'widget-format.js': '../protocol/format.ts',
  'widget-emoji.js': 'src/emoji-chunk.ts',
  // The help center: it imports nothing at run time; Preact's h and the hooks come from the app.
  'widget-lazy-help.js': 'src/help/Help.tsx',
  // The list of the visitor's conversations: no JSX either; h, the hooks and the strings come from the app.
  'widget-history.js': 'src/components/History.ts',
  // The rating after a resolved conversation.
  'widget-csat.js': 'src/components/Csat.tsx',
  // A file message's image or download link.
  'widget-file.js': 'src/components/Attachment.tsx',
  // The pre-chat, offline and transcript forms and the continuation link.
  'widget-forms.js': 'src/components/Forms.tsx',
};

function onDemand(): Plugin {
  return {
    name: 'parley-on-demand',
    apply: 'build',
    async generateBundle() {
      for (const [fileName, entry] of Object.entries(ON_DEMAND)) {
        const out = await build({
          configFile: false,
          logLevel: 'warn',
          plugins: [cssTs()],
          // JSX calls the `h` a chunk is given (no import of Preact).
          oxc: { jsx: { runtime: 'classic', pragma: 'h', pragmaFrag: 'Fragment' } },
          define: { 'process.env.NODE_ENV': '"production"' },
          build: {
            write: false,
            target: 'es2022',
            minify: true,
            rolldownOptions: {
              input: here(entry),
              preserveEntrySignatures: 'exports-only',
              output: { format: 'es', entryFileNames: fileName },
            },
          },
        });
        const chunk = (Array.isArray(out) ? out[0] : out) as { output: { code?: string }[] };
        this.emitFile({ type: 'asset', fileName, source: chunk.output[0]!.code! });
      }
    },
  };
}

/**
 * The policy of Parley's own pages served as static assets (the console SPA, the demo page): scripts and styles only
 * from files of this origin (no inline code), connections only to this origin (its WebSockets included), no framing.
 * Images may come from anywhere over https (Markdown in articles and replies), data: (the icon) and blob: (attachments).
 */
export const PAGES_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob: https:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** Emits dist/_headers: Cloudflare's static-asset headers (`wrangler dev` applies them too). This build runs last. */
function headers(): Plugin {
  return {
    name: 'parley-headers',
    apply: 'build',
    generateBundle() {
      // Cross-origin sites import the app module and fetch its styles and the translations: they need CORS.
      const cors = '  Access-Control-Allow-Origin: *\n';
      const source =
        `/*\n  Content-Security-Policy: ${PAGES_CSP}\n  X-Content-Type-Options: nosniff\n` +
        '/widget*.js\n' +
        cors +
        '/widget-app.css\n' +
        cors +
        '/widget-lang-*.json\n' +
        cors;
      this.emitFile({ type: 'asset', fileName: '_headers', source });
    },
  };
}

export default defineConfig({
  root: here('.'),
  publicDir: false,
  // The widget's own minimal hooks (src/hooks.ts): the same API for what it uses, ~1 KB smaller.
  resolve: { alias: { 'preact/hooks': here('src/hooks.ts') } },
  plugins: [cssTs(), loader(), onDemand(), langs(), appCss(), headers()],
  // Classic JSX, h(type, props, ...children): shorter calls than the automatic runtime's children arrays (~0.3 KB
  // gzipped). Type checking (tsconfig) keeps react-jsx with preact's types, which describe the same elements.
  oxc: {
    jsx: { runtime: 'classic', pragma: 'h', pragmaFrag: 'Fragment' },
    jsxInject: "import { h, Fragment } from 'preact'",
  },
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
      input: { app: here('src/app.tsx') },
      preserveEntrySignatures: 'exports-only',
      output: { format: 'es', entryFileNames: 'widget-[name].js', chunkFileNames: 'widget-[name].js' },
    },
  },
});
