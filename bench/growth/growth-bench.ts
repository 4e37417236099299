// Growth: the same database with 10k, 100k and 1M closed cases (bulk-cloned from one real case) plus
// a real review queue, and the time of the reads that must not grow with it, with their query plans.
import { statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SqlClient } from '../../db/core/sql.js';
import { openInProcess, serviceDriver } from '../inprocess-bench.js';
import { runLifecycle } from '../drive.js';
import { dbFileBytes, removeTemp } from '../temp-db.js';
import { captureTemplate } from './template.js';
import { generateClosedCases, openBulkClient } from './generate.js';
import { measureReads, type ReadResult } from './reads.js';

/** One database size and what was measured on it. */
export interface GrowthPoint {
  closedCases: number;
  generateMs: number;
  dbBytes: number;
  reads: ReadResult[];
  verify: { source: string; ok: boolean; entries: number; ms: number; entriesPerSecond: number };
}

export interface GrowthOptions {
  repoRoot: string;
  sizes: number[];
  /** Real cases left in review (half assigned to reviewer1, half unassigned). */
  queueCases: number;
  runs: number;
  log: (line: string) => void;
}

/** Builds the queue and the template through the real services; returns the template and the db path. */
async function seed(queueCases: number) {
  const stack = await openInProcess('growth');
  const driver = serviceDriver(stack.services, stack.users);
  const templateId = await runLifecycle(driver, 0);
  // Steps 3 and 4 of the lifecycle: submitted for review, then claimed by reviewer1.
  for (let i = 0; i < queueCases; i++) await runLifecycle(driver, i + 1, i % 2 === 0 ? 3 : 4);
  const template = await captureTemplate(stack.services.database.client, templateId);
  await stack.services.writer.drain();
  stack.services.database.close();
  return { template, path: stack.path, dir: stack.dir };
}

async function closedCount(client: SqlClient): Promise<number> {
  const rs = await client.execute("SELECT COUNT(*) AS n FROM cases WHERE status = 'closed'");
  return Number(rs.rows[0]!.n);
}

/** Why `size` cannot be built on the free disk space (estimated from the previous size), or null. */
function roomFor(size: number, previous: GrowthPoint | undefined, path: string): string | null {
  if (!previous || previous.dbBytes === 0) return null;
  const need = (previous.dbBytes / previous.closedCases) * size * 1.2;
  const free = (() => {
    const s = statfsSync(dirname(path));
    return s.bavail * s.bsize;
  })();
  return need > free
    ? `skipped ${size} cases: needs about ${(need / 2 ** 30).toFixed(1)} GiB, ${(free / 2 ** 30).toFixed(1)} GiB free`
    : null;
}

function skipped(size: number, note: string): GrowthPoint {
  return {
    closedCases: size,
    generateMs: 0,
    dbBytes: 0,
    reads: [{ name: 'all reads', available: false, note, plans: [] }],
    verify: { source: note, ok: false, entries: 0, ms: 0, entriesPerSecond: 0 },
  };
}

/** Grows one database through `sizes` (ascending) and measures the reads at each size. */
export async function runGrowth(opts: GrowthOptions): Promise<GrowthPoint[]> {
  const seeded = await seed(opts.queueCases);
  const out: GrowthPoint[] = [];
  try {
    for (const size of opts.sizes) {
      const room = roomFor(size, out.at(-1), seeded.path);
      if (room) {
        opts.log(`growth: ${room}`);
        out.push(skipped(size, room));
        continue;
      }
      const bulk = await openBulkClient(seeded.path);
      const have = await closedCount(bulk.client);
      opts.log(`growth: generating ${size - have} closed cases (to ${size})`);
      const generated = await generateClosedCases(bulk.client, seeded.template, Math.max(0, size - have));
      await bulk.close();
      const measured = await measureReads({ url: `file:${seeded.path}`, repoRoot: opts.repoRoot, runs: opts.runs, log: opts.log });
      out.push({ closedCases: size, generateMs: Math.round(generated.ms), dbBytes: dbFileBytes(seeded.path), ...measured });
      opts.log(
        `growth: ${size} cases, ${(dbFileBytes(seeded.path) / 2 ** 30).toFixed(2)} GiB, verify ${measured.verify.entriesPerSecond} entries/s`,
      );
    }
    return out;
  } finally {
    removeTemp(seeded.dir);
  }
}
