// Review-desk sign-in sessions: only the SHA-256 of each session token is stored, so a copy of the
// database yields no usable cookie. A session ends at `expires_at` or when its row is deleted (sign-out).
import { sqliteTable, text, index } from 'drizzle-orm/sqlite-core';
import { users } from './users.js';

export const deskSessions = sqliteTable(
  'desk_sessions',
  {
    /** SHA-256 hex of the cookie token. */
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [index('desk_sessions_user_idx').on(t.userId), index('desk_sessions_expiry_idx').on(t.expiresAt)],
);
