// The embedded backend: a libSQL file (or memory) opened with the engine's pragmas and migrated by
// drizzle-kit's SQLite migrations. One process owns the file: its single writer holds the chain head in
// memory, it always leads, and its caches are never stale. One connection only (`concurrency: 1`).
import { createClient, type Client, type InStatement } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './client.js';
import { soleChangeFeed, soleLeadership } from './coordination.js';
import { openPreparedReads, type FirstRow } from './prepared-reads.js';
import { sqliteJsonField, type SqlClient, type SqlResult } from './sql.js';
import { createWriter } from './writer.js';

const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'migrations');

/** The file path behind a local `file:` URL, or null (in-memory or remote databases). */
export function localFilePath(url: string): string | null {
  if (!url.startsWith('file:')) return null;
  const path = url
    .slice('file:'.length)
    .replace(/^\/\/(localhost)?/, '')
    .replace(/\?.*$/, '');
  return path === '' || path.startsWith(':memory:') ? null : resolve(path);
}

/** The stores' interface over a libSQL client: the calls pass straight through (no cost on the hot path). */
export function libsqlSqlClient(client: Client): SqlClient {
  return {
    execute: (statement) => client.execute(statement as InStatement) as unknown as Promise<SqlResult>,
    batch: (statements, mode = 'write') => client.batch(statements as InStatement[], mode) as unknown as Promise<SqlResult[]>,
    async hasTable(name) {
      const rs = await client.execute({ sql: "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", args: [name] });
      return rs.rows.length > 0;
    },
  };
}

/** A plain connection to `url` (no pragmas, no migrations), for tools that read a file as it is. */
export function openLibsqlClient(url: string): { client: SqlClient; close(): void } {
  const client = createClient({ url });
  return { client: libsqlSqlClient(client), close: () => client.close() };
}

/**
 * The page size of a new database file. A case's snapshot row and each issued document are about 2 KB, so a
 * 4 KB page held one of them and left the rest empty; 8 KB pages took a closed case from about 29,900 to 27,300
 * bytes with the same throughput (docs/benchmark-notes.md, "Page size").
 */
export const NEW_FILE_PAGE_SIZE = 8192;

/**
 * Opens `url`, sets WAL + synchronous=FULL (an acknowledged commit survives power loss) and migrates.
 * @param url a libSQL URL, e.g. `file:./data/legal-review.db`
 */
export async function openLibsql(url: string): Promise<Database & { libsql: Client }> {
  const path = localFilePath(url);
  if (path) mkdirSync(dirname(path), { recursive: true });
  const client = createClient({ url, concurrency: 1 });
  // Only a file without tables takes a page size; an existing file keeps the one it was created with.
  if (path) await client.execute(`PRAGMA page_size = ${NEW_FILE_PAGE_SIZE}`);
  await client.execute('PRAGMA journal_mode = WAL');
  await client.execute('PRAGMA synchronous = FULL');
  await client.execute('PRAGMA foreign_keys = ON');
  await client.execute('PRAGMA busy_timeout = 5000');
  await migrate(drizzle(client), { migrationsFolder });
  const sql = libsqlSqlClient(client);
  // The per-request reads on prepared statements of a native read-only connection (local files only).
  const reads = path ? openPreparedReads(path) : null;
  const firstRow: FirstRow = reads?.firstRow ?? (async (text, args) => (await sql.execute({ sql: text, args: args as never })).rows[0]);
  return {
    client: sql,
    libsql: client,
    url,
    engine: 'libsql',
    fullTextSearch: true,
    jsonField: sqliteJsonField,
    sharedWriters: false,
    openWriter: () => createWriter(client, { path }),
    leadership: soleLeadership,
    changes: soleChangeFeed(),
    async ping() {
      await client.execute('SELECT 1');
    },
    firstRow,
    async close() {
      reads?.close();
      client.close();
    },
  };
}
