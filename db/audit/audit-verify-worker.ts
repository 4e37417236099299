// Worker thread of the parallel verifier: opens its own read-only connection and checks the id ranges
// it is sent, answering one PageResult per range. It never writes and holds no state between ranges.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'libsql';
import { storedTextPages } from './audit-verify-text-page.js';

interface Data {
  path: string;
  wanted: number[];
}
const { path, wanted } = workerData as Data;
const db = new Database(path, { readonly: true, fileMustExist: true });
const read = storedTextPages(db);
const wantedSet = new Set(wanted);

// `null` ends the worker: the connection is closed here, on its own thread, before the thread exits.
parentPort!.on('message', (task: { after: number; upTo: number } | null) => {
  if (task === null) {
    db.close();
    parentPort!.close();
    return;
  }
  parentPort!.postMessage({ after: task.after, result: read(task.after, task.upTo, task.upTo - task.after, null, wantedSet) });
});
