// The PostgreSQL backend (`DATABASE_URL=postgres://…`): a connection pool for the stores, a connection for
// the writer, one for coordination, and drizzle-kit's PostgreSQL migrations (db/migrations-pg) applied under
// an advisory lock, so several processes starting together migrate once. The role connecting needs no
// superuser rights: it owns its database, and the triggers guard the record against it too.
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { Database } from '../client.js';
import { createPgCoordination } from './pg-coordination.js';
import { pgFirstRow, pgSqlClient, pgTypes } from './pg-client.js';
import { createPgWriter } from './pg-writer.js';
import { pgJsonField } from '../sql.js';

const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'migrations-pg');
/** Held while migrating: the second process to start waits, then finds nothing left to apply. */
const MIGRATION_LOCK = 'SELECT pg_advisory_lock(1282369857, 0)';
const MIGRATION_UNLOCK = 'SELECT pg_advisory_unlock(1282369857, 0)';

export interface PostgresOptions {
  /** Connections of the stores' pool (default 10). */
  poolSize?: number;
  /** How often a follower tries to become the leader (default 5000 ms). */
  leaderPollMs?: number;
  log?: (line: string) => void;
}

/** Applies the PostgreSQL migrations once, whoever else is starting at the same moment. */
async function migrateOnce(connect: () => Promise<pg.Client>): Promise<void> {
  const c = await connect();
  try {
    await c.query(MIGRATION_LOCK);
    await migrate(drizzle(c), { migrationsFolder });
    await c.query(MIGRATION_UNLOCK);
  } finally {
    await c.end();
  }
}

/** Opens and migrates the PostgreSQL database at `url`. */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Database> {
  const config = { connectionString: url, types: pgTypes, application_name: 'legal-review' };
  const connect = async () => {
    const c = new pg.Client(config);
    // A lost connection surfaces in the next query; an unhandled 'error' event would end the process.
    c.on('error', () => {});
    await c.connect();
    return c;
  };
  await migrateOnce(connect);
  const pool = new pg.Pool({ ...config, max: options.poolSize ?? 10 });
  pool.on('error', () => {});
  const coordination = createPgCoordination({ connect, pool, pollMs: options.leaderPollMs ?? 5000, log: options.log });
  return {
    client: pgSqlClient(pool),
    url,
    engine: 'postgresql',
    fullTextSearch: false,
    jsonField: pgJsonField,
    sharedWriters: true,
    openWriter: async () => createPgWriter(connect),
    leadership: coordination.leadership,
    changes: coordination.changes,
    async ping() {
      await pool.query('SELECT 1');
    },
    firstRow: pgFirstRow(pool),
    async close() {
      await coordination.close();
      await pool.end();
    },
  };
}
