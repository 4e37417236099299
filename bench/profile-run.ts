// Profiles the engine in-process (no HTTP) in a child process with V8's sampling profiler and lists the
// hot spots by self time, so the report can point at the code that costs the most per transition.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summarizeProfileFile } from './profile-summary.js';
import { removeTemp } from './temp-db.js';

/** Runs bench/profile-inprocess.ts under `--cpu-prof` with 64 clients; returns throughput and hot spots. */
export function runProfile(repoRoot: string, cases: number) {
  const dir = mkdtempSync(join(tmpdir(), 'legal-review-bench-prof-'));
  try {
    const run = spawnSync(
      process.execPath,
      ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--import', 'tsx', 'bench/profile-inprocess.ts', '--cases', String(cases), '--clients', '64'],
      {
        cwd: repoRoot,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    if (run.status !== 0) throw new Error(`profiled run failed (${run.status}): ${run.stderr.slice(-2000)}`);
    const summary = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { perSecond: number };
    // tsx's loader runs in a worker with its own profile; the main thread's is the largest file.
    const main = readdirSync(dir)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => join(dir, f))
      .sort((a, b) => statSync(b).size - statSync(a).size)[0];
    if (!main) throw new Error('no .cpuprofile written');
    return { transitionsPerSecond: summary.perSecond, ...summarizeProfileFile(main, 15) };
  } finally {
    removeTemp(dir);
  }
}
