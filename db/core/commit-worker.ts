// The writer's commit thread: runs each batch in one transaction on a connection of its own, so SQLite's
// work and the fsync of synchronous=FULL happen beside the main thread instead of blocking it.
// Invariant: one batch at a time, each all-or-nothing; the main thread's writer decides what goes in.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'libsql';

/** One batch: statement `i` runs the SQL named `sql[i]` with `args[i]`. */
export interface BatchMessage {
  id: number;
  /** The main thread forgot every name: forget them too before reading `define`. */
  reset: boolean;
  /** New names, flat: number, SQL text, number, SQL text… (kept even if the batch then fails). */
  define: (number | string)[];
  sql: number[];
  args: unknown[][];
}

const port = parentPort!;
const db = new Database((workerData as { path: string }).path);
for (const pragma of ['journal_mode = WAL', 'synchronous = FULL', 'foreign_keys = ON', 'busy_timeout = 5000']) db.exec(`PRAGMA ${pragma}`);
// The SQL text of each name, prepared on first use: the merged multi-row INSERTs repeat a handful of shapes.
const texts = new Map<number, string>();
const prepared = new Map<number, ReturnType<typeof db.prepare>>();
const statement = (name: number) => prepared.get(name) ?? prepared.set(name, db.prepare(texts.get(name)!)).get(name)!;

port.on('message', (message: BatchMessage | 'close') => {
  if (message === 'close') {
    db.close();
    port.close();
    return;
  }
  if (message.reset) {
    texts.clear();
    prepared.clear();
  }
  for (let i = 0; i < message.define.length; i += 2) texts.set(message.define[i] as number, message.define[i + 1] as string);
  try {
    db.exec('BEGIN IMMEDIATE');
    for (let i = 0; i < message.sql.length; i++) statement(message.sql[i]!).run(message.args[i]!);
    db.exec('COMMIT');
    port.postMessage({ id: message.id, ok: true });
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    const e = error as { message?: string; code?: string };
    port.postMessage({ id: message.id, ok: false, message: e.message ?? String(error), code: e.code });
  }
});
