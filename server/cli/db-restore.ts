// `npm run db:restore -- --from <backup> [--db <url or path>] [--witness <file>] [--json]`
// Puts a verified backup in place of the database, atomically (copy beside it, then rename). Refuses while
// a running server holds the database; the replaced file is kept aside; the witness is told of the rollback.
// Exit 0: restored; 1: the backup does not verify (nothing changed); 2: refused, usage or I/O error.
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { localFilePath } from '../../db/core/client.js';
import { fsyncPath, isHeldOpen, moveDatabaseAside, renameDurably } from '../../db/ops/backup.js';
import { parseToolEnv, type ToolEnv } from '../env.js';
import { verifyDatabaseFile } from '../audit/verify.js';
import { describeReport } from '../audit/verify-text.js';
import { appendRestoreMarker } from '../audit/witness.js';
import { witnessTarget } from '../audit/witness-location.js';
import { databaseUrlOf } from './db-target.js';

const usage = 'usage: npm run db:restore -- --from <backup file> [--db <file: URL or path>] [--witness <file>] [--json]';

/** The witness file to mark, if any: --witness, else the one the server would use for this database. */
function witnessFile(env: ToolEnv, url: string, flag: string | undefined): string | null {
  if (flag) return resolve(flag);
  const target = witnessTarget({ DATABASE_URL: url, AUDIT_WITNESS: env.AUDIT_WITNESS });
  return target.kind === 'file' ? target.path : null;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { from: { type: 'string' }, db: { type: 'string' }, witness: { type: 'string' }, json: { type: 'boolean' } },
  });
  const env = parseToolEnv();
  const url = databaseUrlOf(values.db ?? env.DATABASE_URL);
  const target = localFilePath(url);
  if (!values.from || !target) {
    console.error(target ? usage : `db:restore: ${url} is not a local file database (PostgreSQL: see docs/deployment.md)\n${usage}`);
    return 2;
  }
  const from = resolve(values.from);
  if (!existsSync(from)) {
    console.error(`db:restore: no backup at ${from}`);
    return 2;
  }
  const report = await verifyDatabaseFile(from, { trustedKeys: env.publicKeys });
  if (!report.ok) {
    console.error(describeReport(report).join('\n'));
    console.error('db:restore: the backup does not verify; nothing was changed');
    return 1;
  }
  if (existsSync(target) && isHeldOpen(target)) {
    console.error(`db:restore: ${target} is open in a running process (a server?); stop it first. Nothing was changed.`);
    return 2;
  }
  const partial = `${target}.restore-${process.pid}`;
  let aside: string | null = null;
  try {
    copyFileSync(from, partial);
    fsyncPath(partial);
    if (existsSync(target)) {
      aside = `${target}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      moveDatabaseAside(target, aside);
    }
    renameDurably(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }
  const witness = witnessFile(env, url, values.witness);
  if (witness && existsSync(witness)) await appendRestoreMarker(witness, { at: new Date().toISOString(), head: report.head, from });
  const summary = {
    ok: true,
    database: target,
    from,
    entries: report.entries,
    head: report.head,
    replacedKeptAt: aside,
    witnessMarked: witness && existsSync(witness) ? witness : null,
  };
  console.log(
    values.json
      ? JSON.stringify(summary)
      : `restored ${target} from ${from}: ${report.entries} entries up to entry ${report.head?.id ?? 0}${aside ? `; the replaced database is kept at ${aside}` : ''}${summary.witnessMarked ? `; restore noted in the witness ${summary.witnessMarked}` : ''}`,
  );
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`db:restore failed: ${(error as Error).message}`);
    process.exitCode = 2;
  },
);
