// Verifies one stream's entries (a case or an inquiry) for its export: each entry's own hash, and its link
// to the global predecessor entry. A cheap local check; the whole chain is checked by verifyRecord.
import type { SqlClient } from '../core/sql.js';
import { genesisHash } from '../core/record-hash.js';
import { recomputeRowHash, storedEntryColumns, type StoredEntryRow } from './audit-canonical.js';
import { isSignatureValid } from './audit-checkpoint-sign.js';
import type { ChainIssue } from './audit-verify.js';

export interface StreamVerification {
  ok: boolean;
  entries: number;
  issues: ChainIssue[];
  /** The latest checkpoint at or after the stream's last entry, if any: its signature and signed hash still hold. */
  checkpoint: { sequence: number; at: string; signatureValid: boolean; headMatches: boolean } | null;
}

type Row = StoredEntryRow & { case_id: string; type: string; pred_id: number | null; pred_hash: string | null };

function issueOf(row: Row): ChainIssue | null {
  const name = { id: row.id, caseId: row.case_id, type: row.type };
  const expectedPrev = row.id === 1 ? genesisHash : row.pred_hash;
  if (expectedPrev === null)
    return { ...name, problem: 'gap', detail: `entry ${row.id - 1}, the predecessor of entry ${row.id}, is missing` };
  if (row.prev_hash !== expectedPrev)
    return { ...name, problem: 'prev_mismatch', detail: `entry ${row.id} does not link to entry ${row.id - 1}` };
  if (recomputeRowHash(row) !== row.hash)
    return { ...name, problem: 'hash_mismatch', detail: `entry ${row.id} content does not match its hash` };
  return null;
}

/** Checks every entry of `streamId` (accepted and refused) and the latest checkpoint that covers them. */
export async function verifyStream(client: SqlClient, streamId: string): Promise<StreamVerification> {
  const rs = await client.execute({
    sql: `SELECT ${storedEntryColumns('e.')}, e.case_id, e.type, p.id AS pred_id, p.hash AS pred_hash FROM case_events e LEFT JOIN case_events p ON p.id = e.id - 1
          WHERE e.case_id = ? ORDER BY e.id`,
    args: [streamId],
  });
  const rows = rs.rows as unknown as Row[];
  const issues = rows.map(issueOf).filter((i): i is ChainIssue => i !== null);
  const lastId = rows[rows.length - 1]?.id ?? 0;
  let checkpoint: StreamVerification['checkpoint'] = null;
  try {
    const cp = (
      await client.execute({
        sql: 'SELECT c.*, e.hash AS entry_hash FROM checkpoints c LEFT JOIN case_events e ON e.id = c.sequence WHERE c.sequence >= ? ORDER BY c.id DESC LIMIT 1',
        args: [lastId],
      })
    ).rows[0];
    if (cp && lastId > 0) {
      const signatureValid = isSignatureValid({
        sequence: Number(cp.sequence),
        headHash: String(cp.head_hash),
        at: String(cp.at),
        signature: String(cp.signature),
        publicKey: String(cp.public_key),
      });
      checkpoint = { sequence: Number(cp.sequence), at: String(cp.at), signatureValid, headMatches: cp.entry_hash === cp.head_hash };
    }
  } catch {
    // A file without the checkpoints table: nothing signed to compare with.
  }
  const checkpointOk = checkpoint === null || (checkpoint.signatureValid && checkpoint.headMatches);
  return { ok: issues.length === 0 && checkpointOk, entries: rows.length, issues, checkpoint };
}
