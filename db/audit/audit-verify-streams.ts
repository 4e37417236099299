// Cross-checks each stream's stored version (cases, inquiries) against the last accepted entry in the
// record: a case at version 13 whose record ends at seq 11 lost its tail, even where the chain looks whole.
import type { SqlClient } from '../core/sql.js';

export interface StreamIssue {
  stream: string;
  version: number;
  lastSeq: number | null;
  /** `missing_tail`: the record ends before the stream's version; `ahead_of_stream`: the stream row was rolled back. */
  problem: 'missing_tail' | 'ahead_of_stream';
  detail: string;
}

/** Streams whose version is ahead of their record. Answers nothing for a file without those tables. */
export async function findStreamIssues(client: SqlClient): Promise<{ checked: number; issues: StreamIssue[] }> {
  const parts: string[] = [];
  if (await client.hasTable('cases')) parts.push('SELECT id AS stream, version FROM cases');
  if (await client.hasTable('inquiries')) parts.push("SELECT 'inquiry:' || id AS stream, version FROM inquiries");
  if (parts.length === 0) return { checked: 0, issues: [] };
  const rs = await client.execute(`
    SELECT s.stream, s.version, (SELECT max(e.seq) FROM case_events e WHERE e.case_id = s.stream AND e.seq IS NOT NULL) AS last_seq
    FROM (${parts.join(' UNION ALL ')}) s`);
  const issues: StreamIssue[] = [];
  for (const r of rs.rows) {
    const version = Number(r.version);
    const lastSeq = r.last_seq == null ? null : Number(r.last_seq);
    if (lastSeq === version) continue;
    const missing = lastSeq === null || lastSeq < version;
    issues.push({
      stream: String(r.stream),
      version,
      lastSeq,
      problem: missing ? 'missing_tail' : 'ahead_of_stream',
      detail: missing
        ? `${String(r.stream)} is at version ${version} but its record ends at seq ${lastSeq ?? 'none'}: entries were removed`
        : `${String(r.stream)} is at version ${version} but its record goes on to seq ${lastSeq}: the stored state was rolled back`,
    });
  }
  return { checked: rs.rows.length, issues };
}
