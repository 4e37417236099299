// The case store: `cases` holds the current machine snapshot with a version for compare-and-swap;
// `case_events` is the append-only record of every attempt (accepted or refused), hash-chained in id order.
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';

export const cases = sqliteTable(
  'cases',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    /** Top-level state name (investigating, inReview, decided, ...), for queue queries. */
    status: text('status').notNull(),
    /** Full state value as JSON (parallel regions included). */
    stateValue: text('state_value', { mode: 'json' }).notNull(),
    snapshot: text('snapshot', { mode: 'json' }).notNull(),
    machineId: text('machine_id').notNull(),
    machineVersion: integer('machine_version').notNull(),
    version: integer('version').notNull(),
    handlerId: text('handler_id').notNull(),
    reviewerId: text('reviewer_id'),
    isMajor: integer('is_major', { mode: 'boolean' }).notNull(),
    draftHash: text('draft_hash').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    /** The opening handler's unit (所属单位), fixed at 立案; who may see the case follows it. */
    unitId: text('unit_id'),
  },
  (t) => [
    index('cases_unit_idx').on(t.unitId, t.updatedAt),
    // The queues filter by person (and state) and show the most recently touched first, ties broken by id: with
    // the id in the index a page is read in index order and the read stops at the page's end (no sort of ties).
    index('cases_status_idx').on(t.status, t.updatedAt, t.id),
    index('cases_reviewer_idx').on(t.reviewerId, t.status, t.updatedAt, t.id),
    index('cases_handler_idx').on(t.handlerId, t.updatedAt, t.id),
    // A handler's open cases (the desk's 承办 tab, the `open` filter): bounded by the cases still open, however
    // many that person closed before; the queue's clause is written exactly as this predicate so it is used.
    index('cases_open_handler_idx').on(t.handlerId, t.updatedAt, t.id).where(sql`status NOT IN ('closed', 'withdrawn')`),
  ],
);

export const caseEvents = sqliteTable(
  'case_events',
  {
    /** Global position in the record; the hash chain follows this order. */
    id: integer('id').primaryKey(),
    caseId: text('case_id').notNull(),
    /** Case sequence for accepted events (equals the case version it produced); null for refusals. */
    seq: integer('seq'),
    type: text('type').notNull(),
    payload: text('payload', { mode: 'json' }).notNull(),
    actorId: text('actor_id').notNull(),
    actorRole: text('actor_role'),
    at: text('at').notNull(),
    draftHash: text('draft_hash'),
    accepted: integer('accepted', { mode: 'boolean' }).notNull(),
    /** For refusals: `{status, type, detail}` of the problem returned. */
    refusal: text('refusal', { mode: 'json' }),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    uniqueIndex('case_events_case_seq_uq').on(t.caseId, t.seq).where(sql`seq is not null`),
    index('case_events_case_idx').on(t.caseId, t.id),
  ],
);

export const draftVersions = sqliteTable(
  'draft_versions',
  {
    caseId: text('case_id').notNull(),
    version: integer('version').notNull(),
    hash: text('hash').notNull(),
    content: text('content', { mode: 'json' }).notNull(),
    authorId: text('author_id').notNull(),
    at: text('at').notNull(),
  },
  (t) => [uniqueIndex('draft_versions_pk').on(t.caseId, t.version), index('draft_versions_hash_idx').on(t.caseId, t.hash)],
);

/** Review outcomes, one per review.approve/return/refer, bound to the draft hash judged. */
export const reviews = sqliteTable(
  'reviews',
  {
    id: integer('id').primaryKey(),
    caseId: text('case_id').notNull(),
    eventId: integer('event_id').notNull(),
    draftHash: text('draft_hash').notNull(),
    reviewerId: text('reviewer_id').notNull(),
    outcome: text('outcome', { enum: ['approved', 'returned', 'referred'] }).notNull(),
    opinion: text('opinion').notNull(),
    items: text('items', { mode: 'json' }),
    at: text('at').notNull(),
  },
  (t) => [index('reviews_case_hash_idx').on(t.caseId, t.draftHash, t.id)],
);

/** Issued decisions; a trigger refuses one on a major case without an approving review of its draft. */
export const decisions = sqliteTable('decisions', {
  caseId: text('case_id').primaryKey(),
  eventId: integer('event_id').notNull(),
  draftHash: text('draft_hash').notNull(),
  headId: text('head_id').notNull(),
  outcome: text('outcome').notNull(),
  isMajor: integer('is_major', { mode: 'boolean' }).notNull(),
  at: text('at').notNull(),
});

/**
 * Answers already given for an Idempotency-Key. The key is scoped to one request target: `scope` is the
 * SHA-256 of (user, method, route, stream, key), `fingerprint` the SHA-256 of the request body. A success is
 * kept as a reference (stream and version), a refusal as its small problem; rows expire after the policy's
 * retention period.
 */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    scope: text('scope').primaryKey(),
    fingerprint: text('fingerprint').notNull(),
    stream: text('stream').notNull(),
    /** The stream version the accepted command produced; null for a refusal. */
    version: integer('version'),
    /** The domain error (JSON) of a refused command; null for a success. */
    error: text('error'),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [index('idempotency_expiry_idx').on(t.expiresAt)],
);
