// Keeps accountability inquiries: the `inquiries` snapshot row (compare-and-swap on version) and their
// events in case_events under the stream `inquiry:<id>`, written as items of the single writer so the global
// hash chain covers them. The actor's credential numbers are snapshotted in the same transaction.
import type { SqlClient, SqlStatement } from '../core/sql.js';
import type { RecordEntry } from '../core/record-hash.js';
import type { WriteItem } from '../core/writer.js';
import { snapshotEntryStatement } from './audit-credentials.js';

/** The record stream of an inquiry. */
export const inquiryStream = (id: string): string => `inquiry:${id}`;

export interface InquiryRow {
  id: string;
  caseId: string;
  status: string;
  snapshot: { value: unknown; context: Record<string, unknown>; status: string };
  machineVersion: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

function toRow(r: Record<string, unknown>): InquiryRow {
  return {
    id: String(r.id),
    caseId: String(r.case_id),
    status: String(r.status),
    snapshot: JSON.parse(String(r.snapshot)) as InquiryRow['snapshot'],
    machineVersion: Number(r.machine_version),
    version: Number(r.version),
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
  };
}

function rowStatement(row: InquiryRow, expectedVersion: number): SqlStatement {
  const snapshot = JSON.stringify(row.snapshot);
  if (expectedVersion === 0) {
    return {
      sql: `INSERT INTO inquiries (id, case_id, status, snapshot, machine_version, version, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      args: [row.id, row.caseId, row.status, snapshot, row.machineVersion, row.version, row.createdAt, row.updatedAt],
    };
  }
  // As for cases, the unique (case_id, seq) index on the record is the real compare-and-swap.
  return {
    sql: 'UPDATE inquiries SET status = ?, snapshot = ?, machine_version = ?, version = ?, updated_at = ? WHERE id = ? AND version = ?',
    args: [row.status, snapshot, row.machineVersion, row.version, row.updatedAt, row.id, expectedVersion],
  };
}

/** The inquiry store: reads over the shared client; writes are items for the single writer. */
export function createInquiryStore(client: SqlClient) {
  return {
    async get(id: string): Promise<InquiryRow | null> {
      const rs = await client.execute({ sql: 'SELECT * FROM inquiries WHERE id = ?', args: [id] });
      return rs.rows[0] ? toRow(rs.rows[0] as Record<string, unknown>) : null;
    },

    async list(filter: { caseId?: string; status?: string; limit?: number }): Promise<InquiryRow[]> {
      const where: string[] = [];
      const args: (string | number)[] = [];
      if (filter.caseId) {
        where.push('case_id = ?');
        args.push(filter.caseId);
      }
      if (filter.status) {
        where.push('status = ?');
        args.push(filter.status);
      }
      args.push(filter.limit ?? 200);
      const rs = await client.execute({
        sql: `SELECT * FROM inquiries ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC LIMIT ?`,
        args,
      });
      return rs.rows.map((r) => toRow(r as Record<string, unknown>));
    },

    /** The write item of an accepted inquiry event: entry, snapshot compare-and-swap, credentials, `extra`. */
    acceptedItem(row: InquiryRow, expectedVersion: number, entry: RecordEntry, extra: SqlStatement[] = []): WriteItem {
      return {
        entries: [entry],
        statements: ([eventId]) => [rowStatement(row, expectedVersion), snapshotEntryStatement(eventId!, entry.actorId), ...extra],
      };
    },
  };
}
export type InquiryStore = ReturnType<typeof createInquiryStore>;
