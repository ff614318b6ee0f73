// A CPU profile of Parley's Worker and Durable Objects (one isolate under wrangler dev), through the
// inspector that `npm start` opens when PARLEY_INSPECTOR_PORT is set (docs/performance.md):
//   PARLEY_INSPECTOR_PORT=9333 npm run bench -- --only parley --no-search --no-bigsite --seconds 30 &
//   node bench/profile.mjs 9333 10        # once the 72 msg/s step is sending
// Prints self and inclusive time per function, as shares of the samples.
const [port = 9229, seconds = 10] = process.argv.slice(2).map(Number);
const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, {
  headers: { Origin: 'https://devtools.devprod.cloudflare.dev' },
});
let id = 0;
const pending = new Map();
const call = (method, params = {}) =>
  new Promise((res) => {
    pending.set(++id, res);
    ws.send(JSON.stringify({ id, method, params }));
  });
ws.onmessage = (e) => {
  const m = JSON.parse(e.data);
  pending.get(m.id)?.(m);
  pending.delete(m.id);
};
ws.onerror = () => {
  console.error(`no inspector on port ${port}`);
  process.exit(1);
};
await new Promise((r) => (ws.onopen = r));
await call('Profiler.enable');
await call('Profiler.setSamplingInterval', { interval: 200 });
await call('Profiler.start');
await new Promise((r) => setTimeout(r, seconds * 1000));
const { profile } = (await call('Profiler.stop')).result;

const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const name = (n) =>
  `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
const self = new Map();
const inclusive = new Map();
for (const sample of profile.samples) {
  const leaf = nodes.get(sample);
  self.set(name(leaf), (self.get(name(leaf)) ?? 0) + 1);
  const seen = new Set();
  for (let cur = sample; cur !== undefined; cur = parent.get(cur)) {
    const key = name(nodes.get(cur));
    if (!seen.has(key)) {
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + 1);
    }
  }
}
const top = (m, n) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${((100 * v) / profile.samples.length).toFixed(1).padStart(5)} %  ${k}`)
    .join('\n');
console.log(
  `${profile.samples.length} samples over ${seconds} s\n\n== self\n${top(self, 30)}\n\n== inclusive\n${top(inclusive, 40)}`,
);
process.exit(0);
