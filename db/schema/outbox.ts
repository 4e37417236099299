// The outbox and webhook delivery: every accepted event, published decision and submitted report is written
// to `outbox` in the same transaction as itself, then fanned out to the registered `webhooks` as
// `webhook_deliveries`, each retried with backoff until delivered or dead (at least once, across restarts).
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** One message to deliver, committed with what it reports; `id` orders delivery. */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The record's event type (`review.approve`, …) or `report.submitted`. */
    type: text('type').notNull(),
    caseId: text('case_id'),
    /** The record entry this message reports, when it reports one. */
    eventId: integer('event_id'),
    /** The message body (JSON) as delivered. */
    payload: text('payload').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('outbox_case_idx').on(t.caseId)],
);

/** An endpoint an admin registered: the event types it takes (`*` for all) and the HMAC secret. */
export const webhooks = sqliteTable('webhooks', {
  id: text('id').primaryKey(),
  url: text('url').notNull(),
  /** JSON array of event types, or `["*"]`. */
  events: text('events').notNull(),
  secret: text('secret').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  /** The last outbox id fanned out to this endpoint (messages before registration are not sent). */
  cursor: integer('cursor').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: text('created_at').notNull(),
});

/** One message owed to one endpoint: pending until a 2xx answer, dead after the policy's last attempt. */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    outboxId: integer('outbox_id').notNull(),
    webhookId: text('webhook_id').notNull(),
    /** pending, delivered, dead */
    status: text('status').notNull(),
    attempts: integer('attempts').notNull(),
    /** Epoch milliseconds of the next attempt (backoff). */
    nextAttemptAt: integer('next_attempt_at').notNull(),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_uq').on(t.outboxId, t.webhookId),
    index('webhook_deliveries_due_idx').on(t.status, t.nextAttemptAt),
  ],
);

/** The delivery log: every attempt with its answer. */
export const webhookAttempts = sqliteTable(
  'webhook_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    deliveryId: integer('delivery_id').notNull(),
    at: text('at').notNull(),
    /** HTTP status of the answer; null when none came (refused address, timeout, connection error). */
    status: integer('status'),
    error: text('error'),
  },
  (t) => [index('webhook_attempts_delivery_idx').on(t.deliveryId)],
);
