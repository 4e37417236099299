// Transpiles the server's TypeScript (machines/, server/, db/) to plain JavaScript in dist/, one file for one
// file, and copies beside it every other file the server reads at run time (JSON, SQL migrations, styles).
// Why: run through tsx, the server also holds tsx's loader thread and every module's inline source map (about
// 60 MB of RSS when idle, docs/benchmark-notes.md). `npm start` runs this output; tests, the CLI and the
// benchmarks' tools keep running the sources through tsx. Plain JavaScript, so it runs before anything is built.
import { cpSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDirs = ['machines', 'server', 'db'];
const isSource = (path) => /\.tsx?$/.test(path);

/** Every TypeScript module under `dir` (tests live under test/, none here). */
function sourcesIn(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourcesIn(path));
    else if (isSource(name)) out.push(path);
  }
  return out;
}

/**
 * Builds `outDir` (default dist/) afresh; answers how many modules it wrote. Another folder must be inside the
 * repository too, so the built modules find node_modules/.
 */
export async function buildServer(outDir = join(root, 'dist')) {
  rmSync(outDir, { recursive: true, force: true });
  const entryPoints = [];
  for (const dir of sourceDirs) {
    const from = join(root, dir);
    entryPoints.push(...sourcesIn(from));
    cpSync(from, join(outDir, dir), { recursive: true, filter: (path) => statSync(path).isDirectory() || !isSource(path) });
  }
  // Imports already name the `.js` files (NodeNext resolution), so each module transpiles on its own.
  await build({
    entryPoints,
    outdir: outDir,
    outbase: root,
    bundle: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    jsx: 'automatic',
    jsxImportSource: 'hono/jsx',
    logLevel: 'warning',
  });
  return entryPoints.length;
}

// `node scripts/build-server.mjs [--out DIR]`
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--out');
  const outDir = resolve(at > 0 ? process.argv[at + 1] : join(root, 'dist'));
  const started = Date.now();
  const modules = await buildServer(outDir);
  console.log(`built ${modules} modules into ${relative(process.cwd(), outDir) || '.'}/ in ${Date.now() - started} ms`);
}
