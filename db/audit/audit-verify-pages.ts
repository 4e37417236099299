// Feeds the verifier pages of checked rows in id order: inline over a RecordSource, or split into id
// ranges across worker threads (each with its own read-only connection) and handed back in order.
import type { Worker } from 'node:worker_threads';
import { siblingModule, startTsWorker } from '../core/ts-worker.js';
import { checkPage, type PageResult } from './audit-verify-page.js';
import type { RecordSource } from './audit-record-source.js';

/** Receives each page's result in id order; `startKnown` false means the page's first link is unchecked. */
export type PageSink = (result: PageResult, startKnown: boolean) => Promise<void> | void;

/** Pages read one after another; each page is checked against the real last entry before it. */
export async function inlinePages(
  source: RecordSource,
  top: number,
  pageSize: number,
  wanted: ReadonlySet<number>,
  sink: PageSink,
  start: { id: number; hash: string },
): Promise<void> {
  let last = start;
  for (;;) {
    const result = source.checkedPage
      ? source.checkedPage(last.id, top, pageSize, last, wanted)
      : checkPage(await source.page(last.id, top, pageSize), last, wanted);
    await sink(result, true);
    if (result.last) last = result.last;
    if (result.count < pageSize) return;
  }
}

const workerUrl = siblingModule('audit-verify-worker', import.meta.url);

/** Asks a worker to close its connection and waits for its thread to end (terminates it if it does not). */
function stop(worker: Worker): Promise<void> {
  // threadId is -1 once the thread has exited (after an error, for instance): nothing left to wait for.
  if (worker.threadId === -1) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => void worker.terminate().then(() => resolve()), 5000);
    worker.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    worker.postMessage(null);
  });
}

/** Hands results to `sink` in range order, whatever order they arrive in; resolves `done` after the last. */
function inOrder(ranges: number[], sink: PageSink, done: () => void, fail: (error: unknown) => void) {
  const arrived = new Map<number, PageResult>();
  let next = 0;
  let chain = Promise.resolve();
  const drain = async () => {
    while (arrived.has(ranges[next]!)) {
      const after = ranges[next++]!;
      const result = arrived.get(after)!;
      arrived.delete(after);
      await sink(result, false);
    }
    if (next >= ranges.length) done();
  };
  return (after: number, result: PageResult) => {
    arrived.set(after, result);
    chain = chain.then(drain).catch(fail);
  };
}

/** Id ranges of `pageSize` across `count` workers reading the file at `path`; results delivered in id order. */
export async function workerPages(
  path: string,
  top: number,
  pageSize: number,
  count: number,
  wanted: ReadonlySet<number>,
  sink: PageSink,
): Promise<void> {
  const ranges: number[] = [];
  for (let after = 0; after < top; after += pageSize) ranges.push(after);
  if (ranges.length === 0) return;
  const workers = Array.from({ length: count }, () => startTsWorker(workerUrl, { path, wanted: [...wanted] }));
  let sent = 0;
  const send = (worker: Worker) => {
    if (sent >= ranges.length) return;
    const after = ranges[sent++]!;
    worker.postMessage({ after, upTo: Math.min(after + pageSize, top) });
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const arrive = inOrder(ranges, sink, resolve, reject);
      for (const worker of workers) {
        worker.on('message', (m: { after: number; result: PageResult }) => {
          send(worker);
          arrive(m.after, m.result);
        });
        worker.on('error', reject);
        // Two ranges in flight per worker keep it busy while the parent stitches.
        send(worker);
        send(worker);
      }
    });
  } finally {
    await Promise.all(workers.map(stop));
  }
}
