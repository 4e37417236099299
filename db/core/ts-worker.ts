// Starts a worker thread whose entry is a TypeScript module, through tsx's ESM API registered inside
// the worker: Node 20 workers neither inherit the parent's loader hooks nor accept a .ts entry with `--import`.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

const tsxApi = new URL('dist/esm/api/index.mjs', pathToFileURL(createRequire(import.meta.url).resolve('tsx/package.json'))).href;

/** A worker running the TypeScript module at `entry` (a file URL) with `workerData`. */
export function startTsWorker(entry: URL, workerData: unknown): Worker {
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData });
}
