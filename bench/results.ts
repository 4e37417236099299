// The shape of one benchmark run's JSON document and the targets it is judged against (measured, never
// asserted in a test): each target says whether it was met and by how much it missed.
import type { MachineInfo } from './machine.js';
import type { HttpLevel } from './http/http-bench.js';
import type { StoragePoint } from './storage-limit.js';
import type { PeerResult } from './peer-bench.js';
import type { PgBenchResult } from './postgres/pg-bench.js';
import type { GrowthPoint } from './growth/growth-bench.js';
import type { HotSpot } from './profile-summary.js';
import type { LatencySummary } from './stats.js';

/** One in-process concurrency level. */
export interface InProcessLevel {
  clients: number;
  cases: number;
  transitions: number;
  seconds: number;
  transitionsPerSecond: number;
  latencyMs: LatencySummary;
  foreignCores: number | null;
  /** Transitions per CPU-second of the process: robust to other load on a shared machine. */
  transitionsPerCpuSecond: number;
}

/** A phase that could not run says why instead of giving figures. */
export type Phase<T> = T | { error: string } | null;

export interface BenchResults {
  mode: 'quick' | 'full';
  machine: MachineInfo & { busyCoresBefore: number | null; quiet: boolean };
  lifecycle: { transitionsPerCase: number; events: string[]; draft: string };
  http: Phase<{
    levels: HttpLevel[];
    serverPeakRssMiB: number | null;
    storage: { cases: number; events: number; dbBytes: number; bytesPerCase: number; bytesPerCaseBy?: Record<string, number> };
  }>;
  inProcess: Phase<{ levels: InProcessLevel[] }>;
  storageLimit: Phase<{ points: StoragePoint[]; limit: StoragePoint }>;
  peer: Phase<PeerResult>;
  /** Absent in runs made before the PostgreSQL backend existed. */
  postgres?: Phase<PgBenchResult>;
  growth: Phase<GrowthPoint[]>;
  profile: Phase<{ self: HotSpot[]; inclusive: HotSpot[]; busyMs: number; transitionsPerSecond: number }>;
  targets: TargetCheck[];
  durationSeconds: number;
  /** How a saved file was put together when one phase was measured again apart from the others. */
  note?: string;
}

/** One target: what was asked, what was measured, whether it held, and the shortfall. */
export interface TargetCheck {
  name: string;
  target: string;
  measured: string;
  met: boolean | null;
  shortfall: string | null;
}

/** True when a phase produced figures. */
export function ok<T>(phase: Phase<T>): phase is T {
  return phase !== null && !(typeof phase === 'object' && 'error' in (phase as object));
}

function check(
  name: string,
  target: string,
  value: number | null,
  goal: number,
  better: 'higher' | 'lower',
  fmt: (v: number) => string,
): TargetCheck {
  if (value === null || !Number.isFinite(value)) return { name, target, measured: 'not measured', met: null, shortfall: null };
  const met = better === 'higher' ? value >= goal : value < goal;
  const shortfall = met
    ? null
    : better === 'higher'
      ? `${fmt(goal - value)} short (${Math.round((value / goal) * 100)}% of target)`
      : `${fmt(value - goal)} over (${(value / goal).toFixed(1)}× the limit)`;
  return { name, target, measured: fmt(value), met, shortfall };
}

/**
 * Judges a run against issue 19's table ("Speed with the law in it"): throughput, its share of the storage limit
 * and of the peer, p99, bytes per closed case, server RSS, verification, and every read at the largest size.
 */
export function checkTargets(r: Omit<BenchResults, 'targets' | 'durationSeconds'>): TargetCheck[] {
  const at64 = ok(r.http) ? (r.http.levels.find((l) => l.clients === 64) ?? null) : null;
  const limit = ok(r.storageLimit) ? r.storageLimit.limit.transitionsPerSecond : null;
  const peer = ok(r.peer) ? r.peer.stepsPerSecond : null;
  const last = ok(r.growth) ? (r.growth.at(-1) ?? null) : null;
  const size = last ? `${last.closedCases.toLocaleString('en')} cases` : 'largest size';
  const perSec = (v: number) => `${Math.round(v).toLocaleString('en')}/s`;
  const out: TargetCheck[] = [
    check('HTTP durable transitions/s at 64 clients', '≥ 5,000/s', at64?.transitionsPerSecond ?? null, 5000, 'higher', perSec),
    check(
      'HTTP durable throughput as share of the storage limit',
      '≥ 40%',
      at64 && limit ? (at64.transitionsPerSecond / limit) * 100 : null,
      40,
      'higher',
      (v) => `${v.toFixed(1)}%`,
    ),
    check(
      'Engine transitions/s ÷ peer durable steps/s',
      '≥ 50×',
      at64 && peer ? at64.transitionsPerSecond / peer : null,
      50,
      'higher',
      (v) => `${v.toFixed(1)}×`,
    ),
    check('HTTP p99 latency at 64 clients', '< 25 ms', at64?.latencyMs.p99 ?? null, 25, 'lower', (v) => `${v.toFixed(1)} ms`),
    check(
      'bytes per closed case, all tables and indexes',
      '≤ 8,000',
      ok(r.http) ? r.http.storage.bytesPerCase : null,
      8000.5,
      'lower',
      (v) => Math.round(v).toLocaleString('en'),
    ),
    check(
      'server peak RSS under the HTTP bench',
      '≤ 200 MiB',
      ok(r.http) ? r.http.serverPeakRssMiB : null,
      200.5,
      'lower',
      (v) => `${Math.round(v)} MiB`,
    ),
    check(`Whole-chain verification at ${size}`, '≥ 300,000 entries/s', last?.verify.entriesPerSecond ?? null, 300_000, 'higher', perSec),
  ];
  // The 500-row lists (store.list) are kept for comparison with earlier runs; no screen or route reads 500 at once.
  for (const read of last?.reads ?? []) {
    if (read.name.startsWith('list of 500')) continue;
    out.push(
      check(
        `${read.name}, p95 at ${size}`,
        '< 5 ms',
        read.available && read.ms ? read.ms.p95 : null,
        5,
        'lower',
        (v) => `${v.toFixed(2)} ms`,
      ),
    );
  }
  return out;
}
