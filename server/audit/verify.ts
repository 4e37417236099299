// Runs the whole verification for the server and the tools: the record's hash chain, checkpoints (database,
// exported files, the witness), stream heads, and the projections rebuilt from the record. Local files are
// read through read-only native connections (several times faster) and, for large records, worker threads.
import type { SqlClient } from '../../db/core/sql.js';
import { openLibsqlClient } from '../../db/core/libsql-database.js';
import { localFilePath, type Database } from '../../db/core/client.js';
import { verifyRecord, type VerifyOptions, type VerifyReport } from '../../db/audit/audit-verify.js';
import { nativeRecordSource } from '../../db/audit/audit-record-source.js';
import { clientProjectionSource, nativeProjectionSource } from '../../db/audit/audit-projection-source.js';
import { verifyProjections, type ProjectionReport } from './verify-projections.js';

export interface DatabaseVerifyOptions extends Omit<VerifyOptions, 'source' | 'parallel'> {
  /** Worker threads for the chain walk when the file is local (0: inline). */
  workers?: number;
  /** Rebuild cases, drafts, reviews and decisions from the record and compare (default true). */
  projections?: boolean;
}

/** The record's report plus the projection check; `ok` covers both. */
export interface FullVerifyReport extends VerifyReport {
  /** Null when skipped. */
  projections: ProjectionReport | null;
}

function combine(record: VerifyReport, projections: ProjectionReport | null): FullVerifyReport {
  return { ...record, ok: record.ok && (projections?.issueCount ?? 0) === 0, projections };
}

/** Verifies everything in `database` (the server's own connection; a native read-only one when local). */
export async function verifyDatabase(database: Database, options: DatabaseVerifyOptions = {}): Promise<FullVerifyReport> {
  const path = localFilePath(database.url);
  if (path) return verifyDatabaseFile(path, options, database.client);
  const { workers: _workers, projections = true, ...rest } = options;
  const record = await verifyRecord(database.client, rest);
  const rebuilt = projections ? await verifyProjections(clientProjectionSource(database.client), { maxIssues: rest.maxIssues }) : null;
  return combine(record, rebuilt);
}

/**
 * Verifies the database file at `path`, read-only; it may be a copy, a backup or a suspect file. `shared`:
 * a connection already open on it (the server's), used for the small queries instead of a new one.
 */
export async function verifyDatabaseFile(path: string, options: DatabaseVerifyOptions = {}, shared?: SqlClient): Promise<FullVerifyReport> {
  const { workers = 0, projections = true, ...rest } = options;
  const opened = shared ? null : openLibsqlClient(`file:${path}`);
  const client = shared ?? opened!.client;
  const source = nativeRecordSource(path);
  try {
    const record = await verifyRecord(client, { ...rest, source, parallel: workers > 0 ? { path, workers } : undefined });
    if (!projections) return combine(record, null);
    const projectionSource = nativeProjectionSource(path);
    try {
      return combine(record, await verifyProjections(projectionSource, { maxIssues: rest.maxIssues }));
    } finally {
      projectionSource.close();
    }
  } finally {
    source.close();
    opened?.close();
  }
}
