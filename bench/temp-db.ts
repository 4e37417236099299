// Temporary database files for the benchmark, on the same disk as the system temp folder, and their
// on-disk size. Every phase uses a fresh folder; folders still present at exit (or on Ctrl-C) are removed.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const live = new Set<string>();
let hooked = false;

function removeAllOnExit(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', () => {
    for (const dir of live) rmSync(dir, { recursive: true, force: true });
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
}

/** A fresh folder under the system temp folder with a database path inside it. */
export function tempDbPath(label: string): { dir: string; path: string; url: string } {
  removeAllOnExit();
  const dir = mkdtempSync(join(tmpdir(), `legal-review-bench-${label}-`));
  live.add(dir);
  const path = join(dir, `${label}.db`);
  return { dir, path, url: `file:${path}` };
}

/** Bytes of the database file plus its WAL and shared-memory files, if present. */
export function dbFileBytes(path: string): number {
  let total = 0;
  for (const suffix of ['', '-wal', '-shm']) {
    try {
      total += statSync(path + suffix).size;
    } catch {
      /* absent */
    }
  }
  return total;
}

/** Removes a temporary folder made by `tempDbPath`. */
export function removeTemp(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  live.delete(dir);
}
