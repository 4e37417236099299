// The one SQL interface every store uses, whatever the engine behind it (libSQL file or PostgreSQL):
// statements with `?` placeholders, rows as plain objects keyed by column name. Invariant: SQL written in the
// common subset (docs/deployment.md, "Writing SQL that runs on both") runs unchanged on both backends.

/** A value bound to a `?`. Booleans are stored as the integers 1 and 0 on both backends. */
export type SqlValue = null | string | number | bigint | boolean | Uint8Array | ArrayBuffer;

/** One statement with positional `?` arguments. */
export interface SqlStatement {
  sql: string;
  args?: SqlValue[];
}

/** A statement, or plain SQL without arguments. */
export type SqlInput = string | SqlStatement;

/** A result row keyed by column name (lower-case snake_case names and aliases read the same on both backends). */
export type SqlRow = Record<string, unknown>;

/**
 * The SQL expression reading the value at `path` of a JSON document kept as text in `column`, as text or a
 * number (JSON null and a missing key read as SQL NULL). The engines spell it differently; `path` is code's own.
 */
export type JsonField = (column: string, path: readonly string[]) => string;

/** SQLite's spelling: `json_extract(column, '$.a.b')`. */
export const sqliteJsonField: JsonField = (column, path) => `json_extract(${column}, '$.${path.join('.')}')`;

/** PostgreSQL's spelling: `(column::jsonb #>> '{a,b}')`. */
export const pgJsonField: JsonField = (column, path) => `(${column}::jsonb #>> '{${path.join(',')}}')`;

/** What a statement answered. */
export interface SqlResult {
  rows: SqlRow[];
  rowsAffected: number;
}

/** The stores' connection: reads and small writes that need no record entry. */
export interface SqlClient {
  execute(statement: SqlInput): Promise<SqlResult>;
  /** Runs the statements in one transaction, all or nothing; answers one result per statement. */
  batch(statements: SqlInput[], mode?: 'write' | 'read'): Promise<SqlResult[]>;
  /** Whether a table of that name exists (introspection differs between engines). */
  hasTable(name: string): Promise<boolean>;
}

/** The statement of an input, with its arguments as an array. */
export function statementOf(input: SqlInput): { sql: string; args: SqlValue[] } {
  return typeof input === 'string' ? { sql: input, args: [] } : { sql: input.sql, args: input.args ?? [] };
}

/**
 * Whether `error` is a unique-constraint violation, from either engine (SQLite's `UNIQUE constraint failed`,
 * PostgreSQL's SQLSTATE 23505). `name` narrows it to a constraint or column name appearing in the error.
 */
export function isUniqueViolation(error: unknown, name?: string): boolean {
  if (!(error instanceof Error)) return false;
  const e = error as Error & { code?: string; constraint?: string };
  const unique = e.code === '23505' || /UNIQUE constraint failed/.test(e.message);
  return unique && (name === undefined || `${e.message} ${e.constraint ?? ''}`.includes(name));
}

/**
 * A write refused because a unique constraint already held another row: on the record, another command (in
 * this process or another) appended to the same stream first. The command pipeline reloads and answers again.
 */
export class WriteConflictError extends Error {
  constructor(readonly cause: unknown) {
    super(`write conflict: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'WriteConflictError';
  }
}

/**
 * Whether `error` says the connection to the database was lost (not that a statement failed). A batch that
 * failed so may have committed or not (its COMMIT went unanswered): it is reported failed, never retried.
 */
export function isConnectionLost(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null;
  const lost = ['ECONNRESET', 'EPIPE', 'ECONNREFUSED', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08000', '08003', '08006'];
  return (
    Boolean(e) && (lost.includes(e!.code ?? '') || /Connection terminated|connection error|commit thread exited/i.test(e!.message ?? ''))
  );
}

/** The error a writer rejects an item with: a WriteConflictError for unique violations, the error itself otherwise. */
export function classifyWriteError(error: unknown): unknown {
  return isUniqueViolation(error) ? new WriteConflictError(error) : error;
}
