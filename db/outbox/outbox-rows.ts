// The outbox rows an accepted write carries: one message per event or report, committed in the same transaction
// as what it reports (through the single writer), so nothing is reported that did not happen, nor lost that did.
import type { SqlStatement, SqlValue } from '../core/sql.js';
import { eventIdMarker, type RowGroup } from '../core/writer.js';

const columns = ['type', 'case_id', 'event_id', 'payload', 'created_at'] as const;

/** The outbox row of a record entry: `event_id` becomes the entry's id when the writer assigns it. */
export function outboxEventRow(type: string, caseId: string, payload: unknown, at: string): RowGroup {
  return { table: 'outbox', columns, rows: [[type, caseId, eventIdMarker, JSON.stringify(payload), at]] };
}

/**
 * The outbox statement of something that is not a record entry (a submitted report). Put it right after the
 * statement that inserts `row` into `table` (`ON CONFLICT DO NOTHING`): it inserts only when that row is there
 * exactly as given and not yet reported, so a repeat, or a racing call whose insert lost, reports nothing.
 * Portable SQL: no `changes()`, which PostgreSQL lacks.
 */
export function outboxAfterInsert(type: string, payload: unknown, at: string, table: string, row: Record<string, SqlValue>): SqlStatement {
  const text = JSON.stringify(payload);
  const match = Object.keys(row).map((column) => `t.${column} = ?`);
  return {
    sql: `INSERT INTO outbox (type, case_id, event_id, payload, created_at) SELECT ?, NULL, NULL, ?, ? FROM ${table} t
          WHERE ${match.join(' AND ')} AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.type = ? AND o.payload = ?)`,
    args: [type, text, at, ...Object.values(row), type, text],
  };
}
