// Appends reads to the read log without making the reader wait: `note` queues the entry and returns; the
// queue is chained and handed to the single writer in batches on the next turn of the event loop.
// Invariant: entries are chained in the order noted, and the head only moves once a batch has committed.
// On a crash, reads noted but not yet committed (the last batch, typically under a few milliseconds) are lost.
// Several processes (PostgreSQL) share one chain: a batch refused because another appended first is re-chained.
import type { ReadEntry, ReadLogStore } from '../../db/audit/read-log-store.js';
import type { Writer } from '../../db/core/writer.js';
import { WriteConflictError } from '../../db/core/sql.js';

/** Most entries committed in one batch. */
const batchSize = 1000;
/** Tries of one batch when other processes keep appending first (each conflict means one of them progressed). */
const maxAttempts = 20;

export interface ReadLog {
  /** Queues one read; never waits for the disk. */
  note(entry: Omit<ReadEntry, 'at'>): void;
  /** Resolves once every read noted so far is committed (the auditor's query and shutdown wait for it). */
  flush(): Promise<void>;
}

/** Starts the read log over its store and the single writer, resuming its chain from the stored head. */
export async function createReadLog(deps: { store: ReadLogStore; writer: Writer; now: () => Date }): Promise<ReadLog> {
  let head = await deps.store.head();
  let queue: ReadEntry[] = [];
  let running: Promise<void> | null = null;
  // Reads noted, and reads whose batch has been written (or reported lost): flush waits for its own only.
  let noted = 0;
  let settled = 0;
  let waiters: { target: number; resolve: () => void }[] = [];

  /** Chains `batch` after the head and writes it; on a write conflict, re-chains after the stored head. */
  async function writeChained(batch: ReadEntry[]): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      const { item, head: next } = deps.store.chain(head, batch);
      try {
        await deps.writer.write(item);
        head = next;
        return;
      } catch (error) {
        // Another server process of this database (PostgreSQL) appended reads after our head: the unique
        // id refused ours, so the chain stays linear; read the stored head and chain again after it.
        if (!(error instanceof WriteConflictError) || attempt >= maxAttempts) throw error;
        head = await deps.store.head();
      }
    }
  }

  async function commit(batch: ReadEntry[]): Promise<void> {
    try {
      await writeChained(batch);
    } catch (error) {
      // The head did not move, so the chain stays whole; these reads are reported lost rather than retried forever.
      console.error(`read log: ${batch.length} reads could not be committed`, error);
    } finally {
      settled += batch.length;
      const done = waiters.filter((w) => w.target <= settled);
      waiters = waiters.filter((w) => w.target > settled);
      for (const w of done) w.resolve();
    }
  }

  async function loop(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.slice(0, batchSize);
      queue = queue.slice(batch.length);
      await commit(batch);
    }
    running = null;
  }

  return {
    note(entry) {
      queue.push({ ...entry, at: deps.now().toISOString() });
      noted += 1;
      if (running === null) running = new Promise<void>((next) => setImmediate(next)).then(loop);
    },
    flush() {
      // Only the reads noted before this call: steady traffic after it cannot keep the caller waiting.
      const target = noted;
      if (settled >= target) return Promise.resolve();
      return new Promise<void>((resolve) => waiters.push({ target, resolve }));
    },
  };
}
