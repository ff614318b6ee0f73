// Inbox, search and stats at scale (issue 10, item 6): one site with 100,000 conversations and
// 1,000,000 messages seeded straight into the local D1, then the API timed as an agent calls it.
// Standalone: `node bench/inbox.mjs` (the pinned Node 22: node_modules/.bin/node). INBOX_REPS sets the repetitions.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { d1File, startParley } from './inbox-server.mjs';
import { freePort } from '../scripts/free-port.mjs';
import { seedInbox } from './inbox-seed.mjs';

const SEARCH_MS = 50,
  PAGE_MS = 20,
  STATS_MS = 50;
const OWNER = { workspace: 'Bench', name: 'Bench Owner', email: 'owner@bench.test', password: 'bench-password-1' };

async function call(base, path, { token, body } = {}) {
  const res = await fetch(base + path, {
    method: body ? 'POST' : 'GET',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** Extra agents and departments of the bench workspace, written beside the seed (they only need rows). */
function teamRows(file, workspaceId) {
  const db = new DatabaseSync(file);
  const agents = Array.from({ length: 12 }, (_, i) => ({ id: `ag_seed${i}`, name: `Agent ${i}` }));
  const add = db.prepare(
    "INSERT INTO agents (id, workspace_id, name, email, password_hash, role, created_at) VALUES (?, ?, ?, ?, 'x', 'agent', '2026-01-01T00:00:00.000Z')",
  );
  for (const a of agents) add.run(a.id, workspaceId, a.name, `${a.id}@bench.test`);
  const dept = db.prepare(
    "INSERT INTO departments (id, workspace_id, name, created_at) VALUES (?, ?, ?, '2026-01-01T00:00:00.000Z')",
  );
  for (const d of ['Sales', 'Billing', 'Technical']) dept.run(`dp_seed_${d.toLowerCase()}`, workspaceId, d);
  const departments = db
    .prepare('SELECT id FROM departments WHERE workspace_id = ?')
    .all(workspaceId)
    .map((r) => r.id);
  db.close();
  return { agents, departments };
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

/** Seed, then time every call; returns the rows of the table and what the seed took. */
export async function inboxScenario({ log = console.log, reps = Number(process.env.INBOX_REPS ?? 15) } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'parley-inbox-'));
  const opts = { port: await freePort(), state: join(dir, 'state'), dist: join(dir, 'dist') };
  let server;
  try {
    log('inbox: starting Parley (migrations, wrangler dev)');
    server = await startParley(opts);
    const { token, agent } = await call(server.base, '/api/auth/register', { body: OWNER });
    const { site } = await call(server.base, '/api/sites', { token, body: { name: 'Big site', allowedOrigins: [] } });
    // wrangler dev holds the D1 file open: seed it while it is stopped, then start again on the same state.
    await server.stop();
    const file = d1File(opts.state);
    const team = teamRows(file, agent.workspaceId);
    log('inbox: seeding 100,000 conversations and 1,000,000 messages');
    const t0 = performance.now();
    const seedOpts = {
      siteId: site.id,
      workspaceId: agent.workspaceId,
      agents: [{ id: agent.id, name: agent.name }, ...team.agents],
      departments: team.departments,
    };
    const planted = seedInbox(file, seedOpts);
    const seconds = Math.round((performance.now() - t0) / 100) / 10;
    log(`inbox: seeded in ${seconds} s; starting Parley again`);
    server = await startParley(opts);
    const base = server.base,
      inbox = `/api/sites/${site.id}/conversations`;
    const first = await call(base, inbox, { token });
    const day = (d) => new Date(Date.now() - d * 86_400_000).toISOString().slice(0, 10);
    const q = (s) => `${inbox}?q=${encodeURIComponent(s)}`;
    const cases = [
      // What any request costs on the local runtime (wrangler dev's proxy, workerd, no D1): the floor of every row.
      // Not /api/health, which reads D1's migrations table since issue 12 (runs before it used /api/health).
      ['floor: GET /api/auth/config', '/api/auth/config', null],
      ['inbox: first page', inbox, PAGE_MS],
      ['inbox: next page (cursor)', `${inbox}?cursor=${encodeURIComponent(first.nextCursor)}`, PAGE_MS],
      ['inbox: archived view', `${inbox}?archived=true`, PAGE_MS],
      ['filter: status=waiting', `${inbox}?status=waiting`, PAGE_MS],
      ['filter: status=resolved', `${inbox}?status=resolved`, PAGE_MS],
      ['filter: assignee=me', `${inbox}?assignee=me`, PAGE_MS],
      ['filter: assignee=unassigned', `${inbox}?assignee=unassigned`, PAGE_MS],
      ['filter: tag (common)', `${inbox}?tag=billing`, PAGE_MS],
      ['filter: tag (rare)', `${inbox}?tag=press`, PAGE_MS],
      ['filter: priority=urgent', `${inbox}?priority=urgent`, PAGE_MS],
      ['filter: department', `${inbox}?department=${team.departments.at(-1)}`, PAGE_MS],
      ['filter: date range', `${inbox}?from=${day(70)}&to=${day(60)}`, PAGE_MS],
      ['search: rare word', q(planted.rare), SEARCH_MS],
      ['search: common word', q(planted.common), SEARCH_MS],
      ["search: visitor's email", q(planted.email), SEARCH_MS],
      ["search: visitor's name", q(planted.name), SEARCH_MS],
      ['search: word + filter', `${q(planted.common)}&assignee=me`, SEARCH_MS],
      ['search: pasted sentence', q('my package never arrived and I would like a refund please'), SEARCH_MS],
      ['stats: last 7 days', `/api/sites/${site.id}/stats`, STATS_MS],
      ['stats: last 90 days', `/api/sites/${site.id}/stats?from=${day(90)}&to=${day(0)}`, STATS_MS],
    ];
    const rows = [];
    for (const [name, path, targetMs] of cases) {
      const times = [];
      let hits = 0;
      for (let i = 0; i < reps + 2; i++) {
        const t = performance.now();
        const body = await call(base, path, { token });
        // The first two are warm-up (compiled statements, page cache); they are not counted.
        if (i >= 2) times.push(performance.now() - t);
        hits = body.conversations?.length ?? 1;
      }
      times.sort((a, b) => a - b);
      const p50ms = Math.round(quantile(times, 0.5) * 10) / 10,
        p90ms = Math.round(quantile(times, 0.9) * 10) / 10;
      rows.push({ name, p50ms, p90ms, targetMs, ok: targetMs === null || p50ms <= targetMs, hits });
      log(
        `inbox: ${name.padEnd(28)} p50 ${String(p50ms).padStart(6)} ms  p90 ${String(p90ms).padStart(6)} ms  (${hits} rows)`,
      );
    }
    return { rows, seed: { conversations: 100_000, messages: 1_000_000, seconds } };
  } finally {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The result as a markdown table. */
export const inboxTable = ({ rows }) =>
  [
    '| call | p50 ms | p90 ms | target ms | ok |',
    '|---|---:|---:|---:|---|',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.p50ms} | ${r.p90ms} | ${r.targetMs ?? '–'} | ${r.targetMs === null ? '' : r.ok ? 'yes' : 'NO'} |`,
    ),
  ].join('\n');

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await inboxScenario({ log: (t) => console.log(t) });
  console.log(
    `\nSeed: ${result.seed.conversations} conversations, ${result.seed.messages} messages in ${result.seed.seconds} s\n`,
  );
  console.log(inboxTable(result));
  // Kept beside the message-path results so runs can be compared.
  const out = join(fileURLToPath(new URL('.', import.meta.url)), 'results');
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, `inbox-${stamp}.json`), JSON.stringify(result, null, 2));
  writeFileSync(
    join(out, `inbox-${stamp}.md`),
    `Seed: ${result.seed.conversations} conversations, ${result.seed.messages} messages in ${result.seed.seconds} s\n\n${inboxTable(result)}\n`,
  );
  process.exit(result.rows.every((r) => r.ok) ? 0 : 1);
}
