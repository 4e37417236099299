// Evidence files (证据材料, 音像记录) and the read log (调阅记录). The file bytes live outside the database in a
// content-addressed store; `evidence` keeps who uploaded which bytes (by SHA-256) to which case. `read_log`
// is hash-chained like the record. Both tables are append-only (triggers in 0013_evidence_guards.sql).
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

/** One uploaded file of a case: its bytes are the store's file named by `sha256`. */
export const evidence = sqliteTable(
  'evidence',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id').notNull(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    /** The media type declared on upload and confirmed against the file's first bytes. */
    mediaType: text('media_type').notNull(),
    filename: text('filename').notNull(),
    uploaderId: text('uploader_id').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('evidence_case_idx').on(t.caseId, t.at), index('evidence_sha_idx').on(t.sha256)],
);

/** Every read of a case's record, drafts, documents or evidence files (调阅监督, seed §9(2)), hash-chained. */
export const readLog = sqliteTable(
  'read_log',
  {
    /** Position in the read log's own chain (1, 2, 3 …). */
    id: integer('id').primaryKey(),
    userId: text('user_id').notNull(),
    at: text('at').notNull(),
    caseId: text('case_id').notNull(),
    /** What was read: `case`, `record`, `drafts`, `evidence`, `evidence_list`, `export`, `access_log`, … */
    resource: text('resource').notNull(),
    /** The item read within it (an evidence id, a byte range), or null. */
    target: text('target'),
    /** `api` or `desk`. */
    channel: text('channel').notNull(),
    /** The request path. */
    route: text('route').notNull(),
    /** The client's address bucket as the sign-in throttle sees it. */
    address: text('address').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('read_log_case_idx').on(t.caseId, t.id)],
);
