// Command-line flags and environment variables of `npm run bench` (docs/performance.md).

const HELP = `npm run bench [-- options]
  --quick            short steps and fewer conversations: a smoke run (about 2 minutes)
  --only parley|peer|floor run one target (no ratios then)
  --no-floor         skip the runtime's floor (bench/floor: a bare Durable Object chat)
  --seconds N        seconds of sending per load step (default 10; env BENCH_STEP_SECONDS)
  --no-search        skip the saturation search
  --no-bigsite       skip the big-site scenario
  --no-inbox         skip the inbox scenario (100,000 conversations, 1,000,000 messages seeded into D1)
  --build            build the console and widget as npm start does (skipped by default)
  --out DIR          where results go (default bench/results)`;

/** The run's options from argv and env. */
export function options(argv = process.argv.slice(2), env = process.env) {
  const has = (f) => argv.includes(f);
  const value = (f) => {
    const i = argv.indexOf(f);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  if (has('--help') || has('-h')) {
    console.log(HELP);
    process.exit(0);
  }
  const quick = has('--quick') || env.BENCH_QUICK === '1';
  const only = value('--only') ?? env.BENCH_ONLY;
  if (only && !['parley', 'peer', 'floor'].includes(only))
    throw new Error(`--only takes parley, peer or floor, not ${only}`);
  const seconds = Number(value('--seconds') ?? env.BENCH_STEP_SECONDS ?? (quick ? 3 : 10));
  if (!(seconds > 0)) throw new Error('--seconds takes a positive number');
  return {
    quick,
    seconds,
    targets: only ? [only] : ['peer', 'parley', ...(has('--no-floor') || env.BENCH_FLOOR === '0' ? [] : ['floor'])],
    ratePerSide: 0.9,
    // 72, 180 and 720 msg/s at 0.9 msg/s per side (quick: a quarter of the conversations).
    steps: quick ? [10, 25, 100] : [40, 100, 400],
    // The counters' "1 msg/s per side" row (Parley only).
    countersStep: { conversations: quick ? 10 : 40, ratePerSide: 1 },
    search: !has('--no-search') && env.BENCH_SEARCH !== '0',
    inbox: !has('--no-inbox') && env.BENCH_INBOX !== '0' && (!only || only === 'parley'),
    searchBudgetSeconds: quick ? 25 : 60,
    searchSeconds: Math.max(2, Math.round(seconds * 0.75)),
    maxConversations: quick ? 200 : 1500,
    p99Limit: 250,
    bigsite: !has('--no-bigsite') && env.BENCH_BIGSITE !== '0' && (!only || only === 'parley'),
    bigsiteConversations: Number(env.BENCH_BIGSITE_CONVERSATIONS ?? (quick ? 100 : 1000)),
    bigsiteAgents: quick ? 10 : 50,
    bigsiteRate: 0.2,
    bigsiteSeconds: quick ? 5 : 15,
    bigsiteSetupSeconds: Number(env.BENCH_BIGSITE_SETUP_SECONDS ?? (quick ? 30 : 75)),
    // A target whose step was this bad skips its bigger fixed steps (they would only take time).
    skipAfterP99: 2000,
    build: has('--build'),
    out: value('--out') ?? env.BENCH_OUT,
  };
}
