// What an attacker with write access to the database file does in the tamper tests: drop the guard
// triggers, then alter, delete, reorder or rewrite record rows through a separate libSQL connection.
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from '@libsql/client';
import type { SqlClient } from '../../../db/core/sql.js';
import { entryHash, genesisHash } from '../../../db/core/record-hash.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Opens `path` as the attacker would, with every guard trigger dropped. */
export async function openAsAttacker(path: string): Promise<Client> {
  const client = createClient({ url: `file:${path}` });
  // The server may be committing (the read log flushes after each read): wait for its lock as any writer would.
  await client.execute('PRAGMA busy_timeout = 5000');
  // Every guard, projections' included: whoever can write the file can drop them all.
  const triggers = await client.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'");
  for (const row of triggers.rows) await client.execute(`DROP TRIGGER IF EXISTS "${String(row.name)}"`);
  return client;
}

/**
 * A copy of the live database, tampered with by `attack`. The copy is made by SQLite (VACUUM INTO) through
 * the app's own connection: opening and closing the live file with plain fs calls in this process would drop
 * this process's POSIX locks on it, and another process could then delete the WAL under the app.
 */
export async function tamperedCopy(
  live: SqlClient,
  livePath: string,
  name: string,
  attack: (db: Client) => Promise<void>,
): Promise<string> {
  const target = join(dirname(livePath), `${name}.db`);
  await live.execute({ sql: 'VACUUM INTO ?', args: [target] });
  const db = await openAsAttacker(target);
  await attack(db);
  await db.execute('PRAGMA wal_checkpoint(TRUNCATE)');
  db.close();
  return target;
}

/** Swaps the positions (ids) of two record entries. */
export async function swapEntries(db: Client, a: number, b: number): Promise<void> {
  await db.batch(
    [
      { sql: 'UPDATE case_events SET id = -1 WHERE id = ?', args: [a] },
      { sql: 'UPDATE case_events SET id = ? WHERE id = ?', args: [a, b] },
      { sql: 'UPDATE case_events SET id = ? WHERE id = -1', args: [b] },
    ],
    'write',
  );
}

/** Re-chains every entry from `fromId` on, as an attacker who knows the hash rule would after an edit. */
export async function rechain(db: Client, fromId: number): Promise<void> {
  const before = (await db.execute({ sql: 'SELECT hash FROM case_events WHERE id = ?', args: [fromId - 1] })).rows[0];
  let prev = before ? String(before.hash) : genesisHash;
  const rows = (await db.execute({ sql: 'SELECT * FROM case_events WHERE id >= ? ORDER BY id', args: [fromId] })).rows;
  for (const r of rows) {
    const hash = entryHash(Number(r.id), prev, {
      caseId: String(r.case_id),
      seq: r.seq == null ? null : Number(r.seq),
      type: String(r.type),
      payload: JSON.parse(String(r.payload)),
      actorId: String(r.actor_id),
      actorRole: r.actor_role == null ? null : String(r.actor_role),
      at: String(r.at),
      draftHash: r.draft_hash == null ? null : String(r.draft_hash),
      accepted: Number(r.accepted) === 1,
      refusal: r.refusal == null ? null : JSON.parse(String(r.refusal)),
    });
    await db.execute({ sql: 'UPDATE case_events SET prev_hash = ?, hash = ? WHERE id = ?', args: [prev, hash, Number(r.id)] });
    prev = hash;
  }
}

/** Runs `npm run audit:verify` as a child process; `env` adds variables (e.g. AUDIT_PUBLIC_KEYS). */
export function runVerifyCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return runCli('server/cli/audit-verify.ts', args, env);
}

/** Runs one of the repository's CLI scripts as a child process (node + tsx, as the npm scripts do). */
export function runCli(
  script: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', script, ...args],
      { cwd: root, timeout: 120_000, env: { ...process.env, ...env } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
