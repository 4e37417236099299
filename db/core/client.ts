// Opens the database `DATABASE_URL` names: a libSQL file (the default, one process) or PostgreSQL
// (`postgres://…`, several processes). The backend is chosen here, once; everything above it sees one
// `Database`: the SQL client the stores use, a writer, leader election and change notices.
import type { ChangeFeed, Leadership } from './coordination.js';
import { localFilePath, openLibsql } from './libsql-database.js';
import type { FirstRow } from './prepared-reads.js';
import type { JsonField, SqlClient } from './sql.js';
import type { Writer } from './writer.js';

export { localFilePath };

/** An opened, migrated database. */
export interface Database {
  /** The stores' SQL client (reads, and writes that need no record entry). */
  client: SqlClient;
  url: string;
  /** Which backend, for logs and documentation only: features ask for capabilities, never for this. */
  engine: 'libsql' | 'postgresql';
  /** Whether `case_search` is a full-text (trigram) index (libSQL's FTS5) rather than a plain table. */
  fullTextSearch: boolean;
  /** How this engine reads a field of a JSON document stored as text (the queue's reach filter). */
  jsonField: JsonField;
  /**
   * Whether other processes may write this database too. Then a cached snapshot may be stale: it is checked
   * against the stored version before use, and write conflicts are expected (and answered 409/422).
   */
  sharedWriters: boolean;
  /** Starts this process's writer (group commit, hash chain). Call once. */
  openWriter(): Promise<Writer>;
  /** Leader election for the duties one process runs (scheduler, checkpoints). */
  leadership(): Leadership;
  /** Notices that a cached table changed, between the processes of this database. */
  changes: ChangeFeed;
  /** Answers when the database does (the health check). */
  ping(): Promise<void>;
  /**
   * One row of a read the server makes on every request (the bearer token's row): on prepared statements
   * kept for the connection's life where the backend offers them (a local libSQL file), else through `client`.
   */
  firstRow: FirstRow;
  close(): Promise<void>;
}

/** `url` fit for a log line: a PostgreSQL password is masked. */
export function describeDatabaseUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
}

/** Whether `url` names a PostgreSQL database. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/**
 * Opens and migrates the database at `url`: `postgres://…` for PostgreSQL, any libSQL URL otherwise
 * (e.g. `file:./data/legal-review.db`).
 */
export async function createDb(url: string, options: { leaderPollMs?: number; log?: (line: string) => void } = {}): Promise<Database> {
  if (isPostgresUrl(url)) {
    const { openPostgres } = await import('./pg/pg-database.js');
    return openPostgres(url, options);
  }
  return openLibsql(url);
}
