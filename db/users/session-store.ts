// Keeps review-desk sessions: a random token goes to the browser, only its SHA-256 is stored.
// Invariant: a session answers for a user only while unexpired and the user is active.
import type { SqlClient } from '../core/sql.js';
import { createHash, randomBytes } from 'node:crypto';
import type { User, UserStore } from './user-store.js';

/** How long a desk session lasts when the caller names no lifetime (the desk passes `signIn.sessionTtlHours`). */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** A session found for a cookie token. */
export interface DeskSession {
  user: User;
  expiresAt: string;
}

/** The session store; `now` is injected so tests control expiry. */
export function createSessionStore(client: SqlClient, users: UserStore, now: () => Date = () => new Date()) {
  return {
    /** Starts a session for `userId` lasting `ttlMs`; returns the token for the cookie (never stored). */
    async create(userId: string, ttlMs: number = SESSION_TTL_MS): Promise<{ token: string; expiresAt: string }> {
      const token = randomBytes(32).toString('base64url');
      const created = now();
      const expiresAt = new Date(created.getTime() + ttlMs).toISOString();
      // Expired rows are swept by the user store's cleanupExpiredCredentials (periodic and at sign-in).
      await client.execute({
        sql: 'INSERT INTO desk_sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
        args: [sha256(token), userId, created.toISOString(), expiresAt],
      });
      return { token, expiresAt };
    },

    /** The live session for a cookie token, or null (unknown, expired, or user deactivated). */
    async find(token: string): Promise<DeskSession | null> {
      const rs = await client.execute({
        sql: 'SELECT user_id, expires_at FROM desk_sessions WHERE token_hash = ?',
        args: [sha256(token)],
      });
      const row = rs.rows[0];
      if (!row || String(row.expires_at) <= now().toISOString()) return null;
      const user = await users.byId(String(row.user_id));
      return user?.active ? { user, expiresAt: String(row.expires_at) } : null;
    },

    /** Ends the session for this token (sign-out); unknown tokens are ignored. */
    async destroy(token: string): Promise<void> {
      await client.execute({ sql: 'DELETE FROM desk_sessions WHERE token_hash = ?', args: [sha256(token)] });
    },

    /** Number of stored sessions for a user (for tests and admin views). */
    async countFor(userId: string): Promise<number> {
      const rs = await client.execute({ sql: 'SELECT count(*) AS n FROM desk_sessions WHERE user_id = ?', args: [userId] });
      return Number(rs.rows[0]?.n ?? 0);
    },
  };
}
export type SessionStore = ReturnType<typeof createSessionStore>;
