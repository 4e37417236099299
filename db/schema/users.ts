// People and their credentials: roles, 执法证 (enforcement certificate) and 法律职业资格 (legal qualification)
// with validity dates, scrypt password hashes and hashed bearer tokens. Secrets are never stored in clear.
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
  (t) => [index('tokens_user_idx').on(t.userId)],
);
