// The main thread's side of the commit thread (db/commit-worker.ts): sends one batch at a time and
// resolves when it is durably committed. The thread holds the process open only while a batch is out.
import type { SqlStatement } from './sql.js';
import { startTsWorker } from './ts-worker.js';

export interface CommitThread {
  /** Runs `statements` in one transaction on the thread; rejects (with SQLite's message) if it rolled back. */
  batch(statements: SqlStatement[]): Promise<void>;
  close(): Promise<void>;
}

/** Starts the commit thread on the database file at `path`. */
export function startCommitThread(path: string): CommitThread {
  const worker = startTsWorker(new URL('./commit-worker.ts', import.meta.url), { path });
  worker.unref();
  const waiting = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  let next = 0;
  worker.on('message', (m: { id: number; ok: boolean; message?: string; code?: string }) => {
    const w = waiting.get(m.id);
    waiting.delete(m.id);
    if (waiting.size === 0) worker.unref();
    if (!w) return;
    if (m.ok) w.resolve();
    else w.reject(Object.assign(new Error(m.message), { code: m.code }));
  });
  // A dead thread must fail every batch, waiting or future, rather than leave requests hanging.
  let dead: Error | null = null;
  const fail = (error: Error) => {
    dead ??= error;
    for (const w of waiting.values()) w.reject(dead);
    waiting.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the commit thread exited (code ${code})`)));
  return {
    batch(statements) {
      if (dead) return Promise.reject(dead);
      const id = ++next;
      worker.ref();
      const plain = statements.map((s) => (typeof s === 'string' ? { sql: s, args: [] } : { sql: s.sql, args: s.args ?? [] }));
      return new Promise<void>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, statements: plain });
      });
    },
    close() {
      return new Promise<void>((resolve) => {
        worker.once('exit', () => resolve());
        worker.ref();
        worker.postMessage('close');
      });
    },
  };
}
