// Size budget of the visitor widget: gzips (level 9) every widget file of a built dist directory and fails over budget.
// Builds nothing: `npm run size` builds first. Usage: node scripts/size.mjs [dist] (or PARLEY_DIST).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = process.argv[2] || process.env.PARLEY_DIST || 'dist';
/**
 * Budgets in bytes, gzipped: the loader alone, all widget JavaScript every visitor downloads together (translations
 * are data, apart), and each on-demand chunk on its own (fetched only when a visitor needs it, docs/widget.md).
 */
const BUDGET = { loader: 6 * 1024, total: 20 * 1024, onDemand: 8 * 1024 };
const LOADER = 'widget.js';
const APP = 'widget-app.js';

const all = readdirSync(dir);
if (!all.includes(LOADER) || !all.includes(APP)) {
  console.error(`size: no ${LOADER} or ${APP} in ${dir} (build the widget first)`);
  process.exit(1);
}
// Chunks the app imports count as JavaScript too. Found by name from the app, not by listing: dist is never emptied
// (the console shares it), so files of older builds may lie next to this one. A chunk imported statically
// (`import … from "./widget-x.js"`, `import "./widget-x.js"`) is core; one only named otherwise (a URL the app
// imports when needed, or `import("./widget-x.js")`) is on demand.
const reached = [APP];
const onDemand = new Set();
// for...of visits what is pushed while it runs: chunks of chunks are followed too.
for (const f of reached) {
  const code = readFileSync(join(dir, f), 'utf8');
  const statics = new Set([...code.matchAll(/(?:from|import)\s*["'`]\.\/(widget-[\w.-]+?\.m?js)\b/g)].map((m) => m[1]));
  for (const [name] of code.matchAll(/widget-[\w.-]+?\.m?js\b/g)) {
    if (!all.includes(name) || reached.includes(name) || onDemand.has(name)) continue;
    if (statics.has(name)) reached.push(name);
    else onDemand.add(name);
  }
}
const lazy = [...onDemand].sort();
const chunks = reached.slice(1).sort();
// One JSON file per language, fetched only by a visitor in that language.
const langs = all.filter((f) => /^widget-lang-.*\.json$/.test(f)).sort();
// The app's stylesheet: fetched with the app by every visitor, so it counts in the download (it is no JavaScript).
const CSS = 'widget-app.css';
const css = all.includes(CSS) ? [CSS] : [];

const gz = (f) => gzipSync(readFileSync(join(dir, f)), { level: 9 }).length;
const raw = (f) => readFileSync(join(dir, f)).length;
const kb = (n) => (n / 1024).toFixed(2).padStart(7) + ' KB';
const row = (label, r, zipped) =>
  console.log(label.padEnd(60) + (r === null ? ' '.repeat(10) : kb(r)) + ' ' + kb(zipped));

console.log('file'.padEnd(60) + 'raw'.padStart(10) + 'gzip'.padStart(11));
const size = Object.fromEntries([LOADER, APP, ...chunks, ...lazy, ...css, ...langs].map((f) => [f, gz(f)]));
row('widget.js (loader)', raw(LOADER), size[LOADER]);
row('widget-app.js (app)', raw(APP), size[APP]);
for (const f of chunks) row(f + ' (app chunk)', raw(f), size[f]);
const js = [LOADER, APP, ...chunks].reduce((n, f) => n + size[f], 0);
row('total JavaScript', null, js);
for (const f of lazy) row(f + ' (on demand, not in the total)', raw(f), size[f]);
for (const f of css) row(f + ' (app styles)', raw(f), size[f]);
for (const f of langs) row(f + ' (language data)', raw(f), size[f]);
const styles = css.reduce((n, f) => n + size[f], 0);
row(
  'largest visitor download (all JS, styles, largest language)',
  null,
  js + lazy.reduce((n, f) => n + size[f], 0) + styles + Math.max(0, ...langs.map((f) => size[f])),
);

const over = [];
if (size[LOADER] > BUDGET.loader) over.push(`loader ${kb(size[LOADER]).trim()} > ${kb(BUDGET.loader).trim()}`);
if (js > BUDGET.total) over.push(`total JavaScript ${kb(js).trim()} > ${kb(BUDGET.total).trim()}`);
for (const f of lazy)
  if (size[f] > BUDGET.onDemand) over.push(`on-demand ${f} ${kb(size[f]).trim()} > ${kb(BUDGET.onDemand).trim()}`);
if (over.length) {
  console.error('size: over budget: ' + over.join('; '));
  process.exit(1);
}
console.log(
  `size: within budget (loader ≤ ${kb(BUDGET.loader).trim()}, total JavaScript ≤ ${kb(BUDGET.total).trim()}, ` +
    `each on-demand chunk ≤ ${kb(BUDGET.onDemand).trim()})`,
);
