// Remembers the answer to each Idempotency-Key, scoped to one request target (user, method, route, stream)
// and bound to a fingerprint of the request body (IETF draft "The Idempotency-Key HTTP Header Field").
// Written in the same transaction as the event it answers, so a retry after a crash still finds it.
import { createHash } from 'node:crypto';
import type { SqlClient, SqlStatement } from '../core/sql.js';
import type { FirstRow } from '../core/prepared-reads.js';

/** Who sent which key to which target. */
export interface IdempotencyScope {
  userId: string;
  method: string;
  /** The route template, e.g. `/cases/:id/events`. */
  route: string;
  /** The case or inquiry the request targets (empty for opening a case). */
  stream: string;
  key: string;
}

/** A stored answer: a success by reference (the stream and the version it produced), or a refusal. */
export type StoredAnswer = { fingerprint: string; stream: string; version: number | null; error: unknown };

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The primary key of a scope: one hash, so no separator in a key can make two scopes collide. */
export function scopeHash(scope: IdempotencyScope): string {
  return sha256(JSON.stringify([scope.userId, scope.method, scope.route, scope.stream, scope.key]));
}

const findAnswer = 'SELECT fingerprint, stream, version, error FROM idempotency_keys WHERE scope = ? AND expires_at > ?';

/**
 * The idempotency store over the shared read client; writes are statements committed by the writer. Every
 * keyed command looks its key up first, so that read runs on `firstRow` (a prepared statement where the backend
 * has one) when given.
 */
export function createIdempotencyStore(client: SqlClient, firstRow?: FirstRow) {
  const first: FirstRow = firstRow ?? (async (sql, args) => (await client.execute({ sql, args: args as never })).rows[0]);
  return {
    /** The answer stored for `scope`, or null (expired answers count as absent). */
    async find(scope: IdempotencyScope, now: string): Promise<StoredAnswer | null> {
      const row = await first(findAnswer, [scopeHash(scope), now]);
      if (!row) return null;
      return {
        fingerprint: String(row.fingerprint),
        stream: String(row.stream),
        version: row.version == null ? null : Number(row.version),
        error: row.error == null ? null : (JSON.parse(String(row.error)) as unknown),
      };
    },

    /**
     * The statements that store an answer: an expired answer under the same scope goes first, then a plain
     * INSERT. A live answer already stored (another process answered the same key first) makes the INSERT
     * fail, so the whole write fails as a conflict and the pipeline replays the first answer instead.
     */
    store(
      scope: IdempotencyScope,
      fingerprint: string,
      answer: { stream: string; version: number | null; error: unknown },
      at: string,
      expiresAt: string,
    ): SqlStatement[] {
      const key = scopeHash(scope);
      return [
        { sql: 'DELETE FROM idempotency_keys WHERE scope = ? AND expires_at <= ?', args: [key, at] },
        {
          sql: `INSERT INTO idempotency_keys (scope, fingerprint, stream, version, error, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)`,
          args: [
            key,
            fingerprint,
            answer.stream,
            answer.version,
            answer.error == null ? null : JSON.stringify(answer.error),
            at,
            expiresAt,
          ],
        },
      ];
    },

    /** The statement that deletes answers expired at `now`. */
    expire(now: string): SqlStatement {
      return { sql: 'DELETE FROM idempotency_keys WHERE expires_at <= ?', args: [now] };
    },
  };
}
export type IdempotencyStore = ReturnType<typeof createIdempotencyStore>;
