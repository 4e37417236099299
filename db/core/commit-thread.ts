// The main thread's side of the commit thread (db/commit-worker.ts): sends one batch at a time and
// resolves when it is durably committed. The thread holds the process open only while a batch is out.
// A statement's SQL text crosses to the thread once and is named by a number after that, so a batch's
// message carries little more than its values (cloning it is main-thread time on every commit).
import type { SqlStatement } from './sql.js';
import type { BatchMessage } from './commit-worker.js';
import { siblingModule, startTsWorker } from './ts-worker.js';

export interface CommitThread {
  /** Runs `statements` in one transaction on the thread; rejects (with SQLite's message) if it rolled back. */
  batch(statements: SqlStatement[]): Promise<void>;
  close(): Promise<void>;
}

/** Distinct SQL texts named before both sides forget them all and start again (bounds both maps). */
const maxNamedSql = 2000;

/** Names SQL texts by number: builds a batch's message, defining the texts the thread has not seen yet. */
function sqlNames() {
  const names = new Map<string, number>();
  let next = 0;
  return (id: number, statements: readonly SqlStatement[]): BatchMessage => {
    const reset = names.size > maxNamedSql;
    if (reset) names.clear();
    const define: (number | string)[] = [];
    // Filled by push: a preallocated (holey) array is cloned property by property, a packed one densely.
    const sql: number[] = [];
    const args: unknown[][] = [];
    for (const statement of statements) {
      // Plain SQL text is accepted too, as the client's batch accepts it.
      const s = statement as SqlStatement | string;
      const text = typeof s === 'string' ? s : s.sql;
      let name = names.get(text);
      if (name === undefined) {
        name = next++;
        names.set(text, name);
        define.push(name, text);
      }
      sql.push(name);
      args.push(typeof s === 'string' ? [] : (s.args ?? []));
    }
    return { id, reset, define, sql, args };
  };
}

/** Starts the commit thread on the database file at `path`. */
export function startCommitThread(path: string): CommitThread {
  const worker = startTsWorker(siblingModule('commit-worker', import.meta.url), { path });
  worker.unref();
  const waiting = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  const message = sqlNames();
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
      return new Promise<void>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage(message(id, statements));
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
