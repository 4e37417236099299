// The process's cache of bearer token → user and of user id → user, kept honest by the `auth_epoch` counter
// that triggers bump with every change to `tokens` or `users` (a user's unit path and kind never change).
// Invariant: an entry is used only while the epoch it was read at is the epoch last read; the epoch is re-read at
// least every `recheckMs` and on the next request after this process's own credential writes, so a change by
// another process is honoured within `recheckMs`, one by this process at once.
import type { FirstRow } from '../core/prepared-reads.js';
import { toUser, userSelect, type User } from './user-row.js';

/** How long a change by another process (the user CLI, another server) may go unseen, by default (ms). */
export const DEFAULT_AUTH_RECHECK_MS = 1000;
/** The most tokens (and users by id) remembered; past it the oldest is forgotten, so memory stays bounded whatever is presented. */
const MAX_ENTRIES = 4096;

const epochRead = 'SELECT epoch FROM auth_epoch WHERE id = 1';
/** The epoch and the token's user in one statement, so both come from the same committed state. */
const tokenRead = `SELECT e.epoch AS auth_epoch, t.expires_at AS token_expires_at, ${userSelect('u')}
  FROM auth_epoch e
  LEFT JOIN tokens t ON t.token_hash = ? AND t.expires_at > ?
  LEFT JOIN users u ON u.id = t.user_id AND u.active = 1
  WHERE e.id = 1`;
/** The epoch and a user by id (active or not), in one statement. */
const userRead = `SELECT e.epoch AS auth_epoch, ${userSelect('u')}
  FROM auth_epoch e
  LEFT JOIN users u ON u.id = ?
  WHERE e.id = 1`;

interface Entry {
  user: User;
  /** The token's `expires_at` (ISO 8601), compared as the SQL compares it. */
  expiresAt: string;
}

/** Options of the cache: `recheckMs` 0 re-reads the epoch on every request (no window at all). */
export interface TokenCacheOptions {
  recheckMs?: number;
}

/** Keeps `value` under `key`, forgetting the oldest entry first when `map` is full. */
function remember<V>(map: Map<string, V>, key: string, value: V): void {
  if (map.size >= MAX_ENTRIES) map.delete(map.keys().next().value!);
  map.set(key, value);
}

/** A deep-frozen copy, so no caller can change what the next request is handed. */
function frozen(user: User): User {
  Object.freeze(user.roles);
  return Object.freeze(user);
}

/** The token cache over `firstRow` with the clock `now` (the recheck interval runs on it, so tests drive it). */
export function createTokenCache(firstRow: FirstRow, now: () => Date, options: TokenCacheOptions = {}) {
  const recheckMs = options.recheckMs ?? DEFAULT_AUTH_RECHECK_MS;
  const entries = new Map<string, Entry>();
  const users = new Map<string, User>();
  let epoch: number | null = null;
  let checkedAt = Number.NEGATIVE_INFINITY;
  let checking: Promise<void> | null = null;

  let generation = 0;

  /** Adopts `seen` when newer (epochs only grow): every entry read at an older epoch is forgotten. */
  const adopt = (seen: number) => {
    if (epoch === null || seen > epoch) {
      entries.clear();
      users.clear();
      epoch = seen;
    }
  };
  const recheck = async (at: number, asOf: number) => {
    const row = await firstRow(epochRead, []);
    adopt(Number(row?.epoch ?? -1));
    // A `forget` while this read was out may follow a write it did not see: then it does not count.
    if (asOf === generation) checkedAt = at;
  };
  /** Re-reads the epoch when due (one read for all requests waiting on it); a clock set back counts as due. */
  const fresh = async (at: number): Promise<void> => {
    const elapsed = at - checkedAt;
    if (elapsed >= 0 && elapsed < recheckMs) return;
    if (!checking) {
      const read: Promise<void> = recheck(at, generation).finally(() => {
        if (checking === read) checking = null;
      });
      checking = read;
    }
    await checking;
  };

  return {
    /** The active user of an unexpired token whose SHA-256 is `hash`, or null. */
    async userFor(hash: string): Promise<User | null> {
      const at = now();
      await fresh(at.getTime());
      const iso = at.toISOString();
      const hit = entries.get(hash);
      if (hit) return hit.expiresAt > iso ? hit.user : null;
      const row = await firstRow(tokenRead, [hash, iso]);
      if (!row || row.id == null) return null;
      const user = frozen(toUser(row));
      const seen = Number(row.auth_epoch);
      adopt(seen);
      if (seen === epoch) remember(entries, hash, { user, expiresAt: String(row.token_expires_at) });
      return user;
    },
    /**
     * The user with `id`, active or not, or null: from the cache while the epoch stands (every review assignment,
     * discussion panel and issued document asks), else one read. Unknown ids are not remembered.
     */
    async userById(id: string): Promise<User | null> {
      await fresh(now().getTime());
      const hit = users.get(id);
      if (hit) return hit;
      const row = await firstRow(userRead, [id]);
      if (!row) return null;
      const seen = Number(row.auth_epoch);
      adopt(seen);
      if (row.id == null) return null;
      const user = frozen(toUser(row));
      if (seen === epoch) remember(users, id, user);
      return user;
    },
    /** This process changed tokens or users: the next request re-reads the epoch before trusting an entry. */
    forget(): void {
      generation += 1;
      checkedAt = Number.NEGATIVE_INFINITY;
      checking = null;
    },
  };
}
export type TokenCache = ReturnType<typeof createTokenCache>;
