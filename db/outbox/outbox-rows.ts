// The outbox rows an accepted write carries: one message per event or report, committed in the same transaction
// as what it reports (through the single writer), so nothing is reported that did not happen, nor lost that did.
import type { InStatement } from '@libsql/client';
import { eventIdMarker, type RowGroup } from '../core/writer.js';

const columns = ['type', 'case_id', 'event_id', 'payload', 'created_at'] as const;

/** The outbox row of a record entry: `event_id` becomes the entry's id when the writer assigns it. */
export function outboxEventRow(type: string, caseId: string, payload: unknown, at: string): RowGroup {
  return { table: 'outbox', columns, rows: [[type, caseId, eventIdMarker, JSON.stringify(payload), at]] };
}

/**
 * The outbox statement of something that is not a record entry (a submitted report). Put it right after the
 * statement it reports: it inserts only when that statement changed a row (`changes()`), so a repeat of an
 * `INSERT OR IGNORE` reports nothing.
 */
export function outboxAfterChange(type: string, payload: unknown, at: string): InStatement {
  return {
    sql: 'INSERT INTO outbox (type, case_id, event_id, payload, created_at) SELECT ?, NULL, NULL, ?, ? WHERE changes() > 0',
    args: [type, JSON.stringify(payload), at],
  };
}
