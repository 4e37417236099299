// The writer's commit thread: runs each batch in one transaction on a connection of its own, so SQLite's
// work and the fsync of synchronous=FULL happen beside the main thread instead of blocking it.
// Invariant: one batch at a time, each all-or-nothing; the main thread's writer decides what goes in.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'libsql';

interface BatchMessage {
  id: number;
  statements: { sql: string; args: unknown[] }[];
}

const db = new Database((workerData as { path: string }).path);
for (const pragma of ['journal_mode = WAL', 'synchronous = FULL', 'foreign_keys = ON', 'busy_timeout = 5000']) db.exec(`PRAGMA ${pragma}`);
// Prepared once per distinct SQL text: the merged multi-row INSERTs repeat a handful of shapes.
const prepared = new Map<string, ReturnType<typeof db.prepare>>();
function statement(sql: string) {
  if (prepared.size > 2000) prepared.clear();
  return prepared.get(sql) ?? prepared.set(sql, db.prepare(sql)).get(sql)!;
}

parentPort!.on('message', (message: BatchMessage | 'close') => {
  if (message === 'close') {
    db.close();
    parentPort!.close();
    return;
  }
  try {
    db.exec('BEGIN IMMEDIATE');
    for (const s of message.statements) statement(s.sql).run(s.args);
    db.exec('COMMIT');
    parentPort!.postMessage({ id: message.id, ok: true });
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    const e = error as { message?: string; code?: string };
    parentPort!.postMessage({ id: message.id, ok: false, message: e.message ?? String(error), code: e.code });
  }
});
