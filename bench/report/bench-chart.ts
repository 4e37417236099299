// Turns a run's results into the panels of docs/benchmarks.svg: durable throughput side by side with the
// storage limit and the peer, read times at each database size, and whole-chain verification speed.
import { ok, type BenchResults } from '../results.js';
import { renderChart, type Bar, type Panel } from './svg-chart.js';

/** Short size label: 10k, 100k, 1M. */
export function sizeLabel(n: number): string {
  return n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n);
}

function throughputPanel(r: BenchResults): Panel {
  const bars: Bar[] = [];
  if (ok(r.storageLimit)) {
    // The best point, the best at 64 per commit (what 64 clients can fill) and one per commit (fsync-bound).
    const best = (size?: number) =>
      r.storageLimit && ok(r.storageLimit)
        ? r.storageLimit.points
            .filter((p) => size === undefined || p.transitionsPerTransaction === size)
            .sort((a, b) => b.transitionsPerSecond - a.transitionsPerSecond)[0]
        : undefined;
    const picks = [
      [best(), 'libSQL limit (best)'],
      [best(64), 'libSQL, 64 transitions/commit'],
      [best(1), 'libSQL, 1 transition/commit'],
    ] as const;
    for (const [p, label] of picks) {
      if (p)
        bars.push({
          label: `${label}, ${p.shape}${label.endsWith('(best)') ? `, ${p.transitionsPerTransaction}/commit` : ''}`,
          value: p.transitionsPerSecond,
          group: 'limit',
        });
    }
  }
  if (ok(r.inProcess))
    for (const l of [...r.inProcess.levels].reverse())
      bars.push({ label: `engine in-process, ${l.clients} client(s)`, value: l.transitionsPerSecond });
  if (ok(r.http))
    for (const l of [...r.http.levels].reverse())
      bars.push({ label: `engine over HTTP, ${l.clients} client(s)`, value: l.transitionsPerSecond });
  if (ok(r.peer)) {
    bars.push({ label: `${r.peer.peer} durable steps`, value: r.peer.stepsPerSecond, group: 'peer' });
    bars.push({ label: `${r.peer.peer} durable instances`, value: r.peer.instancesPerSecond, group: 'peer' });
  }
  return {
    title: 'Durable throughput, synchronous=FULL (per second)',
    unit: 'transitions (engine, limit) or steps/instances (peer) per second',
    bars,
    marker: { value: 5000, label: 'target 5,000/s' },
  };
}

function readsPanel(r: BenchResults): Panel | null {
  if (!ok(r.growth) || r.growth.length === 0) return null;
  const bars: Bar[] = [];
  const names = r.growth[0]!.reads.filter((x) => x.available).map((x) => x.name);
  for (const name of names) {
    for (const point of r.growth) {
      const read = point.reads.find((x) => x.name === name);
      if (read?.ms) bars.push({ label: `${name} @ ${sizeLabel(point.closedCases)}`, value: read.ms.p95, group: 'read' });
    }
  }
  return {
    title: 'Reads as the database grows (p95 milliseconds)',
    unit: 'milliseconds',
    bars,
    marker: { value: 10, label: 'target 10 ms' },
  };
}

function verifyPanel(r: BenchResults): Panel | null {
  if (!ok(r.growth) || r.growth.length === 0) return null;
  const bars = r.growth.map(
    (p): Bar => ({ label: `verify whole chain @ ${sizeLabel(p.closedCases)} cases`, value: p.verify.entriesPerSecond, group: 'read' }),
  );
  return {
    title: 'Whole-chain audit verification (entries per second)',
    unit: 'entries per second',
    bars,
    marker: { value: 200_000, label: 'target 200k/s' },
  };
}

/** The SVG document for a run. */
export function renderBenchChart(r: BenchResults): string {
  const panels = [throughputPanel(r), readsPanel(r), verifyPanel(r)].filter((p): p is Panel => p !== null && p.bars.length > 0);
  return renderChart(`Legal review engine benchmarks (${r.mode} run, ${r.machine.date.slice(0, 10)}, ${r.machine.cores} cores)`, panels);
}
