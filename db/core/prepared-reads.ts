// The reads every request makes (the bearer token's row, the desk session's row), on prepared statements
// kept for the connection's life. @libsql/client prepares a statement anew on every `execute`; for the one
// query each API request runs, that preparation and row decoding cost about 12% of the server's CPU.
// Invariant: reads only (the connection is query_only); every call still reads the current row.
import Database from 'libsql';

type Row = Record<string, unknown>;

/** One row of a read, or undefined. */
export type FirstRow = (sql: string, args: unknown[]) => Promise<Row | undefined>;

/** The most distinct statements kept prepared: the hot path has a handful, so this only bounds memory. */
const MAX_STATEMENTS = 64;

/**
 * A `FirstRow` over prepared statements on a query-only native connection to the local database file at
 * `path` (WAL lets it read beside the writer's connection without waiting).
 */
export function openPreparedReads(path: string): { firstRow: FirstRow; close(): void } {
  const db = new Database(path);
  db.exec('PRAGMA query_only = ON');
  db.exec('PRAGMA busy_timeout = 5000');
  const prepared = new Map<string, ReturnType<typeof db.prepare>>();
  const statement = (sql: string) => {
    let s = prepared.get(sql);
    if (!s) {
      if (prepared.size >= MAX_STATEMENTS) prepared.clear();
      s = db.prepare(sql);
      prepared.set(sql, s);
    }
    return s;
  };
  return {
    firstRow: async (sql, args) => statement(sql).get(args) as Row | undefined,
    close: () => db.close(),
  };
}
