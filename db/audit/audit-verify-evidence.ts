// Checks the evidence files against the store (audit:verify): every stored file's bytes must still hash to
// the SHA-256 recorded for it, and every file the record cites (drafts' evidence, events' records) must be
// a file of that case with that hash. Problems are named by evidence id. Read-only; it hashes each file once.
import type { SqlClient } from '../core/sql.js';

/** What is wrong with one evidence file. */
export interface EvidenceIssue {
  evidenceId: string;
  caseId: string;
  sha256: string;
  /** `missing`/`altered`: the stored bytes; `unknown_reference`/`reference_mismatch`: what the record cites. */
  problem: 'missing' | 'altered' | 'unknown_reference' | 'reference_mismatch';
  detail: string;
}

export interface EvidenceReport {
  /** Evidence rows checked, and distinct files hashed. */
  rows: number;
  files: number;
  /** References found in the record. */
  references: number;
  issues: EvidenceIssue[];
  issueCount: number;
}

/** What the check needs of the file store: the hash of a stored file's bytes now, null when missing. */
export interface StoredFiles {
  hashNow(sha256: string): Promise<string | null>;
}

interface Ref {
  evidenceId: string;
  sha256: string;
  caseId: string;
  entry: number;
}

/** References to evidence in accepted entries (drafts' files, events' records), with the entry citing them. */
async function referencesOf(client: SqlClient): Promise<Ref[]> {
  const rs = await client.execute(
    `SELECT id, case_id, payload FROM case_events WHERE accepted = 1 AND instr(payload, '"evidenceId"') > 0 ORDER BY id`,
  );
  const refs: Ref[] = [];
  for (const r of rs.rows) {
    const payload = JSON.parse(String(r.payload)) as {
      records?: { evidenceId: string; sha256: string }[];
      draft?: { evidence?: { files?: { evidenceId: string; sha256: string }[] }[] };
    };
    const cited = [...(payload.records ?? []), ...(payload.draft?.evidence ?? []).flatMap((e) => e.files ?? [])];
    for (const f of cited) refs.push({ evidenceId: f.evidenceId, sha256: f.sha256, caseId: String(r.case_id), entry: Number(r.id) });
  }
  return refs;
}

/** Verifies every evidence file and reference (an empty report for a file without the evidence table). */
export async function verifyEvidence(client: SqlClient, files: StoredFiles, options: { maxIssues?: number } = {}): Promise<EvidenceReport> {
  const report: EvidenceReport = { rows: 0, files: 0, references: 0, issues: [], issueCount: 0 };
  if (!(await client.hasTable('evidence'))) return report;
  const note = (issue: EvidenceIssue) => {
    report.issueCount += 1;
    if (report.issues.length < (options.maxIssues ?? 100)) report.issues.push(issue);
  };
  const hashes = new Map<string, string | null>();
  const hashOf = async (sha256: string) => {
    if (!hashes.has(sha256)) hashes.set(sha256, /^[0-9a-f]{64}$/.test(sha256) ? await files.hashNow(sha256) : null);
    return hashes.get(sha256)!;
  };
  const checkBytes = async (evidenceId: string, caseId: string, sha256: string) => {
    const now = await hashOf(sha256);
    if (now === sha256) return;
    const problem = now === null ? 'missing' : 'altered';
    const detail = now === null ? `the stored file ${sha256} is missing` : `the stored file ${sha256} now hashes to ${now}`;
    note({ evidenceId, caseId, sha256, problem, detail: `evidence ${evidenceId}: ${detail}` });
  };
  const rows = (await client.execute('SELECT id, case_id, sha256 FROM evidence ORDER BY at, id')).rows;
  const byId = new Map(rows.map((r) => [String(r.id), { caseId: String(r.case_id), sha256: String(r.sha256) }]));
  for (const [id, row] of byId) await checkBytes(id, row.caseId, row.sha256);
  const refs = await referencesOf(client);
  for (const ref of refs) {
    const row = byId.get(ref.evidenceId);
    if (row && row.caseId === ref.caseId && row.sha256 === ref.sha256) continue;
    const problem = row ? 'reference_mismatch' : 'unknown_reference';
    const detail = row
      ? `entry ${ref.entry} cites evidence ${ref.evidenceId} as ${ref.sha256} of ${ref.caseId}, but it is ${row.sha256} of ${row.caseId}`
      : `entry ${ref.entry} cites evidence ${ref.evidenceId}, which is not in the evidence table`;
    note({ evidenceId: ref.evidenceId, caseId: ref.caseId, sha256: ref.sha256, problem, detail });
    await checkBytes(ref.evidenceId, ref.caseId, ref.sha256);
  }
  report.rows = byId.size;
  report.files = hashes.size;
  report.references = refs.length;
  return report;
}
