// Registered webhooks and what is owed to them: fan-out of new outbox messages into deliveries (one per message
// and endpoint), the deliveries due now, and each attempt's outcome and log line. Writes go through the single
// writer. Invariant: a delivery leaves `pending` only on a 2xx (delivered) or after the last attempt (dead).
import type { SqlClient, SqlStatement } from '../core/sql.js';
import { randomUUID } from 'node:crypto';
import type { Writer } from '../core/writer.js';

export interface Webhook {
  id: string;
  url: string;
  events: string[];
  secret: string;
  active: boolean;
  createdBy: string;
  createdAt: string;
}

/** A delivery due now, with its message and endpoint. */
export interface DueDelivery {
  id: number;
  attempts: number;
  url: string;
  secret: string;
  message: { id: number; type: string; caseId: string | null; eventId: number | null; payload: string; createdAt: string };
}

export interface DeliveryRow {
  id: number;
  outboxId: number;
  webhookId: string;
  type: string;
  caseId: string | null;
  status: 'pending' | 'delivered' | 'dead';
  attempts: number;
  nextAttemptAt: string;
  lastStatus: number | null;
  lastError: string | null;
  updatedAt: string;
}

const toWebhook = (r: Record<string, unknown>): Webhook => ({
  id: String(r.id),
  url: String(r.url),
  events: JSON.parse(String(r.events)) as string[],
  secret: String(r.secret),
  active: Number(r.active) === 1,
  createdBy: String(r.created_by),
  createdAt: String(r.created_at),
});
const opt = (v: unknown) => (v == null ? null : String(v));

/** The webhook store over the read client and the single writer. */
export function createWebhookStore(client: SqlClient, writer: Pick<Writer, 'write'>) {
  const commit = (statements: SqlStatement[]) => writer.write({ entries: [], statements: () => statements });
  return {
    /** Registers an endpoint; it is owed the messages committed after this moment. */
    async register(input: { url: string; events: string[]; secret: string; createdBy: string; at: string }): Promise<Webhook> {
      const id = randomUUID();
      await commit([
        {
          sql: `INSERT INTO webhooks (id, url, events, secret, active, cursor, created_by, created_at)
                VALUES (?, ?, ?, ?, 1, (SELECT coalesce(max(id), 0) FROM outbox), ?, ?)`,
          args: [id, input.url, JSON.stringify(input.events), input.secret, input.createdBy, input.at],
        },
      ]);
      return (await this.list()).find((w) => w.id === id)!;
    },
    async list(): Promise<Webhook[]> {
      const rs = await client.execute('SELECT * FROM webhooks ORDER BY created_at, id');
      return rs.rows.map((r) => toWebhook(r as Record<string, unknown>));
    },
    /** Turns the messages after each active endpoint's cursor into its deliveries, matching its event types. */
    async fanOut(nowMs: number, at: string): Promise<void> {
      const pending = await client.execute(
        'SELECT 1 FROM webhooks w WHERE w.active = 1 AND w.cursor < (SELECT coalesce(max(id), 0) FROM outbox) LIMIT 1',
      );
      if (pending.rows.length === 0) return;
      await commit([
        {
          // The event types are a JSON array of plain strings: a type matches when its quoted form is in the text
          // (portable SQL parses no JSON; docs/deployment.md).
          sql: `INSERT INTO webhook_deliveries (outbox_id, webhook_id, status, attempts, next_attempt_at, updated_at)
                SELECT o.id, w.id, 'pending', 0, ?, ? FROM webhooks w JOIN outbox o ON o.id > w.cursor
                WHERE w.active = 1 AND (instr(w.events, '"*"') > 0 OR instr(w.events, '"' || o.type || '"') > 0)
                ON CONFLICT DO NOTHING`,
          args: [nowMs, at],
        },
        { sql: 'UPDATE webhooks SET cursor = (SELECT coalesce(max(id), 0) FROM outbox) WHERE active = 1', args: [] },
      ]);
    },
    /** Up to `limit` pending deliveries whose time has come, oldest message first. */
    async due(nowMs: number, limit: number): Promise<DueDelivery[]> {
      const rs = await client.execute({
        sql: `SELECT d.id, d.attempts, w.url, w.secret, o.id AS oid, o.type, o.case_id, o.event_id, o.payload, o.created_at
              FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id JOIN outbox o ON o.id = d.outbox_id
              WHERE d.status = 'pending' AND d.next_attempt_at <= ? ORDER BY d.outbox_id, d.id LIMIT ?`,
        args: [nowMs, limit],
      });
      return rs.rows.map((r) => ({
        id: Number(r.id),
        attempts: Number(r.attempts),
        url: String(r.url),
        secret: String(r.secret),
        message: {
          id: Number(r.oid),
          type: String(r.type),
          caseId: opt(r.case_id),
          eventId: r.event_id == null ? null : Number(r.event_id),
          payload: String(r.payload),
          createdAt: String(r.created_at),
        },
      }));
    },
    /** Records one attempt: its log line and the delivery's new state, in one transaction. */
    async recordAttempt(a: {
      deliveryId: number;
      at: string;
      status: number | null;
      error: string | null;
      outcome: 'delivered' | 'pending' | 'dead';
      nextAttemptAt: number;
    }): Promise<void> {
      await commit([
        {
          sql: 'INSERT INTO webhook_attempts (delivery_id, at, status, error) VALUES (?, ?, ?, ?)',
          args: [a.deliveryId, a.at, a.status, a.error],
        },
        {
          sql: `UPDATE webhook_deliveries SET status = ?, attempts = attempts + 1, next_attempt_at = ?, last_status = ?, last_error = ?, updated_at = ?
                WHERE id = ?`,
          args: [a.outcome, a.nextAttemptAt, a.status, a.error, a.at, a.deliveryId],
        },
      ]);
    },
    /** Deliveries, newest first, optionally of one status. */
    async deliveries(status: string | null, limit: number): Promise<DeliveryRow[]> {
      // The filter is added only when given: PostgreSQL cannot type a parameter compared only with IS NULL.
      const where = status === null ? '' : 'WHERE d.status = ?';
      const rs = await client.execute({
        sql: `SELECT d.*, o.type, o.case_id FROM webhook_deliveries d JOIN outbox o ON o.id = d.outbox_id
              ${where} ORDER BY d.id DESC LIMIT ?`,
        args: status === null ? [limit] : [status, limit],
      });
      return rs.rows.map((r) => ({
        id: Number(r.id),
        outboxId: Number(r.outbox_id),
        webhookId: String(r.webhook_id),
        type: String(r.type),
        caseId: opt(r.case_id),
        status: String(r.status) as DeliveryRow['status'],
        attempts: Number(r.attempts),
        nextAttemptAt: new Date(Number(r.next_attempt_at)).toISOString(),
        lastStatus: r.last_status == null ? null : Number(r.last_status),
        lastError: opt(r.last_error),
        updatedAt: String(r.updated_at),
      }));
    },
    /** Puts a dead delivery back in the queue (an admin's retry); false when it is not dead. */
    async revive(id: number, nowMs: number, at: string): Promise<boolean> {
      const before = await client.execute({ sql: "SELECT 1 FROM webhook_deliveries WHERE id = ? AND status = 'dead'", args: [id] });
      if (before.rows.length === 0) return false;
      await commit([
        {
          sql: "UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = ?, updated_at = ? WHERE id = ? AND status = 'dead'",
          args: [nowMs, at, id],
        },
      ]);
      return true;
    },
  };
}
export type WebhookStore = ReturnType<typeof createWebhookStore>;
