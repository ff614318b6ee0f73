// Seeds one site of the local D1 file with a large, realistic inbox: conversations over six months,
// their visitors and messages, straight through node:sqlite (Node 22). Triggers keep the FTS indexes.
// Deterministic (a seeded PRNG), so runs compare. Run it only while no wrangler dev has the file open.
import { DatabaseSync } from 'node:sqlite';

const DAY = 86_400_000;
const FIRST = [
  'Ana',
  'Ben',
  'Chloe',
  'David',
  'Emma',
  'Farid',
  'Grace',
  'Hugo',
  'Ines',
  'Jonas',
  'Kenji',
  'Lea',
  'Marta',
  'Noah',
  'Olga',
  'Paul',
  'Quinn',
  'Rosa',
  'Sven',
  'Tara',
  'Umar',
  'Vera',
  'Wei',
  'Ximena',
  'Yusuf',
  'Zoe',
];
const LAST = [
  'Smith',
  'Garcia',
  'Müller',
  'Rossi',
  'Dubois',
  'Kowalski',
  'Nakamura',
  'Silva',
  'Jensen',
  'Novak',
  'Okafor',
  'Petrov',
  'Haddad',
  'Larsen',
  'Moreau',
  'Schmidt',
  'Tanaka',
  'Costa',
  'Fischer',
  'Lopez',
];
const DOMAINS = ['gmail.com', 'outlook.com', 'yahoo.com', 'proton.me', 'acme.io', 'example.org'];
const COMMON =
  'the a to my i is and it order you for can not this with on was have please help account refund delivery payment card package shipping invoice password login email address number thanks hello hi yesterday today week tracking size color return exchange cancel subscription plan discount code price'.split(
    ' ',
  );
const TAGS = [
  'billing',
  'refund',
  'shipping',
  'bug',
  'feature-request',
  'vip',
  'returns',
  'login',
  'sales',
  'feedback',
  'urgent-followup',
  'b2b',
  'press',
  'partner',
  'spam',
];
/** Words planted a known number of times: what the scenario searches for. */
export const PLANTED = { rare: 'zanzibarite', rareCount: 7 };

/** mulberry32: a small seeded PRNG. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Seed `conversations` conversations and exactly `messages` messages into `siteId` of the D1 file.
 * `agents`: [{ id, name }] to assign from (the first is the bench's owner). Returns what the scenario searches for.
 */
