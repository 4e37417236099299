// Checks the issued documents (audit:verify): every 审核意见书 and 决定书 in `case_documents` must still hash to
// the SHA-256 that the record entry which issued it carries (the chained `payload.document`), under the same
// number and case, and every document the record names must have its row. Problems are named by number.
import type { SqlClient } from '../core/sql.js';
import { sha256Canonical } from '../../machines/shared/canonical-hash.js';

/** What is wrong with one issued document. */
export interface DocumentIssue {
  number: string;
  caseId: string;
  /** The record entry that issued it. */
  entryId: number;
  /** `altered`: content or stored hash changed; `record_mismatch`: the row and its entry disagree; `missing`: no row. */
  problem: 'altered' | 'record_mismatch' | 'missing';
  detail: string;
}

export interface DocumentReport {
  /** Document rows checked, and record entries that name a document. */
  documents: number;
  references: number;
  issues: DocumentIssue[];
  issueCount: number;
}

interface Ref {
  caseId: string;
  number: string;
  hash: string;
}

/** Entries that issued a document, by entry id: the number and hash the chained record carries. */
async function referencesOf(client: SqlClient): Promise<Map<number, Ref>> {
  const rs = await client.execute(`SELECT id, case_id, payload FROM case_events WHERE accepted = 1 AND instr(payload, '"document"') > 0`);
  const refs = new Map<number, Ref>();
  for (const r of rs.rows) {
    const doc = (JSON.parse(String(r.payload)) as { document?: { number?: unknown; hash?: unknown } }).document;
    if (typeof doc?.number !== 'string' || typeof doc.hash !== 'string') continue;
    refs.set(Number(r.id), { caseId: String(r.case_id), number: doc.number, hash: doc.hash });
  }
  return refs;
}

/** The SHA-256 of a stored content column, or null when it no longer parses. */
function contentHash(content: unknown): string | null {
  try {
    return sha256Canonical(JSON.parse(String(content)));
  } catch {
    return null;
  }
}

/** Verifies every issued document against the record (an empty report for a file without the table). */
export async function verifyDocuments(client: SqlClient, options: { maxIssues?: number } = {}): Promise<DocumentReport> {
  const report: DocumentReport = { documents: 0, references: 0, issues: [], issueCount: 0 };
  if (!(await client.hasTable('case_documents'))) return report;
  const note = (issue: DocumentIssue) => {
    report.issueCount += 1;
    if (report.issues.length < (options.maxIssues ?? 100)) report.issues.push(issue);
  };
  const refs = await referencesOf(client);
  const rows = (await client.execute('SELECT case_id, event_id, number, content, document_hash FROM case_documents ORDER BY id')).rows;
  const seen = new Set<number>();
  for (const r of rows) {
    const row = { number: String(r.number), caseId: String(r.case_id), entryId: Number(r.event_id), hash: String(r.document_hash) };
    const ref = refs.get(row.entryId);
    seen.add(row.entryId);
    const now = contentHash(r.content);
    const recorded = ref?.hash ?? row.hash;
    if (now !== row.hash || now !== recorded) {
      note({
        ...row,
        problem: 'altered',
        detail: `document ${row.number}: its content hashes to ${now ?? 'nothing (not JSON)'}, the record says ${recorded}`,
      });
    } else if (!ref || ref.caseId !== row.caseId || ref.number !== row.number) {
      const said = ref ? `${ref.number} of case ${ref.caseId}` : 'no document';
      note({ ...row, problem: 'record_mismatch', detail: `document ${row.number}: entry ${row.entryId} names ${said}` });
    }
  }
  for (const [entryId, ref] of refs) {
    if (seen.has(entryId)) continue;
    note({ ...ref, entryId, problem: 'missing', detail: `entry ${entryId} issued ${ref.number}, which is not in case_documents` });
  }
  report.documents = rows.length;
  report.references = refs.size;
  return report;
}
