// `npm run db:backup -- --to <file> [--db <url or path>] [--json]`
// Online, consistent backup of a running server's database (VACUUM INTO: exactly the commits before it
// began), verified (chain, checkpoints, projections) before it is moved into place. Exit 0: written and
// verified; 1: the copy does not verify (nothing written); 2: usage or I/O error.
import { existsSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fsyncPath, renameDurably, vacuumInto } from '../../db/ops/backup.js';
import { isPostgresUrl } from '../../db/core/client.js';
import { parseToolEnv } from '../env.js';
import { verifyDatabaseFile } from '../audit/verify.js';
import { describeReport } from '../audit/verify-text.js';
import { databaseUrlOf } from './db-target.js';

const usage = 'usage: npm run db:backup -- --to <file> [--db <libSQL URL or path>] [--json]';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { to: { type: 'string' }, db: { type: 'string' }, json: { type: 'boolean' } } });
  const env = parseToolEnv();
  if (!values.to) {
    console.error(usage);
    return 2;
  }
  const to = resolve(values.to);
  if (existsSync(to)) {
    console.error(`db:backup: ${to} already exists; choose a new file (a backup is never overwritten)`);
    return 2;
  }
  const url = databaseUrlOf(values.db ?? env.DATABASE_URL);
  if (isPostgresUrl(url)) {
    console.error(
      'db:backup: this is a PostgreSQL database: back it up with pg_basebackup and WAL archiving, or pg_dump (docs/deployment.md)',
    );
    return 2;
  }
  const partial = `${to}.partial-${process.pid}`;
  try {
    const started = performance.now();
    await vacuumInto(url, partial);
    const report = await verifyDatabaseFile(partial, { trustedKeys: env.publicKeys });
    if (!report.ok) {
      console.error(describeReport(report).join('\n'));
      console.error('db:backup: the copy does not verify; no backup was written');
      return 1;
    }
    fsyncPath(partial);
    renameDurably(partial, to);
    const summary = {
      ok: true,
      file: to,
      bytes: statSync(to).size,
      entries: report.entries,
      head: report.head,
      casesRebuilt: report.projections?.checked ?? 0,
      elapsedMs: Math.round(performance.now() - started),
    };
    console.log(
      values.json
        ? JSON.stringify(summary)
        : `backup written to ${to}: ${summary.bytes} bytes, ${summary.entries} entries up to entry ${report.head?.id ?? 0}, ${summary.casesRebuilt} cases rebuilt, verified in ${summary.elapsedMs} ms`,
    );
    return 0;
  } finally {
    rmSync(partial, { force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`db:backup failed: ${(error as Error).message}`);
    process.exitCode = 2;
  },
);
