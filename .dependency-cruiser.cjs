// Import rules checked by `npm run lint` (docs/architecture.md "Boundaries"): no cycles, entry points imported by
// nothing, the contract and the shared client import nothing of the apps, components import no chat behaviour,
// and a worker feature's queries are its own (other features use what its index.ts exports).
const notTests = '\\.test\\.tsx?$|/test/';

/**
 * The protocol/ modules that bring zod at run time: those importing it, and those importing one of them other than
 * for types. The browser apps may take only types from these: the console's CSP forbids the eval zod probes for, and
 * the widget's size budget has no room for it (docs/architecture.md "The realtime client").
 */
function protocolModulesWithZod() {
  const { readdirSync, readFileSync } = require('node:fs');
  const files = readdirSync(`${__dirname}/protocol`).filter((f) => /\.ts$/.test(f) && !/\.test\.ts$/.test(f));
  const runtimeImports = (f) =>
    [
      ...readFileSync(`${__dirname}/protocol/${f}`, 'utf8').matchAll(
        /^(?:import|export) (?!type )[^;]*? from '([^']+)'/gms,
      ),
    ].map((m) => m[1]);
  const withZod = new Set(files.filter((f) => runtimeImports(f).includes('zod')));
  for (let grew = true; grew; ) {
    grew = false;
    for (const f of files) {
      if (withZod.has(f)) continue;
      if (runtimeImports(f).some((i) => withZod.has(`${i.replace(/^\.\//, '')}.ts`))) grew = withZod.add(f) && true;
    }
  }
  return [...withZod].map((f) => f.replace('.ts', ''));
}

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'A cycle means data no longer flows one way (entry → owner → machinery → wire).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-entry-imports',
      comment: 'Entry points start things (the Worker, the loader, the widget app, the console); nothing imports them.',
      severity: 'error',
      from: { pathNot: '\\.d\\.ts$' },
      to: { path: '^(worker/src/index\\.ts|widget/src/loader\\.ts|widget/src/app\\.tsx|console/src/main\\.tsx)$' },
    },
    {
      name: 'protocol-is-the-contract',
      comment: 'protocol/ is what every side agrees on: it imports none of them.',
      severity: 'error',
      from: { path: '^protocol/' },
      to: { path: '^(worker|widget|console|client)/' },
    },
    {
      name: 'client-is-shared',
      comment: 'client/ is used by the widget and the console: it imports only protocol/ and itself.',
      severity: 'error',
      from: { path: '^client/' },
      to: { path: '^(worker|widget|console)/' },
    },
    {
      name: 'apps-stay-apart',
      comment:
        'The widget and the console share code through protocol/ and client/ only, never each other or the worker.',
      severity: 'error',
      from: { path: '^widget/src/', pathNot: notTests },
      to: { path: '^(worker|console)/' },
    },
    {
      name: 'console-not-into-widget',
      comment: 'The console may reuse the widget Composer (shared component), nothing of the widget core.',
      severity: 'error',
      from: { path: '^console/src/' },
      to: { path: '^widget/src/', pathNot: '^widget/src/components/' },
    },
    {
      name: 'components-receive-behaviour',
      comment: 'Widget components get the view and the actions as props; they import no chat behaviour.',
      severity: 'error',
      from: { path: '^widget/src/components/' },
      to: { path: '^widget/src/(chat/|features|socket|connection|session|api)', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'browser-apps-without-zod',
      comment:
        'The widget, the console and client/ take only types from protocol modules that bring zod (zod-free modules hold the constants).',
      severity: 'error',
      from: { path: '^(widget/src|console/src|client)/', pathNot: notTests },
      to: {
        path: `^protocol/(${protocolModulesWithZod().join('|')})\\.ts$`,
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'feature-queries-are-private',
      comment: "A worker feature's queries.ts is used by its own folder; other features import from its index.ts.",
      severity: 'error',
      from: { path: '^worker/src/([^/]+)/', pathNot: notTests },
      to: { path: '^worker/src/[^/]+/queries\\.ts$', pathNot: '^worker/src/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|\\.wrangler|\\.deploy)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'] },
  },
};
