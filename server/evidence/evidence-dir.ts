// Where the evidence file store lives: EVIDENCE_DIR, else `evidence/` in the database's folder, so a fresh
// clone needs no set-up and a test's temporary database gets a store of its own.
import { dirname, join, resolve } from 'node:path';
import { localFilePath } from '../../db/core/client.js';

/** The store's folder for the database at `databaseUrl`. */
export function evidenceDirOf(evidenceDir: string | undefined, databaseUrl: string): string {
  if (evidenceDir) return resolve(evidenceDir);
  const path = localFilePath(databaseUrl);
  return path ? join(dirname(path), 'evidence') : resolve('data', 'evidence');
}
