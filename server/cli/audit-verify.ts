// `npm run audit:verify -- [--db <file>] [--witness <checkpoints.jsonl>] [--checkpoints <exported.json>]
//   [--public-key <base64 spki>]... [--strict] [--skip-projections] [--evidence-dir <dir> | --skip-evidence]
//   [--workers n] [--page-size n] [--json]`
// Re-computes the record's hash chain read-only, checks checkpoints against pinned keys and the witness,
// rebuilds the projections, walks the read log's chain, checks every issued document against the hash on the
// record and hashes every evidence file. Exit 0: intact; 1: something was altered, removed or reordered; 2: usage or I/O.
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import type { CheckpointSet } from '../../db/audit/audit-verify-checkpoints.js';
import { createDb, isPostgresUrl, localFilePath } from '../../db/core/client.js';
import { parseToolEnv } from '../env.js';
import { verifyDatabase, verifyDatabaseFile, type DatabaseVerifyOptions } from '../audit/verify.js';
import { describeReport } from '../audit/verify-text.js';
import { readWitnessFile } from '../audit/witness-file.js';
import { evidenceDirOf } from '../evidence/evidence-dir.js';

const usage =
  'usage: npm run audit:verify -- [--db <file>] [--witness <file>] [--checkpoints <exported.json>] [--public-key <base64>]... [--strict] [--skip-projections] [--evidence-dir <dir> | --skip-evidence] [--workers <n>] [--page-size <n>] [--json]';

const ExportSchema = z.object({
  items: z.array(
    z.object({
      id: z.number().optional(),
      sequence: z.number().int().positive(),
      headHash: z.string(),
      at: z.string(),
      signature: z.string(),
      publicKey: z.string(),
    }),
  ),
});

function readCheckpointFile(path: string): CheckpointSet {
  const parsed = ExportSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path} is not a checkpoint export: ${z.prettifyError(parsed.error)}`);
  return { source: 'file', items: parsed.data.items };
}

function parse() {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      witness: { type: 'string' },
      checkpoints: { type: 'string' },
      'public-key': { type: 'string', multiple: true },
      strict: { type: 'boolean' },
      'skip-projections': { type: 'boolean' },
      'evidence-dir': { type: 'string' },
      'skip-evidence': { type: 'boolean' },
      workers: { type: 'string', default: String(Math.min(availableParallelism(), 4)) },
      'page-size': { type: 'string', default: '5000' },
      json: { type: 'boolean' },
    },
  });
  return values;
}

async function main(): Promise<number> {
  const values = parse();
  const env = parseToolEnv();
  const postgres = isPostgresUrl(values.db ?? env.DATABASE_URL) ? (values.db ?? env.DATABASE_URL) : null;
  const db = postgres ?? values.db ?? localFilePath(env.DATABASE_URL);
  const workers = Number(values.workers);
  const pageSize = Number(values['page-size']);
  if (!db || !Number.isInteger(workers) || workers < 0 || !Number.isInteger(pageSize) || pageSize < 1) {
    console.error(usage);
    return 2;
  }
  for (const file of [postgres ? undefined : db, values.witness, values.checkpoints]) {
    if (file && !existsSync(file)) {
      console.error(`no file at ${file}`);
      return 2;
    }
  }
  // Keys pinned on the command line and in AUDIT_PUBLIC_KEYS are all trusted; when any is pinned, no other is.
  const trustedKeys = [...(values['public-key'] ?? []), ...env.publicKeys];
  const options: DatabaseVerifyOptions = {
    checkpoints: values.checkpoints ? [readCheckpointFile(values.checkpoints)] : [],
    witness: values.witness ? readWitnessFile(values.witness) : undefined,
    strict: values.strict ?? false,
    trustedKeys,
    projections: !values['skip-projections'],
    // The store beside the database (or EVIDENCE_DIR), as the server uses it.
    evidenceDir: values['skip-evidence']
      ? undefined
      : (values['evidence-dir'] ?? evidenceDirOf(env.EVIDENCE_DIR, postgres ?? `file:${db}`)),
    pageSize,
    workers,
  };
  const report = postgres ? await verifyPostgres(postgres, options) : await verifyDatabaseFile(db, options);
  console.log(values.json ? JSON.stringify(report, null, 2) : describeReport(report).join('\n'));
  return report.ok ? 0 : 1;
}

/** Verifies a PostgreSQL database through its own connection (read only; the chain is walked inline). */
async function verifyPostgres(url: string, options: DatabaseVerifyOptions) {
  const database = await createDb(url);
  try {
    return await verifyDatabase(database, options);
  } finally {
    await database.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`audit:verify failed: ${(error as Error).message}`);
    process.exitCode = 2;
  },
);
