// The writer: every write to the record goes through one, and all writes waiting at one moment commit in
// one transaction (group commit). This file holds the shapes every store builds (write items, row groups)
// and the libSQL writer, which alone assigns record ids and chains hashes in memory, so it must be the only
// writer of its file. PostgreSQL has its own writer behind the same interface (db/core/pg/pg-writer.ts).
import type { Client, InStatement } from '@libsql/client';
import { genesisHash, type RecordEntry } from './record-hash.js';
import { startCommitThread } from './commit-thread.js';
import { planBatch } from './batch-plan.js';
import { createGroupCommit } from './group-commit.js';
import type { SqlStatement } from './sql.js';
import { shapeOf, shapeStatements } from './row-shapes.js';

/**
 * Rows for one table. Groups with the same table, columns and conflict clause from all items of a batch
 * become one multi-row INSERT: statement preparation, not the engine, dominates small transactions.
 */
export interface RowGroup {
  table: string;
  columns: readonly string[];
  rows: unknown[][];
  /** e.g. `ON CONFLICT(id) DO UPDATE SET ...`; appended to the INSERT. */
  onConflict?: string;
}

export { eventIdMarker } from './row-shapes.js';

/** What an effect may add to a write: a plain statement, or rows the writer merges across the batch. */
export type WriteEffect = SqlStatement | RowGroup;

/** Splits effects into row groups and statements. */
export function splitEffects(effects: readonly WriteEffect[]): { rows: RowGroup[]; statements: SqlStatement[] } {
  const rows: RowGroup[] = [];
  const statements: SqlStatement[] = [];
  for (const e of effects) 'table' in e ? rows.push(e) : statements.push(e);
  return { rows, statements };
}

/**
 * A number drawn from a gap-free sequence when the item is planned into its batch (e.g. a document's 文号,
 * the next of its kind in its year). Drawing at commit time, in commit order, lets issuing events share a
 * batch: a number read before the write would have to hold a lock across the commit (one fsync per number).
 */
export interface Numbering {
  /** Names the sequence (e.g. `case_documents:opinion:2026`). */
  key: string;
  /** Reads the highest committed number of the sequence as column `seq` (0 or no row when none). */
  last: SqlStatement;
  /** The item's record entries and extra rows once its number is drawn; called again if the batch is retried. */
  complete(seq: number): { entries: RecordEntry[]; rows: RowGroup[] };
}

/** One unit of work: record entries to append, rows to insert, and statements that may refer to entry ids. */
export interface WriteItem {
  entries: RecordEntry[];
  rows?: RowGroup[];
  statements?: (eventIds: number[]) => SqlStatement[];
  /** Completes the item with the next number of a sequence; its `entries` then replace the item's own. */
  numbering?: Numbering;
}

export interface Writer {
  /**
   * Resolves with the record ids once the item is durably committed; rejects if it was not, with a
   * `WriteConflictError` (db/core/sql.ts) when a unique constraint refused it.
   */
  write(item: WriteItem): Promise<number[]>;
  /** Resolves when everything submitted so far has been committed or refused. */
  drain(): Promise<void>;
  /** Drains, then stops the commit thread. */
  close(): Promise<void>;
}

/** The numberings the items of a batch draw from. */
export const numberingsOf = (items: readonly WriteItem[]): Numbering[] => items.flatMap((i) => (i.numbering ? [i.numbering] : []));

/** The multi-row INSERT statements for one row group (chunked). */
export function rowGroupStatements(group: RowGroup): SqlStatement[] {
  const out: SqlStatement[] = [];
  shapeStatements(shapeOf(group), [{ rows: group.rows, first: undefined }], out);
  return out;
}

/**
 * Starts the libSQL writer for `client`, resuming the chain from the last stored entry. With the `path` of a
 * local file, batches commit on a thread of their own (db/commit-thread.ts): libSQL's local calls are
 * synchronous, so committing on the main thread would stall every request for the length of an fsync.
 */
export async function createWriter(client: Client, options: { path?: string | null } = {}): Promise<Writer> {
  const thread = options.path ? startCommitThread(options.path) : null;
  const run = (statements: SqlStatement[]) =>
    thread ? thread.batch(statements) : client.batch(statements as InStatement[], 'write').then(() => undefined);
  const last = await client.execute('SELECT id, hash FROM case_events ORDER BY id DESC LIMIT 1');
  let head = { id: Number(last.rows[0]?.id ?? 0), hash: String(last.rows[0]?.hash ?? genesisHash) };
  // This writer alone writes its file, so a sequence's last number is read once and then kept here; it moves
  // only when a batch committed (a failed batch rolled its numbers back with it).
  const sequences = new Map<string, number>();
  const readSequence = async (n: Numbering) => {
    const rs = await client.execute(n.last as InStatement);
    return Number(rs.rows[0]?.seq ?? 0);
  };
  return createGroupCommit(
    async (items) => {
      for (const n of numberingsOf(items)) if (!sequences.has(n.key)) sequences.set(n.key, await readSequence(n));
      const plan = planBatch(head, items, sequences);
      await run(plan.statements);
      head = plan.next;
      for (const [key, seq] of plan.sequences) sequences.set(key, seq);
      return plan.ids;
    },
    async () => {
      await thread?.close();
    },
  );
}
