// People and their credentials: roles, 执法证 (enforcement certificate) and 法律职业资格 (legal qualification)
// with validity dates, scrypt password hashes, hashed bearer tokens and failed sign-in counters.
// Secrets are never stored in clear.
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  /** JSON array of roles: handler, reviewer, head, clerk, auditor, admin. */
  roles: text('roles', { mode: 'json' }).$type<string[]>().notNull(),
  certificateNo: text('certificate_no'),
  certificateValidUntil: text('certificate_valid_until'),
  qualificationNo: text('qualification_no'),
  qualificationValidUntil: text('qualification_valid_until'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: text('created_at').notNull(),
  /** The unit (所属单位) the user works in; null only for users made before units existed. */
  unitId: text('unit_id'),
  /** Where notifications are also mailed when SMTP is configured; null: the desk inbox only. */
  email: text('email'),
});

export const tokens = sqliteTable(
  'tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [index('tokens_user_idx').on(t.userId), index('tokens_expiry_idx').on(t.expiresAt)],
);

/**
 * One row (id 1): a counter that triggers bump on every change to `users` or `tokens` (custom migrations
 * `auth_epoch_triggers`), so a server's token cache learns that another process revoked a token or changed or
 * deactivated a user (db/users/token-cache.ts).
 */
export const authEpoch = sqliteTable('auth_epoch', {
  id: integer('id').primaryKey(),
  epoch: integer('epoch').notNull(),
});

/**
 * Failed sign-in bookkeeping, one row per throttled key (`account:<sha256 of the name>` or
 * `address:<client address>`). Durable so a restart does not lift a lock; a row is forgotten at
 * `expires_at` (epoch ms), so the table holds only recent failures. Times are epoch milliseconds
 * because the throttle rules compute with them.
 */
export const signInThrottle = sqliteTable(
  'sign_in_throttle',
  {
    key: text('key').primaryKey(),
    failures: integer('failures').notNull(),
    /** No attempt is checked before this instant (backoff or lock). */
    blockedUntil: integer('blocked_until').notNull(),
    /** The block is a lock (failures reached the lock threshold), not a backoff. */
    locked: integer('locked', { mode: 'boolean' }).notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('sign_in_throttle_expiry_idx').on(t.expiresAt)],
);
