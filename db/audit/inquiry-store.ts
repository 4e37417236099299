// Keeps accountability inquiries: the `inquiries` snapshot row (compare-and-swap on version) and their
// events in case_events under the stream `inquiry:<id>`, written through the single writer so the global
// hash chain covers them. The actor's credential numbers are snapshotted in the same transaction.
import type { Client, InStatement } from '@libsql/client';
import type { RecordEntry } from '../core/record-hash.js';
import type { Writer } from '../core/writer.js';
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
  withdrawalDue: string | null;
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
    withdrawalDue: r.withdrawal_due == null ? null : String(r.withdrawal_due),
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
  };
}

function rowStatement(row: InquiryRow, expectedVersion: number): InStatement {
  const snapshot = JSON.stringify(row.snapshot);
  if (expectedVersion === 0) {
    return {
      sql: `INSERT INTO inquiries (id, case_id, status, snapshot, machine_version, version, withdrawal_due, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      args: [row.id, row.caseId, row.status, snapshot, row.machineVersion, row.version, row.withdrawalDue, row.createdAt, row.updatedAt],
    };
  }
  // As for cases, the unique (case_id, seq) index on the record is the real compare-and-swap.
  return {
    sql: 'UPDATE inquiries SET status = ?, snapshot = ?, machine_version = ?, version = ?, updated_at = ? WHERE id = ? AND version = ?',
    args: [row.status, snapshot, row.machineVersion, row.version, row.updatedAt, row.id, expectedVersion],
  };
}

/** The inquiry store over the shared client (reads) and the single writer (writes). */
export function createInquiryStore(client: Client, writer: Writer) {
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

    /** Appends an accepted inquiry event with the new snapshot (and `extra` statements) atomically. */
    async appendAccepted(row: InquiryRow, expectedVersion: number, entry: RecordEntry, extra: InStatement[] = []): Promise<number> {
      const [id] = await writer.write({
        entries: [entry],
        statements: ([eventId]) => [rowStatement(row, expectedVersion), snapshotEntryStatement(eventId!, entry.actorId), ...extra],
      });
      return id!;
    },

    /** Appends a refused attempt (stream of an inquiry, or of a case for a refused outcome); nothing else changes. */
    async appendRefusal(entry: RecordEntry): Promise<number> {
      const [id] = await writer.write({ entries: [entry] });
      return id!;
    },
  };
}
export type InquiryStore = ReturnType<typeof createInquiryStore>;
