// Audit tables: signed checkpoints of the record's hash chain, credential numbers snapshotted with each
// accepted event, and accountability inquiries (their events live in case_events under `inquiry:<id>`).
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

/** A signed statement "the record's entry `sequence` has hash `headHash`" (append-only by trigger). */
export const checkpoints = sqliteTable('checkpoints', {
  id: integer('id').primaryKey(),
  /** Record id (case_events.id) of the head entry at the time of signing. */
  sequence: integer('sequence').notNull(),
  headHash: text('head_hash').notNull(),
  at: text('at').notNull(),
  /** Base64 Ed25519 signature over the canonical JSON of {kind, sequence, headHash, at}. */
  signature: text('signature').notNull(),
  /** Base64 SPKI DER of the signing key, so an exported checkpoint verifies on its own. */
  publicKey: text('public_key').notNull(),
  /** `configured` (AUDIT_SIGNING_KEY) or `ephemeral` (dev/test key generated at start). */
  keySource: text('key_source').notNull(),
  createdBy: text('created_by').notNull(),
});

/**
 * 执法证 / 法律职业资格 numbers of the actor of one accepted record entry, as held in the users table at
 * the moment the entry was committed (same transaction). The entry itself carries the validity flags.
 */
export const credentialSnapshots = sqliteTable(
  'credential_snapshots',
  {
    eventId: integer('event_id').primaryKey(),
    userId: text('user_id').notNull(),
    displayName: text('display_name').notNull(),
    certificateNo: text('certificate_no'),
    certificateValidUntil: text('certificate_valid_until'),
    qualificationNo: text('qualification_no'),
    qualificationValidUntil: text('qualification_valid_until'),
  },
  // No index on user_id: every read goes by record entry (issue 19: it cost more than half a kilobyte a case).
);

/** Accountability inquiries (责任追究): the machine snapshot with a version for compare-and-swap. */
export const inquiries = sqliteTable(
  'inquiries',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id').notNull(),
    status: text('status').notNull(),
    snapshot: text('snapshot', { mode: 'json' }).notNull(),
    machineVersion: integer('machine_version').notNull(),
    version: integer('version').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('inquiries_case_idx').on(t.caseId), index('inquiries_status_idx').on(t.status)],
);
