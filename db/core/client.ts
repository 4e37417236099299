// Opens the libSQL database, applies the connection pragmas and runs drizzle-kit's migrations.
// One connection only (`concurrency: 1`): pragmas are per connection, and local libSQL serialises writers anyway.
import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from '../schema/index.js';
import { openPreparedReads, type FirstRow } from './prepared-reads.js';

export type Db = LibSQLDatabase<typeof schema>;
export interface Database {
  client: Client;
  db: Db;
  url: string;
  /** Answers when the database does (the health check). */
  ping(): Promise<void>;
  /** One row of a read on prepared statements (local files), or through `client` (elsewhere): the per-request reads. */
  firstRow: FirstRow;
  close(): void;
}

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

/** Creates the parent folder of a `file:` URL so a fresh clone can start without set-up. */
function ensureFileFolder(url: string): void {
  const path = localFilePath(url);
  if (path) mkdirSync(dirname(path), { recursive: true });
}

/**
 * Opens `url`, sets WAL + synchronous=FULL (an acknowledged commit survives power loss) and migrates.
 * @param url a libSQL URL, e.g. `file:./data/legal-review.db`
 */
export async function createDb(url: string): Promise<Database> {
  ensureFileFolder(url);
  const client = createClient({ url, concurrency: 1 });
  await client.execute('PRAGMA journal_mode = WAL');
  await client.execute('PRAGMA synchronous = FULL');
  await client.execute('PRAGMA foreign_keys = ON');
  await client.execute('PRAGMA busy_timeout = 5000');
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder });
  const ping = async () => {
    await client.execute('SELECT 1');
  };
  const path = localFilePath(url);
  const reads = path ? openPreparedReads(path) : null;
  const firstRow: FirstRow =
    reads?.firstRow ??
    (async (sql, args) => (await client.execute({ sql, args: args as never })).rows[0] as Record<string, unknown> | undefined);
  const close = () => {
    reads?.close();
    client.close();
  };
  return { client, db, url, ping, firstRow, close };
}
