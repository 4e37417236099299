// Evidence metadata (which bytes, by SHA-256, were uploaded to which case, by whom, when, under which
// name and media type): reads over the shared client, and the row an upload appends through the writer.
import type { SqlClient } from '../core/sql.js';
import type { WriteItem } from '../core/writer.js';

/** One stored evidence file of a case. */
export interface EvidenceRow {
  id: string;
  caseId: string;
  sha256: string;
  size: number;
  mediaType: string;
  filename: string;
  uploaderId: string;
  at: string;
}

const columns = ['id', 'case_id', 'sha256', 'size', 'media_type', 'filename', 'uploader_id', 'at'] as const;

function toRow(r: Record<string, unknown>): EvidenceRow {
  return {
    id: String(r.id),
    caseId: String(r.case_id),
    sha256: String(r.sha256),
    size: Number(r.size),
    mediaType: String(r.media_type),
    filename: String(r.filename),
    uploaderId: String(r.uploader_id),
    at: String(r.at),
  };
}

/** The evidence store over `client`. */
export function createEvidenceStore(client: SqlClient) {
  return {
    /** The write item that records an upload (no record entry: the draft that cites it is the transition). */
    uploadItem(row: EvidenceRow): WriteItem {
      const values = [row.id, row.caseId, row.sha256, row.size, row.mediaType, row.filename, row.uploaderId, row.at];
      return { entries: [], rows: [{ table: 'evidence', columns, rows: [values] }] };
    },

    /** The file `id` of case `caseId`, or null (also when it belongs to another case). */
    async get(caseId: string, id: string): Promise<EvidenceRow | null> {
      const rs = await client.execute({ sql: 'SELECT * FROM evidence WHERE id = ? AND case_id = ?', args: [id, caseId] });
      return rs.rows[0] ? toRow(rs.rows[0] as Record<string, unknown>) : null;
    },

    /** The files of a case among `ids` (unknown ids and other cases' files are simply absent). */
    async many(caseId: string, ids: readonly string[]): Promise<EvidenceRow[]> {
      if (ids.length === 0) return [];
      const rs = await client.execute({
        sql: `SELECT * FROM evidence WHERE case_id = ? AND id IN (${ids.map(() => '?').join(', ')})`,
        args: [caseId, ...ids],
      });
      return rs.rows.map((r) => toRow(r as Record<string, unknown>));
    },

    /** Every file of a case, oldest first. */
    async list(caseId: string): Promise<EvidenceRow[]> {
      const rs = await client.execute({ sql: 'SELECT * FROM evidence WHERE case_id = ? ORDER BY at, id', args: [caseId] });
      return rs.rows.map((r) => toRow(r as Record<string, unknown>));
    },
  };
}
export type EvidenceStore = ReturnType<typeof createEvidenceStore>;
