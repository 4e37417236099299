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
import { verifyReadLog, type ReadLogReport } from '../../db/audit/audit-verify-read-log.js';
import { verifyEvidence, type EvidenceReport } from '../../db/audit/audit-verify-evidence.js';
import { verifyDocuments, type DocumentReport } from '../../db/audit/audit-verify-documents.js';
import { createFileStore } from '../../db/evidence/file-store.js';

export interface DatabaseVerifyOptions extends Omit<VerifyOptions, 'source' | 'parallel'> {
  /** Worker threads for the chain walk when the file is local (0: inline). */
  workers?: number;
  /** Rebuild cases, drafts, reviews and decisions from the record and compare (default true). */
  projections?: boolean;
  /** The evidence file store to check every evidence file against; not checked when absent. */
  evidenceDir?: string;
}

/** The record's report plus the projections, the read log and the evidence files; `ok` covers them all. */
export interface FullVerifyReport extends VerifyReport {
  /** Null when skipped. */
  projections: ProjectionReport | null;
  /** The read log's own hash chain (调阅记录). */
  readLog: ReadLogReport;
  /** Evidence files against the store; null when no store was given. */
  evidence: EvidenceReport | null;
  /** The issued 审核意见书 and 决定书 against the hashes on the record. */
  documents: DocumentReport;
}

interface SideReports {
  readLog: ReadLogReport;
  evidence: EvidenceReport | null;
  documents: DocumentReport;
}

/** The read log's chain, the issued documents and, with a store folder, every evidence file and reference. */
async function sideChecks(client: SqlClient, options: DatabaseVerifyOptions): Promise<SideReports> {
  const readLog = await verifyReadLog(client, { maxIssues: options.maxIssues });
  const evidence = options.evidenceDir
    ? await verifyEvidence(client, createFileStore(options.evidenceDir), { maxIssues: options.maxIssues })
    : null;
  return { readLog, evidence, documents: await verifyDocuments(client, { maxIssues: options.maxIssues }) };
}

function combine(record: VerifyReport, projections: ProjectionReport | null, side: SideReports): FullVerifyReport {
  const sideIssues = side.readLog.issueCount + (side.evidence?.issueCount ?? 0) + side.documents.issueCount;
  const clean = (projections?.issueCount ?? 0) === 0 && sideIssues === 0;
  return { ...record, ok: record.ok && clean, projections, ...side };
}

/** Verifies everything in `database` (the server's own connection; a native read-only one when local). */
export async function verifyDatabase(database: Database, options: DatabaseVerifyOptions = {}): Promise<FullVerifyReport> {
  const path = localFilePath(database.url);
  if (path) return verifyDatabaseFile(path, options, database.client);
  const { workers: _workers, projections = true, evidenceDir: _dir, ...rest } = options;
  const record = await verifyRecord(database.client, rest);
  const rebuilt = projections ? await verifyProjections(clientProjectionSource(database.client), { maxIssues: rest.maxIssues }) : null;
  return combine(record, rebuilt, await sideChecks(database.client, options));
}

/**
 * Verifies the database file at `path`, read-only; it may be a copy, a backup or a suspect file. `shared`:
 * a connection already open on it (the server's), used for the small queries instead of a new one.
 */
export async function verifyDatabaseFile(path: string, options: DatabaseVerifyOptions = {}, shared?: SqlClient): Promise<FullVerifyReport> {
  const { workers = 0, projections = true, evidenceDir: _dir, ...rest } = options;
  const opened = shared ? null : openLibsqlClient(`file:${path}`);
  const client = shared ?? opened!.client;
  const source = nativeRecordSource(path);
  try {
    const record = await verifyRecord(client, { ...rest, source, parallel: workers > 0 ? { path, workers } : undefined });
    const side = await sideChecks(client, options);
    if (!projections) return combine(record, null, side);
    const projectionSource = nativeProjectionSource(path);
    try {
      return combine(record, await verifyProjections(projectionSource, { maxIssues: rest.maxIssues }), side);
    } finally {
      projectionSource.close();
    }
  } finally {
    source.close();
    opened?.close();
  }
}
