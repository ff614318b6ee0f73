// Size budget of the visitor widget: gzips (level 9) every widget file of a built dist directory and fails over budget.
// Builds nothing: `npm run size` builds first. Usage: node scripts/size.mjs [dist] (or PARLEY_DIST).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = process.argv[2] || process.env.PARLEY_DIST || 'dist';
/** Budgets in bytes, gzipped: the loader alone, and every widget file together. */
const BUDGET = { loader: 6 * 1024, total: 20 * 1024 };

const files = readdirSync(dir).filter((f) => /^widget.*\.(m?js|css)$/.test(f)).sort((a, b) => (a === 'widget.js' ? -1 : b === 'widget.js' ? 1 : a.localeCompare(b)));
if (!files.includes('widget.js')) {
  console.error(`size: no widget.js in ${dir} (build the widget first)`);
  process.exit(1);
}
const kb = (n) => (n / 1024).toFixed(2).padStart(7) + ' KB';
let total = 0;
let loader = 0;
console.log('file'.padEnd(24) + 'raw'.padStart(10) + 'gzip'.padStart(11));
for (const f of files) {
  const raw = readFileSync(join(dir, f));
  const gz = gzipSync(raw, { level: 9 }).length;
  total += gz;
  if (f === 'widget.js') loader = gz;
  console.log((f === 'widget.js' ? 'widget.js (loader)' : f).padEnd(24) + kb(raw.length) + ' ' + kb(gz));
}
console.log('total'.padEnd(24) + ' '.repeat(10) + ' ' + kb(total));
const over = [];
if (loader > BUDGET.loader) over.push(`loader ${kb(loader).trim()} > ${kb(BUDGET.loader).trim()}`);
if (total > BUDGET.total) over.push(`total ${kb(total).trim()} > ${kb(BUDGET.total).trim()}`);
if (over.length) {
  console.error('size: over budget: ' + over.join('; '));
  process.exit(1);
}
console.log(`size: within budget (loader ≤ ${kb(BUDGET.loader).trim()}, total ≤ ${kb(BUDGET.total).trim()})`);
