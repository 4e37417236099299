// Keeps the desk inbox: rows written with the event that caused them (a case effect through the single writer),
// read per user with the unread count, marked read by their owner only.
import type { SqlClient } from '../core/sql.js';
import type { RowGroup, Writer } from '../core/writer.js';

export interface NotificationRow {
  id: number;
  kind: string;
  caseId: string | null;
  detail: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

const columns = ['user_id', 'kind', 'case_id', 'detail', 'created_at', 'mail_status'] as const;

/**
 * The inbox rows of one event, one per user to tell (committed with the event). With `mail`, each row also
 * queues its e-mail copy (`mail_status` pending; server/notifications/mailer.ts sends it).
 */
export function notificationRows(
  rows: { userId: string; kind: string; caseId: string | null; detail: unknown; at: string }[],
  mail = false,
): RowGroup {
  const status = mail ? 'pending' : null;
  return { table: 'notifications', columns, rows: rows.map((r) => [r.userId, r.kind, r.caseId, JSON.stringify(r.detail), r.at, status]) };
}

/** The notification store over the read client and the single writer. */
export function createNotificationStore(client: SqlClient, writer: Pick<Writer, 'write'>) {
  return {
    /** The user's newest messages and how many are unread. */
    async inbox(userId: string, limit: number): Promise<{ unread: number; items: NotificationRow[] }> {
      const [count, rs] = await Promise.all([
        client.execute({ sql: 'SELECT count(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL', args: [userId] }),
        client.execute({ sql: 'SELECT * FROM notifications WHERE user_id = ? ORDER BY id DESC LIMIT ?', args: [userId, limit] }),
      ]);
      const items = rs.rows.map((r) => ({
        id: Number(r.id),
        kind: String(r.kind),
        caseId: r.case_id == null ? null : String(r.case_id),
        detail: JSON.parse(String(r.detail)) as Record<string, unknown>,
        createdAt: String(r.created_at),
        readAt: r.read_at == null ? null : String(r.read_at),
      }));
      return { unread: Number(count.rows[0]?.n ?? 0), items };
    },
    /** Marks the user's message `id` (or, without an id, all of theirs) read; answers how many changed. */
    async markRead(userId: string, id: number | null, at: string): Promise<number> {
      const where = id === null ? '' : ' AND id = ?';
      const before = await client.execute({
        sql: `SELECT count(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL${where}`,
        args: id === null ? [userId] : [userId, id],
      });
      await writer.write({
        entries: [],
        statements: () => [
          {
            sql: `UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL${where}`,
            args: id === null ? [at, userId] : [at, userId, id],
          },
        ],
      });
      return Number(before.rows[0]?.n ?? 0);
    },
    /**
     * Writes each reminder unless its user already has one of the same kind and detail (so a reminder a daily
     * round finds again is not repeated); with `mail`, queues its e-mail copy. Answers how many were new.
     */
    async remindOnce(rows: { userId: string; kind: string; detail: unknown; at: string }[], mail: boolean): Promise<number> {
      const texted = rows.map((r) => ({ ...r, text: JSON.stringify(r.detail) }));
      const seen = await Promise.all(
        texted.map((r) =>
          client.execute({
            sql: 'SELECT 1 FROM notifications WHERE user_id = ? AND kind = ? AND detail = ? LIMIT 1',
            args: [r.userId, r.kind, r.text],
          }),
        ),
      );
      const fresh = texted.filter((_, i) => seen[i]!.rows.length === 0);
      if (fresh.length === 0) return 0;
      // The same NOT EXISTS inside the insert keeps a second round racing this one from doubling a reminder.
      await writer.write({
        entries: [],
        statements: () =>
          fresh.map((r) => ({
            sql: `INSERT INTO notifications (${columns.join(', ')}) SELECT ?, ?, NULL, ?, ?, ?
                  WHERE NOT EXISTS (SELECT 1 FROM notifications WHERE user_id = ? AND kind = ? AND detail = ?)`,
            args: [r.userId, r.kind, r.text, r.at, mail ? 'pending' : null, r.userId, r.kind, r.text],
          })),
      });
      return fresh.length;
    },
    /** Whether message `id` belongs to `userId`. */
    async owns(userId: string, id: number): Promise<boolean> {
      const rs = await client.execute({ sql: 'SELECT 1 FROM notifications WHERE id = ? AND user_id = ?', args: [id, userId] });
      return rs.rows.length > 0;
    },
  };
}
export type NotificationStore = ReturnType<typeof createNotificationStore>;
