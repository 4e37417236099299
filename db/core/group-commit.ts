// Group commit, shared by both writers: every item waiting at one moment goes into one transaction, so a
// durable commit (one fsync) is paid per batch, not per event. Invariant: one batch at a time per process;
// a failed batch is retried item by item (not after a lost connection, when it may have committed), so only
// the culprit fails, with a WriteConflictError when it broke a unique constraint (another command appended
// to its stream first).
import { classifyWriteError, isConnectionLost } from './sql.js';
import type { WriteItem, Writer } from './writer.js';

interface Pending {
  item: WriteItem;
  resolve: (eventIds: number[]) => void;
  reject: (error: unknown) => void;
}

/**
 * A writer around `commitBatch`, which commits the items in one transaction and answers each item's record
 * ids (or throws, having committed nothing). `close` runs after the queue drained.
 */
export function createGroupCommit(
  commitBatch: (items: WriteItem[]) => Promise<number[][]>,
  close: () => Promise<void> = async () => {},
): Writer {
  let queue: Pending[] = [];
  let running: Promise<void> | null = null;

  async function commit(items: Pending[]): Promise<void> {
    try {
      const ids = await commitBatch(items.map((p) => p.item));
      for (const [i, p] of items.entries()) p.resolve(ids[i] ?? []);
    } catch (error) {
      // One bad item must not sink its neighbours: retry them one by one so only the culprit fails. Not after
      // a lost connection: the batch may have committed, and writing it again would answer its commands twice.
      if (items.length === 1 || isConnectionLost(error)) {
        for (const p of items) p.reject(classifyWriteError(error));
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
      await close();
    },
  };
}
