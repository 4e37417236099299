// `npm run audit:verify -- --db <file> [--checkpoints <exported.json>] [--public-key <base64 spki>]... [--workers n] [--json]`
// Re-computes the record's hash chain read-only and checks signed checkpoints. Exit 0: intact;
// 1: something was altered, removed or reordered (the first broken entry is named); 2: usage or I/O error.
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { availableParallelism } from 'node:os';
import { createClient } from '@libsql/client';
import { z } from 'zod';
import { verifyRecord, type VerifyReport } from '../../db/audit/audit-verify.js';
import { nativeRecordSource } from '../../db/audit/audit-record-source.js';
import type { CheckpointSet } from '../../db/audit/audit-verify-checkpoints.js';

const usage =
  'usage: npm run audit:verify -- --db <file> [--checkpoints <exported.json>] [--public-key <base64>]... [--workers <n>] [--page-size <n>] [--json]';

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

function describe(report: VerifyReport): string[] {
  const lines = [
    `entries checked: ${report.entries} in ${report.elapsedMs} ms (${report.entriesPerSecond} entries/s, ${report.workers} worker threads)`,
  ];
  lines.push(`head: ${report.head ? `entry ${report.head.id} ${report.head.hash}` : 'empty record'}`);
  lines.push(`checkpoints checked: ${report.checkpoints.checked}; streams checked: ${report.streams.checked}`);
  if (report.firstBroken) {
    const b = report.firstBroken;
    lines.push(`FIRST BROKEN ENTRY: id ${b.id}, case ${b.caseId}, type ${b.type}: ${b.problem} (${b.detail})`);
  }
  for (const i of report.issues.slice(1, 10)) lines.push(`  also: entry ${i.id} (${i.caseId}, ${i.type}): ${i.problem}`);
  if (report.issueCount > 10) lines.push(`  … ${report.issueCount - 10} more chain issues`);
  for (const c of report.checkpoints.issues)
    lines.push(`CHECKPOINT ${c.source} #${c.ref} at entry ${c.sequence}: ${c.problem} (${c.detail})`);
  for (const s of report.streams.issues) lines.push(`STREAM ${s.stream}: ${s.problem} (${s.detail})`);
  lines.push(report.ok ? 'RESULT: record intact' : 'RESULT: RECORD ALTERED');
  return lines;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      checkpoints: { type: 'string' },
      'public-key': { type: 'string', multiple: true },
      workers: { type: 'string', default: String(Math.min(availableParallelism(), 4)) },
      'page-size': { type: 'string', default: '5000' },
      json: { type: 'boolean' },
    },
  });
  const workers = Number(values.workers);
  const pageSize = Number(values['page-size']);
  if (!values.db || !Number.isInteger(workers) || workers < 0 || !Number.isInteger(pageSize) || pageSize < 1) {
    console.error(usage);
    return 2;
  }
  if (!existsSync(values.db)) {
    console.error(`no database file at ${values.db}`);
    return 2;
  }
  const client = createClient({ url: `file:${values.db}` });
  const source = nativeRecordSource(values.db);
  try {
    const checkpoints = values.checkpoints ? [readCheckpointFile(values.checkpoints)] : [];
    const report = await verifyRecord(client, {
      source,
      checkpoints,
      trustedKeys: values['public-key'],
      pageSize,
      parallel: { path: values.db, workers },
    });
    console.log(values.json ? JSON.stringify(report, null, 2) : describe(report).join('\n'));
    return report.ok ? 0 : 1;
  } finally {
    source.close();
    client.close();
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
