// The desk inbox (通知): one row per message to one user (an assignment, a return, a clock due soon or overdue),
// committed with the event that caused it; `read_at` is set when the user reads it. The `mail_*` columns are the
// durable queue of its e-mail copy (server/notifications/mailer.ts).
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
    /** The e-mail copy: null (none: SMTP off when written), pending, sent, failed (attempts used up) or
     * skipped (the user has no address). */
    mailStatus: text('mail_status'),
    mailAttempts: integer('mail_attempts').notNull().default(0),
    /** Epoch ms before which the next mail attempt waits (backoff). */
    mailNextAt: integer('mail_next_at').notNull().default(0),
    mailError: text('mail_error'),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.readAt, t.id), index('notifications_mail_idx').on(t.mailStatus, t.mailNextAt)],
);
