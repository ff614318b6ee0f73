// Counts every D1 statement and round trip for the bench (docs/performance.md): getDb wraps the
// binding once here, so no query can reach D1 without being counted.
import { count } from '../dev/counters';

/** A prepared statement that counts itself when it runs (bind keeps the wrapper). */
class CountingStatement {
  constructor(readonly inner: D1PreparedStatement) {}
  bind(...values: unknown[]) {
    return new CountingStatement(this.inner.bind(...values));
  }
  first(column?: string) {
    tick(1);
    return column === undefined ? this.inner.first() : this.inner.first(column);
  }
  run() {
    tick(1);
    return this.inner.run();
  }
  all() {
    tick(1);
    return this.inner.all();
  }
  raw(options?: { columnNames?: boolean }) {
    tick(1);
    return this.inner.raw(options as { columnNames: true });
  }
}

function tick(statements: number) {
  count('d1.statements', statements);
  count('d1.calls');
}

const unwrap = (s: D1PreparedStatement) => (s instanceof CountingStatement ? s.inner : s);

/** The D1 binding, counted: a batch is one call of n statements; exec is one call (its statements counted by D1's answer). */
export class CountingD1 {
  constructor(readonly inner: D1Database) {}
  prepare(query: string) {
    return new CountingStatement(this.inner.prepare(query)) as unknown as D1PreparedStatement;
  }
  batch<T = unknown>(statements: D1PreparedStatement[]) {
    tick(statements.length);
    return this.inner.batch<T>(statements.map(unwrap));
  }
  async exec(query: string) {
    const result = await this.inner.exec(query);
    tick(result.count);
    return result;
  }
  /** A session (read replication) is counted the same way: it has the same prepare and batch. */
  withSession(constraint?: string) {
    return new CountingD1(this.inner.withSession(constraint) as unknown as D1Database);
  }
  dump() {
    return this.inner.dump();
  }
}

/** Wrap a D1 binding once (wrapping a wrapper returns it as is). */
export const countingD1 = (d1: D1Database): D1Database =>
  (d1 instanceof CountingD1 ? d1 : new CountingD1(d1)) as unknown as D1Database;
