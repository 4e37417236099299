// The desk inbox (通知): one row per message to one user (an assignment, a return, a clock due soon or overdue),
// committed with the event that caused it; `read_at` is set when the user reads it.
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: text('user_id').notNull(),
    /** assigned, returned, due_soon, overdue, escalated */
    kind: text('kind').notNull(),
    caseId: text('case_id'),
    /** Details for the message text (JSON): the clock's kind and due date, the case title. */
    detail: text('detail').notNull(),
    createdAt: text('created_at').notNull(),
    readAt: text('read_at'),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.readAt, t.id)],
);
