// Benchmark of record verification: fills a database with a realistic record (whole case pipelines, through
// the real single writer) unless it already holds one, then times `verifyRecord` inline and in worker threads.
// Run: npx tsx test/audit/bench-verify.ts [--entries 300000] [--db path] [--workers 2]   (prints JSON lines)
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import { createDb } from '../../../db/core/client.js';
import { reviewItems } from '../../../machines/case/case.events.js';
import type { RecordEntry } from '../../../db/core/record-hash.js';
import { verifyRecord } from '../../../db/audit/audit-verify.js';
import { nativeRecordSource } from '../../../db/audit/audit-record-source.js';
import { freshDbPath, sampleDraft } from '../../helpers/test-app.js';

const { values } = parseArgs({
  options: { entries: { type: 'string', default: '300000' }, db: { type: 'string' }, workers: { type: 'string', default: '2' } },
});
const target = Number(values.entries);
const dbPath = values.db ?? freshDbPath();

const actor = (id: string, role: string) => ({ id, roles: [role], certified: role === 'handler', qualified: role === 'reviewer' });
const hash = 'ab'.repeat(32);
const steps: [string, string, Record<string, unknown>][] = [
  ['case.open', 'handler', { draft: sampleDraft() }],
  ['notice.send', 'handler', {}],
  ['hearing.request', 'handler', {}],
  ['hearing.hold', 'handler', { transcript: '听证笔录：当事人对事实无异议，请求从轻处理。' }],
  ['review.submit', 'handler', { attestation: true }],
  ['review.assign', 'reviewer', { reviewerId: 'r', assignee: { id: 'r', qualified: true } }],
  ['review.return', 'reviewer', { opinion: '证据不充分，请补充询问笔录', items: reviewItems({ factsEvidence: '缺询问笔录' }) }],
  ['draft.revise', 'handler', { draft: sampleDraft({ evidence: [{ kind: '询问笔录', description: '补充' }] }) }],
  ['review.submit', 'handler', { attestation: true }],
  ['review.approve', 'reviewer', { draftHash: hash, opinion: '同意。事实清楚，证据确凿，适用依据正确，程序合法。', items: reviewItems() }],
  [
    'discussion.record',
    'head',
    {
      members: [
        { name: '陈局长', opinion: '同意' },
        { name: '李副局长', opinion: '同意' },
      ],
      conclusion: '同意',
    },
  ],
  ['decision.issue', 'head', { draftHash: hash }],
  ['decision.serve', 'clerk', {}],
  ['publication.publish', 'clerk', {}],
  ['case.close', 'clerk', {}],
];

function caseEntries(caseId: string, startMs: number): RecordEntry[] {
  return steps.map(([type, role, extra], i) => {
    const a = actor(`${role}-${caseId.slice(0, 4)}`, role);
    return {
      caseId,
      seq: i + 1,
      type,
      payload: { type, ...extra, actor: a },
      actorId: a.id,
      actorRole: role,
      at: new Date(startMs + i * 60_000).toISOString(),
      draftHash: hash,
      accepted: true,
      refusal: null,
    };
  });
}

const database = await createDb(`file:${dbPath}`);
const writer = await database.openWriter();
let written = Number((await database.client.execute('SELECT count(*) AS n FROM case_events')).rows[0]?.n ?? 0);
const fillStart = performance.now();
while (written < target) {
  const entries: RecordEntry[] = [];
  while (entries.length < 3000 && written + entries.length < target)
    entries.push(...caseEntries(randomUUID(), Date.UTC(2026, 0, 5) + written * 1000));
  const batch = entries.slice(0, target - written);
  await writer.write({ entries: batch });
  written += batch.length;
}
const fillSeconds = Math.round((performance.now() - fillStart) / 1000);
for (const workers of [0, Number(values.workers)]) {
  const source = nativeRecordSource(dbPath);
  const cpu = process.cpuUsage();
  const report = await verifyRecord(database.client, { source, parallel: { path: dbPath, workers, minEntries: 0 } });
  const used = process.cpuUsage(cpu);
  source.close();
  const cpuSeconds = (used.user + used.system) / 1e6;
  console.log(
    JSON.stringify({
      dbPath,
      workers: report.workers,
      entries: report.entries,
      ok: report.ok,
      fillSeconds,
      elapsedMs: report.elapsedMs,
      entriesPerSecond: report.entriesPerSecond,
      cpuSeconds: Math.round(cpuSeconds * 100) / 100,
      entriesPerCpuSecond: Math.round(report.entries / cpuSeconds),
    }),
  );
}
database.close();
