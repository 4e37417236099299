// Bearer tokens and the end of every credential: revocation, revoke-all, and the sweep of expired tokens,
// desk sessions and sign-in counters. Invariant: a token answers for a user only while its row exists,
// it has not expired and the user is active; this process's own revocations count from the next request, other
// processes' within the token cache's recheck interval (token-cache.ts, docs/sign-in.md).
import type { SqlClient } from '../core/sql.js';
import { hash, randomBytes } from 'node:crypto';
import type { FirstRow } from '../core/prepared-reads.js';
import { createTokenCache, type TokenCacheOptions } from './token-cache.js';
import type { User } from './user-row.js';

/** Token lifetime when the caller names none (the policy's `signIn.tokenTtlHours` is passed by the API). */
export const DEFAULT_TOKEN_TTL_MS = 12 * 60 * 60 * 1000;
/** Longer strings cannot be our tokens (43 base64url characters); they are refused without a query. */
const MAX_TOKEN_LENGTH = 200;

// The one-shot `hash` skips the Hash object `createHash` builds: this runs on every request.
const sha256 = (s: string): string => hash('sha256', s, 'hex');

/** A freshly issued bearer token; only its SHA-256 is stored. */
export interface IssuedToken {
  token: string;
  expiresAt: string;
}

/** What a revocation or sweep removed. */
export interface Removed {
  tokens: number;
  sessions: number;
}

/** The read every request makes; `Database.firstRow` keeps it prepared, `client` serves where none is given. */
const readThrough =
  (client: SqlClient): FirstRow =>
  async (sql, args) =>
    (await client.execute({ sql, args: args as string[] })).rows[0] as Record<string, unknown> | undefined;

/**
 * Token issue, lookup, revocation and the expiry sweep over `client`; `now` is injected for tests;
 * `firstRow` runs the token cache's reads (prepared once when the server passes `Database.firstRow`).
 */
export function createCredentialStore(
  client: SqlClient,
  now: () => Date,
  firstRow: FirstRow = readThrough(client),
  cacheOptions: TokenCacheOptions = {},
) {
  const cache = createTokenCache(firstRow, now, cacheOptions);
  /** Issues a token for `userId` valid for `ttlMs`. */
  async function issue(userId: string, ttlMs: number = DEFAULT_TOKEN_TTL_MS): Promise<IssuedToken> {
    const token = randomBytes(32).toString('base64url');
    const created = now();
    const expiresAt = new Date(created.getTime() + ttlMs).toISOString();
    await client.execute({
      sql: 'INSERT INTO tokens (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
      args: [sha256(token), userId, created.toISOString(), expiresAt],
    });
    return { token, expiresAt };
  }
  return {
    issue,
    /** Issues a token with the default lifetime and returns only the token (tests, demo, benchmarks). */
    issueToken: async (userId: string): Promise<string> => (await issue(userId)).token,

    /**
     * The user a bearer token belongs to, if the token exists, has not expired and the user is active: from
     * the token cache while the auth epoch stands (no read), else one read through two primary keys.
     */
    async userForToken(token: string): Promise<User | null> {
      if (token.length > MAX_TOKEN_LENGTH) return null;
      return cache.userFor(sha256(token));
    },

    /** A user by id through the same cache and epoch (user-store.ts `byId`). */
    cachedUserById: (id: string): Promise<User | null> => cache.userById(id),

    /** Tells the token cache that this process changed users or tokens (the user store's writes call it). */
    forgetCachedTokens: (): void => cache.forget(),

    /** Deletes the token (unknown tokens are ignored); answers how many rows went (0 or 1). */
    async revokeToken(token: string): Promise<number> {
      const rs = await client.execute({ sql: 'DELETE FROM tokens WHERE token_hash = ?', args: [sha256(token)] });
      cache.forget();
      return rs.rowsAffected;
    },

    /** Deletes every bearer token and desk session of `userId`, in one transaction. */
    async revokeAll(userId: string): Promise<Removed> {
      const [tokens, sessions] = await client.batch(
        [
          { sql: 'DELETE FROM tokens WHERE user_id = ?', args: [userId] },
          { sql: 'DELETE FROM desk_sessions WHERE user_id = ?', args: [userId] },
        ],
        'write',
      );
      cache.forget();
      return { tokens: tokens!.rowsAffected, sessions: sessions!.rowsAffected };
    },

    /**
     * Deletes expired tokens, expired desk sessions and forgotten sign-in counters (all through indexes on
     * their expiry). The server calls it periodically and sign-in calls it now and then, so none of these
     * tables grows with time.
     */
    async cleanupExpiredCredentials(at: Date = now()): Promise<Removed & { throttleRows: number }> {
      const [tokens, sessions, throttle] = await client.batch(
        [
          { sql: 'DELETE FROM tokens WHERE expires_at <= ?', args: [at.toISOString()] },
          { sql: 'DELETE FROM desk_sessions WHERE expires_at <= ?', args: [at.toISOString()] },
          { sql: 'DELETE FROM sign_in_throttle WHERE expires_at <= ?', args: [at.getTime()] },
        ],
        'write',
      );
      cache.forget();
      return { tokens: tokens!.rowsAffected, sessions: sessions!.rowsAffected, throttleRows: throttle!.rowsAffected };
    },
  };
}
export type CredentialStore = ReturnType<typeof createCredentialStore>;
