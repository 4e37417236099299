// The batch plan the writers commit: record entries first, then each row group merged with the groups of the
// same table, columns and conflict clause (first-seen order, empty groups included), each item's entry id in
// place of its marker, at most 500 rows per INSERT, and each item's own statements last.
import { describe, expect, it } from 'vitest';
import { planBatch } from '../../../db/core/batch-plan.js';
import { genesisHash, storedEntry, type RecordEntry } from '../../../db/core/record-hash.js';
import { eventIdMarker, rowGroupStatements, type RowGroup, type WriteItem } from '../../../db/core/writer.js';

const entry = (caseId: string, seq: number): RecordEntry => ({
  caseId,
  seq,
  type: 'draft.revise',
  payload: { title: '行政处罚', n: seq },
  actorId: 'u1',
  actorRole: 'handler',
  at: '2026-03-02T08:00:00.000Z',
  draftHash: null,
  accepted: true,
  refusal: null,
});
const outboxColumns = ['type', 'case_id', 'event_id'];
const outbox = (caseId: string): RowGroup => ({ table: 'outbox', columns: [...outboxColumns], rows: [['t', caseId, eventIdMarker]] });
const notes = (rows: unknown[][]): RowGroup => ({ table: 'notes', columns: ['k', 'v'], rows, onConflict: 'ON CONFLICT(k) DO NOTHING' });

describe('planBatch', () => {
  it('chains entries from the head and merges equal row groups in first-seen order, markers replaced', () => {
    const items: WriteItem[] = [
      { entries: [entry('c1', 1)], rows: [notes([]), outbox('c1')], statements: ([id]) => [{ sql: 'UPDATE a SET x = ?', args: [id!] }] },
      { entries: [entry('c2', 1), entry('c2', 2)], rows: [outbox('c2'), notes([['k', 'v']])] },
    ];
    const plan = planBatch({ id: 7, hash: genesisHash }, items);
    const h8 = storedEntry(8, genesisHash, entry('c1', 1)).hash;
    const h9 = storedEntry(9, h8, entry('c2', 1)).hash;
    const h10 = storedEntry(10, h9, entry('c2', 2)).hash;
    expect(plan.ids).toEqual([[8], [9, 10]]);
    expect(plan.next).toEqual({ id: 10, hash: h10 });
    expect(plan.statements.map((s) => s.sql.split(' (')[0])).toEqual([
      'INSERT INTO case_events',
      'INSERT INTO notes',
      'INSERT INTO outbox',
      'UPDATE a SET x = ?',
    ]);
    expect(plan.statements[0]!.args).toHaveLength(3 * 13);
    expect(plan.statements[0]!.args!.slice(-2)).toEqual([h9, h10]);
    expect(plan.statements[1]).toEqual({ sql: 'INSERT INTO notes (k, v) VALUES (?, ?) ON CONFLICT(k) DO NOTHING', args: ['k', 'v'] });
    expect(plan.statements[2]).toEqual({
      sql: 'INSERT INTO outbox (type, case_id, event_id) VALUES (?, ?, ?), (?, ?, ?) ',
      args: ['t', 'c1', 8, 't', 'c2', 9],
    });
    expect(plan.statements[3]!.args).toEqual([8]);
  });

  it('splits a group into INSERTs of at most 500 rows, in order', () => {
    const rows = Array.from({ length: 1201 }, (_, i) => [`k${i}`, i]);
    const statements = rowGroupStatements(notes(rows));
    expect(statements.map((s) => (s.args ?? []).length / 2)).toEqual([500, 500, 201]);
    expect(statements.flatMap((s) => s.args)).toEqual(rows.flat());
  });
});
