// The single writer: every write to the record goes through here, and all writes waiting at one moment
// commit in one transaction (group commit), so synchronous=FULL costs one fsync per batch, not per event.
// It alone assigns record ids and chains hashes, which is why it must be the only writer in the process.
import type { Client, InStatement, InValue } from '@libsql/client';
import { entryHash, genesisHash, type RecordEntry } from './record-hash.js';
import { startCommitThread } from './commit-thread.js';

/**
 * Rows for one table. Groups with the same table, columns and conflict clause from all items of a batch
 * become one multi-row INSERT: statement preparation, not SQLite, dominates small transactions.
 */
export interface RowGroup {
  table: string;
  columns: readonly string[];
  rows: unknown[][];
  /** e.g. `ON CONFLICT(id) DO UPDATE SET ...`; appended to the INSERT. */
  onConflict?: string;
}

/** Stands in a `RowGroup` row for the record id of its item's first entry, which only the writer knows. */
export const eventIdMarker: unique symbol = Symbol('eventId');

/** What an effect may add to a write: a plain statement, or rows the writer merges across the batch. */
export type WriteEffect = InStatement | RowGroup;

/** Splits effects into row groups and statements. */
export function splitEffects(effects: readonly WriteEffect[]): { rows: RowGroup[]; statements: InStatement[] } {
  const rows: RowGroup[] = [];
  const statements: InStatement[] = [];
  for (const e of effects) typeof e === 'object' && 'table' in e ? rows.push(e) : statements.push(e);
  return { rows, statements };
}

/** One unit of work: record entries to append, rows to insert, and statements that may refer to entry ids. */
export interface WriteItem {
  entries: RecordEntry[];
  rows?: RowGroup[];
  statements?: (eventIds: number[]) => InStatement[];
}

interface Pending {
  item: WriteItem;
  resolve: (eventIds: number[]) => void;
  reject: (error: unknown) => void;
}

export interface Writer {
  /** Resolves with the record ids once the item is durably committed; rejects if it was not. */
  write(item: WriteItem): Promise<number[]>;
  /** Resolves when everything submitted so far has been committed or refused. */
  drain(): Promise<void>;
  /** Drains, then stops the commit thread. */
  close(): Promise<void>;
}

const entryColumns = [
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
/** Rows per multi-row INSERT; keeps bound parameters far below SQLite's limit of 32,766. */
const rowsPerStatement = 500;

/** The multi-row INSERT statements for one row group (chunked). */
export function rowGroupStatements(group: RowGroup): InStatement[] {
  const out: InStatement[] = [];
  const placeholders = `(${group.columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < group.rows.length; i += rowsPerStatement) {
    const chunk = group.rows.slice(i, i + rowsPerStatement);
    out.push({
      sql: `INSERT INTO ${group.table} (${group.columns.join(', ')}) VALUES ${chunk.map(() => placeholders).join(', ')} ${group.onConflict ?? ''}`,
      args: chunk.flat() as InValue[],
    });
  }
  return out;
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

/**
 * Starts the writer for `client`, resuming the chain from the last stored entry. With the `path` of a
 * local file, batches commit on a thread of their own (db/commit-thread.ts): libSQL's local calls are
 * synchronous, so committing on the main thread would stall every request for the length of an fsync.
 */
export async function createWriter(client: Client, options: { path?: string | null } = {}): Promise<Writer> {
  const thread = options.path ? startCommitThread(options.path) : null;
  const run = (statements: InStatement[]) => (thread ? thread.batch(statements) : client.batch(statements, 'write').then(() => undefined));
  const last = await client.execute('SELECT id, hash FROM case_events ORDER BY id DESC LIMIT 1');
  let head = { id: Number(last.rows[0]?.id ?? 0), hash: String(last.rows[0]?.hash ?? genesisHash) };
  let queue: Pending[] = [];
  let running: Promise<void> | null = null;

  function build(items: Pending[]): { statements: InStatement[]; ids: number[][]; next: typeof head } {
    let cursor = { ...head };
    const entryRows: unknown[][] = [];
    const groups: RowGroup[] = [];
    const later: InStatement[] = [];
    const ids: number[][] = [];
    for (const { item } of items) {
      const itemIds: number[] = [];
      for (const entry of item.entries) {
        const id = cursor.id + 1;
        const hash = entryHash(id, cursor.hash, entry);
        entryRows.push([
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
          cursor.hash,
          hash,
        ]);
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
    return { statements: [...statements, ...later], ids, next: cursor };
  }

  async function commit(items: Pending[]): Promise<void> {
    const plan = build(items);
    try {
      await run(plan.statements);
      head = plan.next;
      for (const [i, p] of items.entries()) p.resolve(plan.ids[i] ?? []);
    } catch (error) {
      // One bad item must not sink its neighbours: retry them one by one so only the culprit fails.
      if (items.length === 1) {
        items[0]!.reject(error);
        return;
      }
      for (const p of items) await commit([p]);
    }
  }

  async function loop(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      await commit(batch);
    }
    running = null;
  }

  return {
    write(item) {
      return new Promise<number[]>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        // Start the commit one event-loop turn later: requests whose I/O is already waiting get to add
        // their items first. Starting at once would commit each HTTP request alone, because the batch
        // runs synchronously (fsync included) before the next request's callback is even read.
        running ??= new Promise<void>((next) => setImmediate(next)).then(loop);
      });
    },
    async drain() {
      while (running) await running;
    },
    async close() {
      while (running) await running;
      await thread?.close();
    },
  };
}
