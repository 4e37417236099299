// Durable failed-sign-in counters, one row per key (an account or a client address), so a restart does not
// lift a lock. The rules that compute a row live in server/users/sign-in-rules.ts; this file only reads and
// writes rows. Invariant: a row past its `expiresAt` is treated as absent and is deleted by the sweep.
import type { SqlClient, SqlStatement } from '../core/sql.js';
import type { Writer } from '../core/writer.js';

/** The failure count of one key and the block it earned (times in epoch ms). */
export interface ThrottleState {
  failures: number;
  /** No attempt is checked before this instant. */
  blockedUntil: number;
  /** The block is a lock (the lock threshold was reached), not a backoff. */
  locked: boolean;
  /** The row is forgotten at this instant. */
  expiresAt: number;
}

const columns = ['key', 'failures', 'blocked_until', 'locked', 'expires_at'] as const;
const upsert =
  'ON CONFLICT(key) DO UPDATE SET failures = excluded.failures, blocked_until = excluded.blocked_until, locked = excluded.locked, expires_at = excluded.expires_at';

/**
 * Reads and writes `sign_in_throttle`; a single process writes it (the server's sign-in service). With the
 * `writer`, writes commit on its thread and join its group commits, so a flood of refused attempts does not
 * stall the event loop with one fsync each; without it (CLI, tests) they commit on `client`.
 */
export function createThrottleStore(client: SqlClient, writer?: Pick<Writer, 'write'>) {
  const commit = async (statements: SqlStatement[]): Promise<void> => {
    if (writer) await writer.write({ entries: [], statements: () => statements });
    else await client.batch(statements, 'write');
  };
  return {
    /** The live states of `keys` at `nowMs` (expired rows omitted). */
    async read(keys: string[], nowMs: number): Promise<Map<string, ThrottleState>> {
      const rs = await client.execute({
        sql: `SELECT * FROM sign_in_throttle WHERE key IN (${keys.map(() => '?').join(', ')}) AND expires_at > ?`,
        args: [...keys, nowMs],
      });
      const states = new Map<string, ThrottleState>();
      for (const r of rs.rows) {
        states.set(String(r.key), {
          failures: Number(r.failures),
          blockedUntil: Number(r.blocked_until),
          locked: Number(r.locked) === 1,
          expiresAt: Number(r.expires_at),
        });
      }
      return states;
    },

    /** Stores the states of several keys in one transaction. */
    async write(states: Map<string, ThrottleState>): Promise<void> {
      await commit(
        [...states].map(([key, s]) => ({
          sql: `INSERT INTO sign_in_throttle (${columns.join(', ')}) VALUES (?, ?, ?, ?, ?) ${upsert}`,
          args: [key, s.failures, s.blockedUntil, s.locked ? 1 : 0, s.expiresAt],
        })),
      );
    },

    /** Forgets a key (a successful sign-in clears its account; an admin unlocks one). */
    async clear(key: string): Promise<void> {
      await commit([{ sql: 'DELETE FROM sign_in_throttle WHERE key = ?', args: [key] }]);
    },
  };
}
export type ThrottleStore = ReturnType<typeof createThrottleStore>;
