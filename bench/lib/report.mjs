// The bench's output: markdown tables (printed, and saved beside the full JSON in bench/results/).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSafe, ms, num } from './stats.mjs';
import { perMessage } from './bigsite.mjs';
import { inboxTable } from '../inbox.mjs';

const table = (head, rows) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join(
    '\n',
  );
const ratio = (a, b) => (a !== null && b !== null && b > 0 && Number.isFinite(a) ? a / b : null);

/** Parley's figures over the peer's in the same step (CPU per message, p50, p99). */
export function ratios(parley, peer) {
  if (!parley || !peer || parley.skipped || peer.skipped) return null;
  return {
    cpu: ratio(parley.cpuPerMsg, peer.cpuPerMsg),
    p50: ratio(parley.latency.p50, peer.latency.p50),
    p99: ratio(parley.latency.p99, peer.latency.p99),
  };
}

function stepRow(label, target, s, r, f = null) {
  if (s.skipped) return [label, target, num(s.offered, 0), `skipped: ${s.skipped}`, ...Array(15).fill('')];
  const per = perMessage(s.counters, s.counters?.messages || s.acked);
  return [
    label,
    target,
    num(s.offered, 0),
    num(s.achieved, 0) + (s.overloaded ? ' (overloaded)' : ''),
    ms(s.latency.p50),
    ms(s.latency.p90),
    ms(s.latency.p99),
    s.lost,
    s.duplicated,
    s.outOfOrder,
    s.unacked,
    s.refused,
    num(s.cpuPerMsg),
    per ? num(per.d1Statements) : '',
    per ? num(per.siteCalls) : '',
    r ? num(r.cpu, 1) : '',
    r ? num(r.p50, 1) : '',
    r ? num(r.p99, 1) : '',
    f ? num(f.cpu, 1) : '',
  ];
}

/** The whole run as markdown. */
export function markdown(res) {
  const m = res.machine;
  const out = [
    `# npm run bench: ${res.startedAt}`,
    '',
    `${m.before.cpus} CPUs (${m.before.model}), Node ${m.before.node}. Load average ${m.before.load.join(' ')} before the run, ${m.after?.load.join(' ')} after. ` +
      `A durable SQLite commit (WAL, synchronous=FULL) took ${num(m.before.commitMs)} ms before, ${num(m.after?.commitMs)} ms after. ` +
      `Idle server CPU (ms/s): ${Object.entries(res.idleCpuMsPerSecond ?? {})
        .map(([t, v]) => `${t} ${num(v, 0)}`)
        .join(', ')}. ` +
      `${res.options.seconds} s per step; ${Math.round(res.durationSeconds)} s in all.`,
    '',
  ];
  const head = [
    'step',
    'target',
    'offered msg/s',
    'delivered msg/s',
    'p50 ms',
    'p90 ms',
    'p99 ms',
    'lost',
    'dup',
    'out of order',
    'unacked',
    'refused',
    'CPU ms/msg',
    'D1 stmts/msg',
    'SiteDO calls/msg',
    '× peer CPU',
    '× peer p50',
    '× peer p99',
    '× floor CPU',
  ];
  const rows = [];
  for (const st of res.steps) {
    for (const t of ['peer', 'floor', 'parley'])
      if (st[t])
        rows.push(
          stepRow(st.label, t, st[t], t === 'parley' ? st.ratios : null, t === 'parley' ? st.floorRatios : null),
        );
  }
  if (res.countersStep) rows.push(stepRow(res.countersStep.label, 'parley', res.countersStep.parley, null));
  for (const t of ['peer', 'parley'])
    for (const p of res.saturation?.[t]?.probes ?? [])
      rows.push(stepRow(`search ${p.conversations} conv.`, t, p, null));
  out.push('## Load steps', '', table(head, rows), '');
  if (res.saturation) {
    out.push('## Saturation (highest rate with p99 < 250 ms, nothing lost, unacked or refused)', '');
    const sat = ['peer', 'parley']
      .filter((t) => res.saturation[t])
      .map((t) => {
        const s = res.saturation[t];
        return [
          t,
          s.rate ? num(s.rate, 0) : `< ${num(s.aboveRate, 0)}`,
          s.aboveRate === null ? (s.capped ? 'none (search capped)' : 'none (time budget)') : num(s.aboveRate, 0),
          s.probes.length,
        ];
      });
    out.push(table(['target', 'saturation msg/s', 'first failing msg/s', 'probes'], sat), '');
    const { peer, parley } = res.saturation;
    if (peer?.rate && parley) {
      out.push(
        parley.rate
          ? `Parley's saturation rate is ${num(parley.rate / peer.rate)} × the peer's.`
          : `Parley failed even its lowest probe (${num(parley.aboveRate, 0)} msg/s): under ${num(parley.aboveRate / peer.rate)} × the peer's saturation rate.`,
        '',
      );
    }
  }
  if (res.bigsite) {
    const b = res.bigsite;
    out.push('## Big site (Parley)', '', b.note ? `${b.note}\n` : '');
    out.push(
      table(
        [
          'conversations',
          'agent site sockets',
          'offered msg/s',
          'acked',
          'refused',
          'SiteDO calls/msg',
          'site frames/msg',
          'frames/agent socket/s',
          'bytes/agent socket/s',
          'D1 stmts/msg',
          'reached a console',
          'to a console p50 ms',
          'p99 ms',
          'CPU ms/msg',
        ],
        [
          [
            b.conversations,
            b.agents,
            num(b.offered, 0),
            b.acked,
            b.refused,
            num(b.perMessage?.siteCalls),
            num(b.perMessage?.siteFrames, 1),
            num(b.framesPerAgentSecond, 1),
            num(b.bytesPerAgentSecond, 0),
            num(b.perMessage?.d1Statements),
            `${b.reachedConsole}/${b.sent}`,
            ms(b.siteLatency.p50),
            ms(b.siteLatency.p99),
            num(b.cpuPerMsg),
          ],
        ],
      ),
      '',
    );
  }
  if (res.inbox) {
    out.push(
      '## Inbox, search and stats at scale (Parley, API time as an agent calls it)',
      '',
      `Seeded ${res.inbox.seed.conversations} conversations and ${res.inbox.seed.messages} messages into the local D1 in ${res.inbox.seed.seconds} s.`,
      '',
      inboxTable(res.inbox),
      '',
    );
  }
  return out.join('\n');
}

/** Write <dir>/<timestamp>.json|.md and latest.json|.md; returns the paths. */
export function save(res, dir) {
  mkdirSync(dir, { recursive: true });
  const stamp = res.startedAt.replace(/[:.]/g, '-');
  const md = markdown(res);
  const json = `${JSON.stringify(jsonSafe(res), null, 2)}\n`;
  const files = [join(dir, `${stamp}.json`), join(dir, `${stamp}.md`)];
  writeFileSync(files[0], json);
  writeFileSync(files[1], `${md}\n`);
  writeFileSync(join(dir, 'latest.json'), json);
  writeFileSync(join(dir, 'latest.md'), `${md}\n`);
  return files;
}