export function seedInbox(
  file,
  {
    siteId,
    workspaceId,
    agents,
    departments,
    conversations: n = 100_000,
    messages: total = 1_000_000,
    now = Date.now(),
  },
) {
  const rnd = prng(42);
  const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
  const skew = (arr, s = 1.6) => arr[Math.floor(arr.length * rnd() ** s)];
  // Rare words: a long tail of made-up words, each in a handful of messages.
  const syl = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'ze', 'qu', 'bri', 'dra', 'fen', 'gor', 'hul', 'jax'];
  const tail = Array.from(
    { length: 50_000 },
    (_, i) => syl[i % 16] + syl[(i >> 4) % 16] + syl[(i >> 8) % 16] + syl[(i >> 12) % 16] + 'x',
  );
  const word = () => (rnd() < 0.93 ? skew(COMMON, 2.2) : pick(tail));
  const db = new DatabaseSync(file);
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; BEGIN');
  // The message word index is built once at the end, in one statement: many times faster than its per-row trigger.
  // Today's schema (0007) keys message_words by conversation; before it, messages_fts was keyed by message.
  const fts = db
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ('message_words_insert', 'messages_fts_insert')",
    )
    .get();
  db.exec(`DROP TRIGGER ${fts.name}`);
  const visitor = db.prepare(
    'INSERT INTO visitors (id, site_id, name, email, created_at, last_seen_at, browser, os, device, country) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const conv =
    db.prepare(`INSERT INTO conversations (id, workspace_id, site_id, visitor_id, status, assignee_id, assignee_name, archived_at, created_at, updated_at,
    last_message_at, last_message_preview, last_message_sender, last_seq, message_count, department_id, priority, tags, first_claimed_at, first_visitor_message_at,
    first_agent_reply_at, resolved_at, closed_at, wait_seconds, first_response_seconds, resolution_seconds, rating_score, rated_at, rev)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`);
  // Messages go in 20,000 at a time as one JSON array: a million single-row calls cost more than SQLite's work.
  const msgBatch =
    db.prepare(`INSERT INTO messages (conversation_id, seq, id, sender_type, sender_id, kind, body, created_at)
    SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7 FROM json_each(?)`);
  let pending = [];
  const flush = () => {
    if (pending.length) msgBatch.run(JSON.stringify(pending));
    pending = [];
  };
  // Message counts: long-tailed (most chats are short), then adjusted to exactly `total`.
  const counts = Array.from({ length: n }, () => Math.min(60, 1 + Math.floor(-Math.log(1 - rnd()) * (total / n - 1))));
  let diff = total - counts.reduce((s, c) => s + c, 0);
  for (let i = 0; diff !== 0; i = (i + 7919) % n) {
    if (diff > 0 && counts[i] < 60) {
      counts[i]++;
      diff--;
    } else if (diff < 0 && counts[i] > 1) {
      counts[i]--;
      diff++;
    }
  }
  const rareAt = new Set(
    Array.from({ length: PLANTED.rareCount }, (_, i) => Math.floor(((i + 0.5) * total) / PLANTED.rareCount)),
  );
  const iso = (t) => new Date(t).toISOString();
  const sample = { email: '', name: '' };
  let m = 0;
  for (let i = 0; i < n; i++) {
    const age = 180 * DAY * rnd() ** 1.5;
    const created = now - age - 3600_000;
    const first = pick(FIRST),
      last = pick(LAST);
    const named = rnd() < 0.7,
      mailed = rnd() < 0.6;
    const email = mailed ? `${first}.${last}${i}@${pick(DOMAINS)}`.toLowerCase() : null;
    const vid = `vs_seed${String(i).padStart(6, '0')}`;
    if (i === 4242)
      Object.assign(sample, {
        email: email ?? `${first}.${last}${i}@bench.test`.toLowerCase(),
        name: `${first} ${last}`,
      });
    visitor.run(
      vid,
      siteId,
      named || i === 4242 ? `${first} ${last}` : null,
      i === 4242 ? sample.email : email,
      iso(created),
      iso(created + 600_000),
      pick(['Chrome', 'Firefox', 'Safari', 'Edge']),
      pick(['Windows', 'macOS', 'iOS', 'Android']),
      pick(['desktop', 'mobile', 'tablet']),
      pick(['US', 'DE', 'FR', 'GB', 'BR', 'IN', 'JP']),
    );
    const recent = age < DAY;
    const r = rnd();
    const status = recent
      ? r < 0.25
        ? 'waiting'
        : r < 0.6
          ? 'active'
          : r < 0.85
            ? 'resolved'
            : 'closed'
      : r < 0.65
        ? 'resolved'
        : 'closed';
    const agent = status === 'waiting' ? null : rnd() < 0.08 ? null : skew(agents, 1.3);
    const missed = status === 'closed' && rnd() < 0.1;
    const wait = agent ? -Math.log(1 - rnd()) * 40 : null;
    const frs = agent && !missed ? 10 + Math.exp(Math.log(60) + (rnd() - 0.5) * 3) : null;
    const duration = 60_000 + Math.exp(Math.log(20 * 60) + (rnd() - 0.5) * 3) * 1000;
    const lastAt = created + duration;
    const resolvedAt = status === 'resolved' || (status === 'closed' && !missed && rnd() < 0.5) ? lastAt + 1000 : null;
    const closedAt = status === 'closed' ? lastAt + 2000 : null;
    const archived = !recent && age > 30 * DAY && rnd() < 0.5 ? iso(lastAt + 3 * DAY) : null;
    const tags = [];
    for (let t = Math.floor(-Math.log(1 - rnd()) * 0.8); t > 0; t--) {
      const tg = skew(TAGS, 2);
      if (!tags.includes(tg)) tags.push(tg);
    }
    const rated = resolvedAt && rnd() < 0.2;
    const cid = `cv_seed${String(i).padStart(6, '0')}`;
    const k = counts[i];
    const rows = [];
    for (let s = 1; s <= k; s++, m++) {
      const words = Array.from({ length: 4 + Math.floor(rnd() * 18) }, word);
      if (rareAt.has(m)) words.splice(2, 0, PLANTED.rare);
      const fromAgent = s % 2 === 0 && agent;
      rows.push([
        cid,
        s,
        `ms_seed${m}`,
        fromAgent ? 'agent' : 'visitor',
        fromAgent ? agent.id : vid,
        'text',
        words.join(' '),
        iso(created + ((lastAt - created) * s) / k),
      ]);
    }
    conv.run(
      cid,
      workspaceId,
      siteId,
      vid,
      status,
      agent?.id ?? null,
      agent?.name ?? null,
      archived,
      iso(created),
      iso(lastAt),
      iso(lastAt),
      rows.at(-1)[6].slice(0, 140),
      rows.at(-1)[3],
      k,
      k,
      pick(departments),
      rnd() < 0.7 ? 'normal' : pick(['low', 'high', 'high', 'urgent']),
      JSON.stringify(tags),
      agent ? iso(created + wait * 1000) : null,
      iso(created),
      frs ? iso(created + frs * 1000) : null,
      resolvedAt ? iso(resolvedAt) : null,
      closedAt ? iso(closedAt) : null,
      wait,
      frs,
      resolvedAt ? (resolvedAt - created) / 1000 : null,
      rated ? 1 + Math.floor(rnd() * 5) : null,
      rated ? iso(lastAt + 60_000) : null,
    );
    pending.push(...rows);
    if (pending.length >= 20_000) flush();
  }
  flush();
  db.exec(
    fts.name === 'message_words_insert'
      ? 'INSERT INTO message_words(rowid, body) SELECT (c.rowid << 24) | m.seq, m.body FROM messages m JOIN conversations c ON c.id = m.conversation_id'
      : "INSERT INTO messages_fts(messages_fts) VALUES ('rebuild')",
  );
  db.exec(fts.sql);
  db.exec('COMMIT');
  // No ANALYZE: D1 does not promise statistics, so the plans must be right without them.
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  db.close();
  return { ...sample, rare: PLANTED.rare, common: 'refund' };
}
