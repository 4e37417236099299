// Markdown tables for each benchmark phase. Pure functions of the results; a phase that did not run
// or failed says so in one line instead of a table.
import { ok, type BenchResults, type Phase } from '../results.js';
import { sizeLabel } from './bench-chart.js';

const n = (v: number | null | undefined, digits = 0) =>
  v == null || !Number.isFinite(v) ? 'n/a' : v.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/** A markdown table from a header and rows. */
export function table(header: string[], rows: (string | number)[][]): string {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function missing(phase: Phase<unknown>): string | null {
  if (phase === null) return '_Not run in this invocation._';
  if (!ok(phase)) return `_Failed: ${(phase as { error: string }).error.split('\n')[0]}_`;
  return null;
}

/** Engine over HTTP. */
export function httpSection(r: BenchResults): string {
  const m = missing(r.http);
  if (m || !ok(r.http)) return m!;
  const rows = r.http.levels.map((l) => [
    l.clients,
    n(l.cases),
    n(l.transitions),
    n(l.transitionsPerSecond),
    n(l.latencyMs.p50, 2),
    n(l.latencyMs.p95, 2),
    n(l.latencyMs.p99, 2),
    n(l.latencyMs.max, 1),
    n(l.serverPeakRssMiB),
    n(l.transitionsPerServerCpuSecond),
    n(l.ownCores, 2),
    n(l.foreignCores, 2),
  ]);
  const s = r.http.storage;
  return [
    table(
      [
        'clients',
        'cases',
        'transitions',
        'transitions/s',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'max ms',
        'server peak RSS MiB',
        'transitions per server CPU-second',
        'CPU cores used (server + load generator)',
        'foreign CPU cores',
      ],
      rows,
    ),
    '',
    `Database after the run: ${n(s.cases)} cases, ${n(s.events)} record entries, ${mib(s.dbBytes)} → **${n(s.bytesPerCase)} bytes per case** (all tables and indexes, WAL checkpointed). Server peak RSS (VmHWM) over the whole run: **${n(r.http.serverPeakRssMiB)} MiB**.`,
  ].join('\n');
}

/** Engine in-process. */
export function inProcessSection(r: BenchResults): string {
  const m = missing(r.inProcess);
  if (m || !ok(r.inProcess)) return m!;
  return table(
    ['clients', 'cases', 'transitions', 'transitions/s', 'p50 ms', 'p99 ms', 'transitions per CPU-second', 'foreign CPU cores'],
    r.inProcess.levels.map((l) => [
      l.clients,
      n(l.cases),
      n(l.transitions),
      n(l.transitionsPerSecond),
      n(l.latencyMs.p50, 2),
      n(l.latencyMs.p99, 2),
      n(l.transitionsPerCpuSecond),
      n(l.foreignCores, 2),
    ]),
  );
}

/** Storage limit. */
export function storageSection(r: BenchResults): string {
  const m = missing(r.storageLimit);
  if (m || !ok(r.storageLimit)) return m!;
  const rows = r.storageLimit.points.map((p) => [
    p.shape,
    p.transitionsPerTransaction,
    n(p.transitions),
    n(p.transitionsPerSecond),
    n(p.rowsPerSecond),
    n(p.foreignCores, 2),
  ]);
  return [
    table(['statements', 'transitions per commit', 'transitions', 'transitions/s', 'rows/s', 'foreign CPU cores'], rows),
    '',
    `The limit used for ratios is the best of these: **${n(r.storageLimit.limit.transitionsPerSecond)} transitions/s** (${n(r.storageLimit.limit.rowsPerSecond)} rows/s) at ${r.storageLimit.limit.transitionsPerTransaction} transitions per commit, ${r.storageLimit.limit.shape} statements.`,
  ].join('\n');
}

/** Peer. */
export function peerSection(r: BenchResults): string {
  const m = missing(r.peer);
  if (m || !ok(r.peer)) return m!;
  const p = r.peer;
  const at64 = ok(r.http) ? r.http.levels.find((l) => l.clients === 64) : undefined;
  const ratio = at64 ? `${(at64.transitionsPerSecond / p.stepsPerSecond).toFixed(1)}×` : 'n/a';
  return [
    table(
      [
        'peer',
        'instances',
        'instances/s',
        'steps/s',
        'steps per instance',
        'step p50 ms',
        'step p99 ms',
        'peak RSS MiB',
        'db bytes per instance',
        'foreign CPU cores',
      ],
      [
        [
          p.peer,
          n(p.n),
          n(p.instancesPerSecond, 1),
          n(p.stepsPerSecond, 1),
          p.stepsPerInstance,
          n(p.stepP50Ms, 2),
          n(p.stepP99Ms, 2),
          n(p.peakRssMiB),
          n(p.dbBytesPerInstance),
          n(p.foreignCores, 2),
        ],
      ],
    ),
    '',
    `Engine over HTTP at 64 clients ÷ peer durable steps/s: **${ratio}** (an engine transition and a peer step are each one durable state change of one case).`,
  ].join('\n');
}

/** Growth: reads at each size, their plans, and verification. */
export function growthSection(r: BenchResults): string {
  const m = missing(r.growth);
  if (m || !ok(r.growth)) return m!;
  const sizes = r.growth;
  const names = sizes[0]!.reads.map((x) => x.name);
  const readRows = names.map((name) => [
    name,
    ...sizes.map((s) => {
      const read = s.reads.find((x) => x.name === name);
      return read?.ms ? `${n(read.ms.p50, 2)} / ${n(read.ms.p95, 2)}` : `not available${read?.note ? ` (${read.note})` : ''}`;
    }),
  ]);
  const verifyRow = [
    'whole-chain verification (entries/s, time)',
    ...sizes.map(
      (s) =>
        `${n(s.verify.entriesPerSecond)}/s, ${n(s.verify.ms / 1000, 1)} s for ${n(s.verify.entries)} entries${s.verify.ok ? '' : ' — CHAIN BROKEN'}`,
    ),
  ];
  const sizeRow = [
    'database size (bulk load time)',
    ...sizes.map((s) => `${(s.dbBytes / 2 ** 30).toFixed(2)} GiB (${n(s.generateMs / 1000, 1)} s)`),
  ];
  return [
    table(['read (p50 / p95 ms)', ...sizes.map((s) => `${sizeLabel(s.closedCases)} closed cases`)], [...readRows, verifyRow, sizeRow]),
    '',
    `Verifier: ${sizes[0]!.verify.source}.`,
  ].join('\n');
}

/** What a flagged plan needs, for the statements this benchmark knows; generic advice otherwise. */
export function indexAdvice(sql: string): string {
  if (/FROM cases WHERE handler_id = \? ORDER BY updated_at/.test(sql)) {
    return 'sorts every case the handler ever had: needs `CREATE INDEX cases_handler_updated_idx ON cases (handler_id, updated_at)` (cases schema, lead), or the desk query should leave closed cases out';
  }
  if (/FROM cases WHERE status = \? AND reviewer_id = \?/.test(sql))
    return "walks every case in review to find one reviewer's: `cases (reviewer_id, status, updated_at)` would make it exact";
  if (/FROM users\b/.test(sql) && !/WHERE/.test(sql))
    return 'reads the whole users table: it grows with staff, not with cases, so this stays small';
  if (/FROM deadlines WHERE state = 'running'/.test(sql))
    return 'sorts only the running deadlines (bounded by open cases, not by history); `deadlines (state, due_date, created_at)` would drop the sort';
  return 'needs an index that matches its WHERE and ORDER BY';
}

/** Query plans at the largest size, with scans and temporary sorts called out and what they need. */
export function plansSection(r: BenchResults): string {
  if (!ok(r.growth) || r.growth.length === 0) return '_No growth run._';
  const last = r.growth.at(-1)!;
  const lines: string[] = [];
  for (const read of last.reads) {
    for (const plan of read.plans) {
      const flagged = plan.scans.length > 0 || plan.tempSorts.length > 0;
      const flag = plan.scans.length ? '**scan**' : plan.tempSorts.length ? '**temporary sort**' : 'index only';
      lines.push(
        `- ${read.name} — ${flag}: \`${plan.sql.slice(0, 180)}\`  \n  plan: ${plan.plan.map((p) => `\`${p}\``).join(', ')}${flagged ? `  \n  → ${indexAdvice(plan.sql)}` : ''}`,
      );
    }
  }
  return lines.length ? lines.join('\n') : '_No plans traced._';
}
