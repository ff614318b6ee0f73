// Import rules checked by `npm run lint` (docs/architecture.md "Boundaries"): no cycles, entry points imported by
// nothing, the contract and the shared client import nothing of the apps, components import no chat behaviour,
// and a worker feature's queries are its own (other features use what its index.ts exports).
const notTests = '\\.test\\.tsx?$|/test/';

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
