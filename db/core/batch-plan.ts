// Turns the items of one batch into the statements of one transaction: record entries get consecutive ids
// after `head` and hashes chained from it, row groups are merged into multi-row INSERTs, and each item's
// own statements follow. Pure: both writers (libSQL in memory, PostgreSQL under the chain-head lock) use it.
import { storedEntry, type RecordEntry } from './record-hash.js';
import type { SqlStatement, SqlValue } from './sql.js';
import { shapeOf, shapeStatements, type RowShape, type ShapeRows } from './row-shapes.js';
import type { RowGroup, WriteItem } from './writer.js';

/** The last record entry: its id and hash. */
export interface ChainHead {
  id: number;
  hash: string;
}

/** What a batch commits, the record ids of each item, and the head after it. */
export interface BatchPlan {
  statements: SqlStatement[];
  ids: number[][];
  next: ChainHead;
  /** The last number drawn from each sequence the batch used. */
  sequences: Map<string, number>;
}

/** The columns of a record entry (`case_events`), in the order every multi-row insert writes them. */
export const entryColumns = [
  'id',
  'case_id',
  'seq',
  'type',
  'payload',
  'actor_id',
  'actor_role',
  'at',
  'draft_hash',
  'accepted',
  'refusal',
  'prev_hash',
  'hash',
] as const;

const recordShape = shapeOf({ table: 'case_events', columns: entryColumns, rows: [] });

function entryRow(id: number, prevHash: string, stored: ReturnType<typeof storedEntry>, entry: RecordEntry): SqlValue[] {
  return [
    id,
    entry.caseId,
    entry.seq,
    entry.type,
    stored.payload,
    entry.actorId,
    entry.actorRole,
    entry.at,
    entry.draftHash,
    entry.accepted ? 1 : 0,
    stored.refusal,
    prevHash,
    stored.hash,
  ];
}

/** The item with its number drawn from `drawn` (which it advances), or as it is when it draws none. */
function numbered(item: WriteItem, last: ReadonlyMap<string, number>, drawn: Map<string, number>): WriteItem {
  const n = item.numbering;
  if (!n) return item;
  const seq = (drawn.get(n.key) ?? last.get(n.key) ?? 0) + 1;
  drawn.set(n.key, seq);
  const done = n.complete(seq);
  return { ...item, entries: done.entries, rows: [...(item.rows ?? []), ...done.rows] };
}

/** Adds an item's row groups to the batch's merged rows, by shape in first-seen order. */
function addRows(merged: Map<RowShape, ShapeRows[]>, groups: readonly RowGroup[], first: number | undefined): void {
  for (const g of groups) {
    const shape = shapeOf(g);
    const parts = merged.get(shape);
    if (parts) parts.push({ rows: g.rows, first });
    else merged.set(shape, [{ rows: g.rows, first }]);
  }
}

/**
 * The statements of `items` committed after `head`; `sequences` holds the last committed number of every
 * sequence an item draws from (see `Numbering`).
 */
export function planBatch(head: ChainHead, items: readonly WriteItem[], sequences: ReadonlyMap<string, number> = new Map()): BatchPlan {
  let id = head.id;
  let hash = head.hash;
  const entryRows: SqlValue[][] = [];
  const merged = new Map<RowShape, ShapeRows[]>();
  const later: SqlStatement[] = [];
  const ids: number[][] = [];
  const drawn = new Map<string, number>();
  for (const planned of items) {
    const item = numbered(planned, sequences, drawn);
    const itemIds: number[] = [];
    for (const entry of item.entries) {
      const stored = storedEntry(++id, hash, entry);
      entryRows.push(entryRow(id, hash, stored, entry));
      itemIds.push(id);
      hash = stored.hash;
    }
    if (item.rows) addRows(merged, item.rows, itemIds[0]);
    if (item.statements) for (const s of item.statements(itemIds)) later.push(s);
    ids.push(itemIds);
  }
  // Record entries first: the unique (case_id, seq) index then fails a stale writer before anything else.
  const statements: SqlStatement[] = [];
  if (entryRows.length > 0) shapeStatements(recordShape, [{ rows: entryRows, first: undefined }], statements);
  for (const [shape, parts] of merged) shapeStatements(shape, parts, statements);
  for (const s of later) statements.push(s);
  return { statements, ids, next: { id, hash }, sequences: drawn };
}
