// Remembers the first answer given for each (user, Idempotency-Key), written in the same transaction as the
// event it answered, so a retried request after a crash still gets that answer and changes nothing.
import type { Client, InStatement } from '@libsql/client';

/** Looks up a stored answer. */
export async function findIdempotentAnswer(client: Client, userId: string, key: string): Promise<unknown | null> {
  const rs = await client.execute({ sql: 'SELECT body FROM idempotency_keys WHERE user_id = ? AND key = ?', args: [userId, key] });
  const row = rs.rows[0];
  return row ? (JSON.parse(String(row.body)) as unknown) : null;
}

/** The statement that stores an answer; goes into the same write item as the event. */
export function storeIdempotentAnswer(userId: string, key: string, answer: unknown, at: string): InStatement {
  return {
    sql: 'INSERT OR IGNORE INTO idempotency_keys (user_id, key, status, body, created_at) VALUES (?, ?, 0, ?, ?)',
    args: [userId, key, JSON.stringify(answer), at],
  };
}
