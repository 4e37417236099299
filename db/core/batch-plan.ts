// Turns the items of one batch into the statements of one transaction: record entries get consecutive ids
// after `head` and hashes chained from it, row groups are merged into multi-row INSERTs, and each item's
// own statements follow. Pure: both writers (libSQL in memory, PostgreSQL under the chain-head lock) use it.
import { entryHash, type RecordEntry } from './record-hash.js';
import type { SqlStatement, SqlValue } from './sql.js';
import { eventIdMarker, rowGroupStatements, type RowGroup, type WriteItem } from './writer.js';

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

function entryRow(id: number, prevHash: string, hash: string, entry: RecordEntry): SqlValue[] {
  return [
    id,
    entry.caseId,
    entry.seq,
    entry.type,
    JSON.stringify(entry.payload),
    entry.actorId,
    entry.actorRole,
    entry.at,
    entry.draftHash,
    entry.accepted ? 1 : 0,
    entry.refusal == null ? null : JSON.stringify(entry.refusal),
    prevHash,
    hash,
  ];
}

/** Merges row groups that share table, columns and conflict clause, keeping first-seen order. */
function mergeGroups(groups: RowGroup[]): RowGroup[] {
  const merged = new Map<string, RowGroup>();
  for (const g of groups) {
    const key = `${g.table}|${g.columns.join(',')}|${g.onConflict ?? ''}`;
    const found = merged.get(key);
    if (found) found.rows.push(...g.rows);
    else merged.set(key, { ...g, rows: [...g.rows] });
  }
  return [...merged.values()];
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

/**
 * The statements of `items` committed after `head`; `sequences` holds the last committed number of every
 * sequence an item draws from (see `Numbering`).
 */
export function planBatch(head: ChainHead, items: readonly WriteItem[], sequences: ReadonlyMap<string, number> = new Map()): BatchPlan {
  let cursor = { ...head };
  const entryRows: unknown[][] = [];
  const groups: RowGroup[] = [];
  const later: SqlStatement[] = [];
  const ids: number[][] = [];
  const drawn = new Map<string, number>();
  for (const planned of items) {
    const item = numbered(planned, sequences, drawn);
    const itemIds: number[] = [];
    for (const entry of item.entries) {
      const id = cursor.id + 1;
      const hash = entryHash(id, cursor.hash, entry);
      entryRows.push(entryRow(id, cursor.hash, hash, entry));
      itemIds.push(id);
      cursor = { id, hash };
    }
    const first = itemIds[0];
    for (const g of item.rows ?? []) {
      groups.push(
        g.rows.some((r) => r.includes(eventIdMarker))
          ? { ...g, rows: g.rows.map((r) => r.map((v) => (v === eventIdMarker ? first : v))) }
          : g,
      );
    }
    later.push(...(item.statements?.(itemIds) ?? []));
    ids.push(itemIds);
  }
  const record: RowGroup = { table: 'case_events', columns: entryColumns, rows: entryRows };
  // Record entries first: the unique (case_id, seq) index then fails a stale writer before anything else.
  const statements = [record, ...mergeGroups(groups)].filter((g) => g.rows.length > 0).flatMap(rowGroupStatements);
  return { statements: [...statements, ...later], ids, next: cursor, sequences: drawn };
}
