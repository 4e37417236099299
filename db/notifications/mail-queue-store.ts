// The durable queue of notification e-mails: the `mail_*` columns of `notifications`. A row is pending until
// sent or its attempts are used up; all state is in the database, so a restart resumes where it was.
import type { SqlClient } from '../core/sql.js';
import type { Writer } from '../core/writer.js';

/** A pending mail whose next attempt is due, with what the message needs. */
export interface DueMail {
  id: number;
  kind: string;
  caseId: string | null;
  caseTitle: string | null;
  detail: Record<string, unknown>;
  to: string | null;
  attempts: number;
}

/** What one attempt did: sent, pending again at `nextAt` (epoch ms), failed for good, or skipped (no address). */
export interface MailAttempt {
  id: number;
  outcome: 'sent' | 'pending' | 'failed' | 'skipped';
  attempts: number;
  nextAt: number;
  error: string | null;
}

/** The mail queue over the read client and the single writer. */
export function createMailQueueStore(client: SqlClient, writer: Pick<Writer, 'write'>) {
  return {
    /** Pending mails due at `nowMs`, oldest first (`to` is null when the user has no address). */
    async due(nowMs: number, limit: number): Promise<DueMail[]> {
      const rs = await client.execute({
        sql: `SELECT n.id, n.kind, n.case_id, n.detail, n.mail_attempts, u.email, c.title
              FROM notifications n JOIN users u ON u.id = n.user_id LEFT JOIN cases c ON c.id = n.case_id
              WHERE n.mail_status = 'pending' AND n.mail_next_at <= ? ORDER BY n.id LIMIT ?`,
        args: [nowMs, limit],
      });
      return rs.rows.map((r) => ({
        id: Number(r.id),
        kind: String(r.kind),
        caseId: r.case_id == null ? null : String(r.case_id),
        caseTitle: r.title == null ? null : String(r.title),
        detail: JSON.parse(String(r.detail)) as Record<string, unknown>,
        to: r.email == null || r.email === '' ? null : String(r.email),
        attempts: Number(r.mail_attempts),
      }));
    },
    /** Records one attempt's outcome. */
    async record(a: MailAttempt): Promise<void> {
      await writer.write({
        entries: [],
        statements: () => [
          {
            sql: 'UPDATE notifications SET mail_status = ?, mail_attempts = ?, mail_next_at = ?, mail_error = ? WHERE id = ?',
            args: [a.outcome, a.attempts, a.nextAt, a.error, a.id],
          },
        ],
      });
    },
  };
}
export type MailQueueStore = ReturnType<typeof createMailQueueStore>;
