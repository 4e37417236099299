// Starts a worker thread on one of our modules. Run from the sources, the entry is TypeScript and runs through
// tsx's ESM API registered inside the worker: Node 20 workers neither inherit the parent's loader hooks nor accept
// a .ts entry with `--import`. Run from the build (`npm start`, scripts/build-server.mjs), it is plain JavaScript.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

const tsxApi = new URL('dist/esm/api/index.mjs', pathToFileURL(createRequire(import.meta.url).resolve('tsx/package.json'))).href;

/** The module `name` beside the module at `base` (an `import.meta.url`): built when `base` is, else its source. */
export const siblingModule = (name: string, base: string): URL => new URL(`./${name}${base.endsWith('.js') ? '.js' : '.ts'}`, base);

/** A worker running the module at `entry` (a file URL from `siblingModule`) with `workerData`. */
export function startTsWorker(entry: URL, workerData: unknown): Worker {
  if (entry.pathname.endsWith('.js')) return new Worker(entry, { workerData });
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData });
}
