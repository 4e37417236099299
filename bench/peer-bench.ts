// The peer: bpmn-engine driving the same approval pipeline durably (state loaded and written back in
// one libSQL transaction per step), run from a writable copy of shared/peers/bpmn-engine as its README says.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { removeTemp, tempDbPath } from './temp-db.js';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The peer's durable figures (from the last stdout line of its bench.mjs). */
export interface PeerResult {
  peer: string;
  n: number;
  instancesPerSecond: number;
  stepsPerSecond: number;
  stepP50Ms: number;
  stepP99Ms: number;
  peakRssMiB: number;
  dbBytesPerInstance: number;
  foreignCores: number | null;
  stepsPerInstance: number;
}

/** shared/peers/bpmn-engine beside the repository (as in CI: ../shared relative to the repo root). */
export function peerFolder(repoRoot: string): string {
  const folder = resolve(repoRoot, '../shared/peers/bpmn-engine');
  if (!existsSync(join(folder, 'bench.mjs'))) {
    throw new Error(`peer benchmark not found at ${folder} (expected ../shared/peers/bpmn-engine beside the repository)`);
  }
  return folder;
}

/** A writable copy with its dependencies installed, reused while the peer's files are unchanged. */
function preparedCopy(folder: string, log: (l: string) => void): string {
  const key = createHash('sha256')
    .update(readFileSync(join(folder, 'package-lock.json')))
    .update(readFileSync(join(folder, 'bench.mjs')))
    .digest('hex')
    .slice(0, 12);
  const copy = join(tmpdir(), `legal-review-bench-peer-${key}`);
  if (existsSync(join(copy, 'node_modules', 'bpmn-engine'))) return copy;
  rmSync(copy, { recursive: true, force: true });
  cpSync(folder, copy, { recursive: true });
  log(`peer: npm ci in ${copy}`);
  const ci = spawnSync('npm', ['ci', '--silent', '--no-audit', '--no-fund'], {
    cwd: copy,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (ci.status !== 0) throw new Error(`peer npm ci failed (${ci.status}): ${ci.stderr}`);
  return copy;
}

/** Runs `node bench.mjs --modes durable --n N --runs 1` and reads its JSON summary. */
export function runPeer(repoRoot: string, n: number, quick: boolean, log: (l: string) => void): PeerResult {
  const copy = preparedCopy(peerFolder(repoRoot), log);
  // The peer waits for a quiet machine and retries contended runs; the quick run does not wait.
  const guards = quick
    ? ['--warmup', '20', '--quiet-wait', '0', '--retries', '0']
    : ['--warmup', '100', '--quiet-wait', '30', '--retries', '1'];
  // The peer's database goes in a temp folder of ours, removed afterwards (its default is left in /tmp).
  const db = tempDbPath('peer');
  const run = spawnSync(
    process.execPath,
    ['bench.mjs', '--modes', 'durable', '--n', String(n), '--runs', '1', '--db', db.path, ...guards],
    {
      cwd: copy,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 << 20,
    },
  );
  removeTemp(db.dir);
  if (run.status !== 0) throw new Error(`peer bench failed (${run.status}): ${run.stderr.slice(-2000)}`);
  const last = run.stdout.trim().split('\n').at(-1)!;
  const summary = JSON.parse(last) as { peer: string; n: number; durable: Record<string, number> };
  const d = summary.durable;
  return {
    peer: summary.peer,
    n: summary.n,
    instancesPerSecond: d.instances_per_sec!,
    stepsPerSecond: d.steps_per_sec!,
    stepP50Ms: d.all_steps_p50_ms!,
    stepP99Ms: d.all_steps_p99_ms!,
    peakRssMiB: d.peak_rss_mib!,
    dbBytesPerInstance: d.db_file_bytes_per_instance!,
    foreignCores: d.max_foreign_cpu_cores ?? null,
    stepsPerInstance: Math.round(d.steps_per_sec! / d.instances_per_sec!),
  };
}
