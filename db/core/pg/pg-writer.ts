// The PostgreSQL writer: group commit like the libSQL writer, but several processes may write one database,
// so the chain head lives in the database. Each batch transaction locks the one `record_head` row (FOR
// UPDATE), assigns record ids and hashes after the head it reads there, and moves the head before COMMIT.
// Invariant: the record stays one linear hash chain whatever the number of processes; batches of different
// processes commit one after another, in the order they take the lock.
import type pg from 'pg';
import { planBatch, type ChainHead } from '../batch-plan.js';
import { createGroupCommit } from '../group-commit.js';
import { numberingsOf, type WriteItem, type Writer } from '../writer.js';
import { runOn } from './pg-client.js';

/** Locks the head row and reads it (the latest committed head, also after waiting for another writer). */
const lockHead = 'BEGIN; SELECT entry_id, hash FROM record_head WHERE id = 1 FOR UPDATE';
const hexHash = /^[0-9a-f]{64}$/;

/** The statement moving the head and committing, sent as one round trip (both values checked, not bound). */
function moveHeadAndCommit(from: ChainHead, to: ChainHead): string {
  if (to.id === from.id) return 'COMMIT';
  if (!Number.isSafeInteger(to.id) || !hexHash.test(to.hash)) throw new Error(`invalid chain head ${to.id} ${to.hash}`);
  return `UPDATE record_head SET entry_id = ${to.id}, hash = '${to.hash}' WHERE id = 1; COMMIT`;
}

/** One batch in one transaction on `c`; answers each item's record ids. */
async function commitOn(c: pg.Client, items: WriteItem[]): Promise<number[][]> {
  const results = (await c.query(lockHead)) as unknown as pg.QueryResult[];
  const row = results[1]?.rows[0] as { entry_id: number | string; hash: string } | undefined;
  if (!row) throw new Error('record_head is missing: the PostgreSQL migrations did not run');
  const head = { id: Number(row.entry_id), hash: row.hash };
  // Other processes draw from the same sequences: their last numbers are read under the head lock each time.
  const sequences = new Map<string, number>();
  for (const n of numberingsOf(items)) {
    if (!sequences.has(n.key)) sequences.set(n.key, Number((await runOn(c, n.last)).rows[0]?.seq ?? 0));
  }
  const plan = planBatch(head, items, sequences);
  for (const s of plan.statements) await runOn(c, s);
  await c.query(moveHeadAndCommit(head, plan.next));
  return plan.ids;
}

/**
 * Starts a writer on a connection of its own (`connect` opens one; it is opened again after a failure).
 * A batch whose COMMIT did not answer is reported failed: its commands were not acknowledged.
 */
export function createPgWriter(connect: () => Promise<pg.Client>): Writer {
  let connection: pg.Client | null = null;
  const discard = () => {
    const c = connection;
    connection = null;
    c?.end().catch(() => {});
  };
  return createGroupCommit(
    async (items) => {
      connection ??= await connect();
      const c = connection;
      try {
        return await commitOn(c, items);
      } catch (error) {
        await c.query('ROLLBACK').catch(discard);
        throw error;
      }
    },
    async () => {
      await connection?.end().catch(() => {});
      connection = null;
    },
  );
}
