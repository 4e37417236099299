// Worker body: builds chunks of cloned rows (hashing the chain) on the second core while the main
// thread commits the previous chunk, since @libsql/client runs each batch synchronously on its thread.
import { parentPort, workerData } from 'node:worker_threads';
import { cloneStatements } from './generate.js';
import type { CaseTemplate } from './template.js';

const { template } = workerData as { template: CaseTemplate; head: { id: number; hash: string } };
let head = (workerData as { head: { id: number; hash: string } }).head;

parentPort!.on('message', (count: number) => {
  try {
    const built = cloneStatements(template, count, head, true);
    head = built.head;
    parentPort!.postMessage({ statements: built.statements });
  } catch (error) {
    parentPort!.postMessage({ error: (error as Error).message });
  }
});
