// Runs the record verification for the server: through a read-only native connection to the database
// file when it is local (several times faster) and in worker threads, so the event loop stays free.
import { localFilePath, type Database } from '../../db/core/client.js';
import { verifyRecord, type VerifyOptions, type VerifyReport } from '../../db/audit/audit-verify.js';
import { nativeRecordSource } from '../../db/audit/audit-record-source.js';

/** Verifies the whole record of `database`; `workers` threads when the file is local (0: inline). */
export async function verifyDatabase(
  database: Database,
  options: Omit<VerifyOptions, 'source' | 'parallel'> & { workers?: number } = {},
): Promise<VerifyReport> {
  const { workers = 0, ...rest } = options;
  const path = localFilePath(database.url);
  const source = path ? nativeRecordSource(path) : undefined;
  try {
    return await verifyRecord(database.client, { ...rest, source, parallel: path && workers > 0 ? { path, workers } : undefined });
  } finally {
    source?.close();
  }
}
