// Keeps the documents cases issue (审核意见书, 决定书): the numbering sequence of a kind in a year, the row an issuing
// event commits, and the reads. Invariant: rows are written only in the transaction of the event that issued them.
import type { SqlClient, SqlStatement } from '../core/sql.js';
import type { FirstRow } from '../core/prepared-reads.js';
import { eventIdMarker, type RowGroup } from '../core/writer.js';

export type DocumentKind = 'opinion' | 'decision' | 'transfer' | 'handover';

/** One issued document as stored. */
export interface StoredDocument {
  id: number;
  caseId: string;
  eventId: number;
  kind: DocumentKind;
  year: number;
  seq: number;
  number: string;
  issuedAt: string;
  draftHash: string;
  content: unknown;
  documentHash: string;
}

/** A document about to be issued; its row joins the write of the event that issues it. */
export type NewDocument = Omit<StoredDocument, 'id' | 'eventId'>;

const columns = ['case_id', 'event_id', 'kind', 'year', 'seq', 'number', 'issued_at', 'draft_hash', 'content', 'document_hash'] as const;

function toDocument(r: Record<string, unknown>): StoredDocument {
  return {
    id: Number(r.id),
    caseId: String(r.case_id),
    eventId: Number(r.event_id),
    kind: String(r.kind) as DocumentKind,
    year: Number(r.year),
    seq: Number(r.seq),
    number: String(r.number),
    issuedAt: String(r.issued_at),
    draftHash: String(r.draft_hash),
    content: JSON.parse(String(r.content)) as unknown,
    documentHash: String(r.document_hash),
  };
}

/** The document store over the shared client (reads) and the writer's row groups (writes). */
export function createDocumentStore(client: SqlClient, firstRow?: FirstRow) {
  const first: FirstRow = firstRow ?? (async (sql, args) => (await client.execute({ sql, args: args as never })).rows[0]);
  return {
    /** The sequence of `kind`'s numbers in `year`, drawn by the writer at commit time (db/core/writer.ts `Numbering`). */
    sequence(kind: DocumentKind, year: number): { key: string; last: SqlStatement } {
      return {
        key: `case_documents:${kind}:${year}`,
        last: { sql: 'SELECT COALESCE(MAX(seq), 0) AS seq FROM case_documents WHERE kind = ? AND year = ?', args: [kind, year] },
      };
    },

    /** The row of a new document, with the issuing entry's record id filled in by the writer. */
    row(doc: NewDocument): RowGroup {
      const values = [doc.caseId, eventIdMarker, doc.kind, doc.year, doc.seq, doc.number, doc.issuedAt, doc.draftHash];
      return { table: 'case_documents', columns, rows: [[...values, JSON.stringify(doc.content), doc.documentHash]] };
    },

    /** The documents of a case in the order they were issued. */
    async byCase(caseId: string): Promise<StoredDocument[]> {
      const rs = await client.execute({ sql: 'SELECT * FROM case_documents WHERE case_id = ? ORDER BY id', args: [caseId] });
      return rs.rows.map((r) => toDocument(r as Record<string, unknown>));
    },

    /**
     * The number of the latest 审核意见书 on draft `draftHash` of a case, or null: what a 决定书 cites. One
     * indexed row and one column (the decision is on the write path; the documents' contents are not needed).
     */
    async opinionNumber(caseId: string, draftHash: string): Promise<string | null> {
      const row = await first(
        "SELECT number FROM case_documents WHERE case_id = ? AND kind = 'opinion' AND draft_hash = ? ORDER BY id DESC LIMIT 1",
        [caseId, draftHash],
      );
      return row ? String(row.number) : null;
    },

    /** Every document row (the verifier compares them with the record). */
    async all(): Promise<StoredDocument[]> {
      const rs = await client.execute('SELECT * FROM case_documents ORDER BY id');
      return rs.rows.map((r) => toDocument(r as Record<string, unknown>));
    },
  };
}
export type DocumentStore = ReturnType<typeof createDocumentStore>;
