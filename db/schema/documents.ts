// The documents a case issues: each 法制审核意见书 and each 决定书, numbered per kind and year (文号), with the
// content as issued and its SHA-256, which the record entry that issued it also carries. Append-only by trigger.
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const caseDocuments = sqliteTable(
  'case_documents',
  {
    id: integer('id').primaryKey(),
    caseId: text('case_id').notNull(),
    /** The record entry that issued it (a review outcome or the decision). */
    eventId: integer('event_id').notNull(),
    kind: text('kind', { enum: ['opinion', 'decision', 'transfer', 'handover'] }).notNull(),
    /** Year (China time) and sequence within it: the number's two variable parts. */
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    /** The 文号 as printed, e.g. 宁交执法审〔2026〕12号. */
    number: text('number').notNull(),
    issuedAt: text('issued_at').notNull(),
    draftHash: text('draft_hash').notNull(),
    /** The document as issued (canonical JSON hashes to `document_hash`). */
    content: text('content', { mode: 'json' }).notNull(),
    documentHash: text('document_hash').notNull(),
  },
  (t) => [
    // No two documents of a kind share a number in a year; the writer's lock makes the sequence gap-free.
    uniqueIndex('case_documents_seq_uq').on(t.kind, t.year, t.seq),
    uniqueIndex('case_documents_number_uq').on(t.number),
    index('case_documents_case_idx').on(t.caseId, t.id),
  ],
);
