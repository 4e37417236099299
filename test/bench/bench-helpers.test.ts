// The benchmark's pure helpers and its bulk row generator: percentiles, the SVG renderer, profile
// ranking, target checks, and that a bulk-grown database carries a valid hash chain (checked with entryHash).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '@libsql/client';
import { libsqlSqlClient } from '../../db/core/libsql-database.js';
import { median, percentile, summarizeLatency } from '../../bench/stats.js';
import { compact, logDomain, renderChart, xmlEscape } from '../../bench/report/svg-chart.js';
import { hotSpots, type CpuProfile } from '../../bench/profile-summary.js';
import { openInProcess, serviceDriver } from '../../bench/inprocess-bench.js';
import { runLifecycle } from '../../bench/drive.js';
import { captureTemplate, type CaseTemplate } from '../../bench/growth/template.js';
import { generateClosedCases, openBulkClient, orderedUuid } from '../../bench/growth/generate.js';
import { assertRowHash } from '../../bench/growth/clone-hash.js';
import { verifyChain } from '../../bench/growth/verify-loop.js';
import { transitionsPerCase } from '../../bench/lifecycle.js';

describe('percentiles', () => {
  it('uses the nearest rank, so every value reported was observed', () => {
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 95)).toBe(10);
    expect(percentile(samples, 10)).toBe(1);
    expect(median([3, 1, 2])).toBe(2);
    expect(Number.isNaN(percentile([], 50))).toBe(true);
    expect(() => percentile(samples, 0)).toThrow(RangeError);
  });

  it('summarises latencies from a typed array', () => {
    const s = summarizeLatency(Float64Array.from({ length: 100 }, (_, i) => i + 1));
    expect(s).toEqual({ count: 100, p50: 50, p95: 95, p99: 99, max: 100, mean: 50.5 });
  });
});

describe('SVG chart', () => {
  it('renders escaped labels, one bar per value and a log axis spanning the data', () => {
    expect(logDomain([95, 12_000])).toEqual([1, 5]);
    expect(compact(12_345)).toBe('12.3k');
    expect(xmlEscape('a<b & "c"')).toBe('a&lt;b &amp; &quot;c&quot;');
    const svg = renderChart('T <1>', [
      {
        title: 'Throughput',
        unit: 'per second',
        bars: [
          { label: 'engine & co', value: 5000 },
          { label: 'peer', value: 100, group: 'peer' },
        ],
        marker: { value: 5000, label: 'target' },
      },
    ]);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
    expect(svg.match(/<rect x="300"/g)).toHaveLength(2);
    expect(svg).toContain('engine &amp; co');
    expect(svg).toContain('T &lt;1&gt;');
    expect(svg).not.toContain('NaN');
  });
});

describe('profile ranking', () => {
  it('ranks self and inclusive time without idle samples', () => {
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: 0 }, children: [2, 4] },
        { id: 2, callFrame: { functionName: 'apply', url: 'file:///repo/server/services/case-service.ts', lineNumber: 9 }, children: [3] },
        { id: 3, callFrame: { functionName: 'run', url: 'file:///repo/node_modules/libsql/index.js', lineNumber: 1 } },
        { id: 4, callFrame: { functionName: '(idle)', url: '', lineNumber: 0 } },
      ],
      samples: [3, 3, 2, 4, 4, 4],
      timeDeltas: [1000, 1000, 2000, 5000, 5000, 5000],
    };
    const spots = hotSpots(profile);
    expect(spots.busyMs).toBe(4);
    expect(spots.self[0]).toEqual({ name: 'run libsql/index.js', ms: 2, share: 50 });
    expect(spots.inclusive[0]).toEqual({ name: 'apply server/services/case-service.ts', ms: 4, share: 100 });
  });
});

describe('bulk growth generator', () => {
  let stack: Awaited<ReturnType<typeof openInProcess>>;
  let template: CaseTemplate;
  beforeAll(async () => {
    stack = await openInProcess('test-growth');
    const id = await runLifecycle(serviceDriver(stack.services, stack.users), 0);
    template = await captureTemplate(stack.services.database.client, id);
    await stack.services.writer.drain();
    stack.services.database.close();
  });
  afterAll(async () => {
    await stack.close();
  });

  it('clones a real closed case into a database whose whole hash chain verifies with entryHash', async () => {
    expect(template.events).toHaveLength(transitionsPerCase);
    const bulk = await openBulkClient(stack.path);
    await generateClosedCases(bulk.client, template, 120, 50);
    await bulk.close();
    const client = createClient({ url: `file:${stack.path}` });
    try {
      const verified = await verifyChain(libsqlSqlClient(client), 100);
      expect(verified).toEqual({ ok: true, entries: 121 * transitionsPerCase, firstBroken: null });
      const counts = await client.execute(
        "SELECT (SELECT COUNT(*) FROM cases WHERE status = 'closed') AS closed, (SELECT COUNT(*) FROM decisions) AS decisions, (SELECT COUNT(DISTINCT case_id) FROM case_events) AS cases",
      );
      expect(counts.rows[0]).toMatchObject({ closed: 121, decisions: 121, cases: 121 });
      const row = (await client.execute('SELECT * FROM case_events ORDER BY id DESC LIMIT 1')).rows[0]!;
      expect(() => assertRowHash({ ...row })).not.toThrow();
      expect(() => assertRowHash({ ...row, payload: String(row.payload).replace('}', ',"x":1}') })).toThrow(/disagrees with entryHash/);
    } finally {
      client.close();
    }
  });

  it('makes time-ordered, well-formed case ids', () => {
    const ids = [orderedUuid(1), orderedUuid(2), orderedUuid(1_000_000)];
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
  });
});
