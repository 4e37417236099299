// The storage side of backup and restore: an online, consistent copy (SQLite's VACUUM INTO, one read
// transaction, so it holds exactly the commits before it began), a check that no process holds a database
// open, and durable file moves. Plain file copies of a live database are never made here: they miss the WAL.
import { createClient } from '@libsql/client';
import Database from 'libsql';
import { existsSync, fsyncSync, openSync, closeSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';

/** Writes a consistent copy of the database at libSQL `url` to `target` (which must not exist). */
export async function vacuumInto(url: string, target: string): Promise<void> {
  const client = createClient({ url });
  try {
    // A busy writer never blocks a WAL reader; the timeout only covers a checkpoint that holds the file briefly.
    await client.execute('PRAGMA busy_timeout = 10000');
    await client.execute({ sql: 'VACUUM INTO ?', args: [target] });
  } finally {
    client.close();
  }
}

/**
 * Whether another connection (a running server) holds the database file at `path` open. SQLite itself
 * answers: an exclusive lock is refused while any other connection has the file open in WAL mode. Locks
 * die with their process, so unlike a lock file this never goes stale. The probe's own close folds a
 * leftover WAL into the file, so the file is complete on its own afterwards.
 */
export function isHeldOpen(path: string): boolean {
  const db = new Database(path, { fileMustExist: true, timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return true;
    throw error;
  } finally {
    db.close();
  }
}

/** Flushes a file (or a folder's entries) to disk. */
export function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Renames `from` to `to` and makes the rename durable. Atomic: a reader sees the old file or the new one. */
export function renameDurably(from: string, to: string): void {
  renameSync(from, to);
  fsyncPath(dirname(to));
}

/** Moves a database file and its -wal / -shm companions to `aside` (same folder), keeping them openable together. */
export function moveDatabaseAside(path: string, aside: string): void {
  for (const suffix of ['-wal', '-shm', '']) {
    if (existsSync(`${path}${suffix}`)) renameSync(`${path}${suffix}`, `${aside}${suffix}`);
  }
  fsyncPath(dirname(path));
}
