// The tamper-evident record end to end: an attacker with the database file drops the triggers and alters,
// deletes, reorders or rewrites rows; `npm run audit:verify` (a child process) names what broke, an
// untouched file verifies clean, and a checkpoint with a bad signature is caught.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createClient } from '@libsql/client';
import { libsqlSqlClient } from '../../../db/core/libsql-database.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { verifyRecord } from '../../../db/audit/audit-verify.js';
import { getJson, runReturnedHeardDiscussedCase, send, type DecidedCase } from './audit-helpers.js';
import { openAsAttacker, rechain, runVerifyCli, swapEntries, tamperedCopy } from './tamper.js';
import { decisionServe } from '../../helpers/party-commands.js';

let t: TestApp;
let cases: DecidedCase[];
let entries: { id: number; type: string; caseId: string }[];
let checkpointFile: string;
let checkpointSequence: number;

const entryOf = (caseId: string, type: string) => entries.find((e) => e.caseId === caseId && e.type === type)!;
const report = (run: { stdout: string }) => JSON.parse(run.stdout);

beforeAll(async () => {
  t = await createTestApp();
  cases = [await runReturnedHeardDiscussedCase(t), await runReturnedHeardDiscussedCase(t)];
  const created = await t.call('POST', '/api/v1/audit/checkpoints', 'auditor1');
  expect(created.status).toBe(201);
  checkpointSequence = (await created.json()).sequence;
  const exported = await getJson(t, '/api/v1/audit/checkpoints', 'auditor1');
  checkpointFile = join(dirname(t.dbPath), 'checkpoints.json');
  writeFileSync(checkpointFile, JSON.stringify(exported));
  await send(t, cases[1]!.id, 'clerk1', decisionServe());
  const rows = await t.services.database.client.execute('SELECT id, type, case_id FROM case_events ORDER BY id');
  entries = rows.rows.map((r) => ({ id: Number(r.id), type: String(r.type), caseId: String(r.case_id) }));
  await t.services.writer.drain();
  await t.services.database.client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
});
afterAll(async () => {
  await t.close();
});

describe('npm run audit:verify', () => {
  it('verifies an untouched record clean, with its exported checkpoints', async () => {
    const [inline, parallel] = await Promise.all([
      runVerifyCli(['--db', t.dbPath, '--checkpoints', checkpointFile, '--json', '--workers', '0']),
      runVerifyCli(['--db', t.dbPath, '--checkpoints', checkpointFile]),
    ]);
    expect(inline.code, inline.stderr).toBe(0);
    expect(report(inline)).toMatchObject({
      ok: true,
      entries: entries.length,
      issueCount: 0,
      firstBroken: null,
      checkpoints: { checked: 2, issues: [] },
    });
    expect(report(inline).streams).toEqual({ checked: 2, issues: [] });
    expect(parallel.code).toBe(0);
    expect(parallel.stdout).toContain('RESULT: record intact');
  });

  it('names an altered, a removed and a reordered entry, inline and in worker threads alike', async () => {
    const approve = entryOf(cases[0]!.id, 'review.approve');
    const decision = entryOf(cases[0]!.id, 'decision.issue');
    const submit = entryOf(cases[1]!.id, 'review.submit');
    const altered = await tamperedCopy(t.services.database.client, t.dbPath, 'altered', async (db) => {
      await db.execute({ sql: "UPDATE case_events SET payload = replace(payload, '同意。', '不同意。') WHERE id = ?", args: [approve.id] });
    });
    const removed = await tamperedCopy(t.services.database.client, t.dbPath, 'removed', (db) =>
      db.execute({ sql: 'DELETE FROM case_events WHERE id = ?', args: [decision.id] }).then(() => undefined),
    );
    const reordered = await tamperedCopy(t.services.database.client, t.dbPath, 'reordered', (db) =>
      swapEntries(db, submit.id, submit.id + 1),
    );
    const runs = await Promise.all([altered, removed, reordered].map((db) => runVerifyCli(['--db', db, '--json', '--workers', '0'])));
    for (const run of runs) expect(run.code, run.stderr).toBe(1);
    const [alteredRun, removedRun, reorderedRun] = runs.map(report);
    expect(alteredRun.firstBroken).toMatchObject({
      id: approve.id,
      caseId: cases[0]!.id,
      type: 'review.approve',
      problem: 'hash_mismatch',
    });
    const afterDecision = entries.find((e) => e.id === decision.id + 1)!;
    expect(removedRun.firstBroken).toMatchObject({
      id: afterDecision.id,
      caseId: afterDecision.caseId,
      type: afterDecision.type,
      problem: 'gap',
    });
    expect(removedRun.firstBroken.detail).toContain(`entries ${decision.id}–${decision.id} are missing`);
    expect(reorderedRun.firstBroken).toMatchObject({ id: submit.id, caseId: cases[1]!.id, problem: 'reorder' });
    expect(reorderedRun.firstBroken.detail).toContain(`chained after entry ${submit.id + 1}`);
    // Worker threads over tiny pages put breaks on page boundaries; they must name exactly the same entries.
    for (const [db, inline] of [
      [altered, alteredRun],
      [removed, removedRun],
      [reordered, reorderedRun],
    ] as const) {
      const client = createClient({ url: `file:${db}` });
      const parallel = await verifyRecord(libsqlSqlClient(client), { pageSize: 3, parallel: { path: db, workers: 2, minEntries: 0 } });
      client.close();
      expect(parallel.workers).toBe(2);
      expect(parallel.issues).toEqual(inline.issues);
    }
  });

  it('prints the first broken entry for people and exits non-zero', async () => {
    const approve = entryOf(cases[1]!.id, 'review.approve');
    const db = await tamperedCopy(t.services.database.client, t.dbPath, 'altered-text', (d) =>
      d.execute({ sql: "UPDATE case_events SET at = '2020-01-01T00:00:00.000Z' WHERE id = ?", args: [approve.id] }).then(() => undefined),
    );
    const run = await runVerifyCli(['--db', db]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`FIRST BROKEN ENTRY: id ${approve.id}, case ${cases[1]!.id}, type review.approve: hash_mismatch`);
    expect(run.stdout).toContain('RESULT: RECORD ALTERED');
  });

  it('catches a consistently rewritten chain and a truncated tail through the signed checkpoints', async () => {
    const approve = entryOf(cases[0]!.id, 'review.approve');
    const rewritten = await tamperedCopy(t.services.database.client, t.dbPath, 'rewritten', async (db) => {
      await db.execute({ sql: "UPDATE case_events SET payload = replace(payload, '同意。', '不同意。') WHERE id = ?", args: [approve.id] });
      await rechain(db, approve.id);
    });
    const truncated = await tamperedCopy(t.services.database.client, t.dbPath, 'truncated', (db) =>
      db.execute({ sql: 'DELETE FROM case_events WHERE id >= ?', args: [checkpointSequence] }).then(() => undefined),
    );
    const [rewrite, truncate] = (
      await Promise.all([
        runVerifyCli(['--db', rewritten, '--checkpoints', checkpointFile, '--json']),
        runVerifyCli(['--db', truncated, '--json']),
      ])
    ).map((run) => {
      expect(run.code, run.stderr).toBe(1);
      return report(run);
    });
    expect(rewrite.issueCount).toBe(0);
    expect(rewrite.checkpoints.issues.map((i: any) => [i.source, i.problem, i.sequence])).toEqual([
      ['database', 'head_mismatch', checkpointSequence],
      ['file', 'head_mismatch', checkpointSequence],
    ]);
    expect(truncate.checkpoints.issues).toMatchObject([{ source: 'database', problem: 'beyond_head', sequence: checkpointSequence }]);
    expect(truncate.streams.issues.map((s: any) => [s.stream, s.problem])).toEqual([[cases[1]!.id, 'missing_tail']]);
  });

  it('catches a checkpoint with a bad signature, in the database or in the exported file, and an untrusted key', async () => {
    const exported = JSON.parse(readFileSync(checkpointFile, 'utf8'));
    const forged = join(dirname(t.dbPath), 'forged.json');
    const flip = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
    writeFileSync(forged, JSON.stringify({ ...exported, items: [{ ...exported.items[0], signature: flip(exported.items[0].signature) }] }));
    const resigned = await tamperedCopy(t.services.database.client, t.dbPath, 'bad-signature', (db) =>
      db
        .execute(
          "UPDATE checkpoints SET head_hash = (CASE WHEN substr(head_hash, 1, 1) = '0' THEN '1' ELSE '0' END) || substr(head_hash, 2)",
        )
        .then(() => undefined),
    );
    const other = 'MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=';
    const [file, database, untrusted] = (
      await Promise.all([
        runVerifyCli(['--db', t.dbPath, '--checkpoints', forged, '--json']),
        runVerifyCli(['--db', resigned, '--json']),
        runVerifyCli(['--db', t.dbPath, '--public-key', other, '--json']),
      ])
    ).map((run) => {
      expect(run.code, run.stderr).toBe(1);
      return report(run);
    });
    expect(file.checkpoints.issues).toMatchObject([{ source: 'file', problem: 'bad_signature', sequence: checkpointSequence }]);
    expect(file.issueCount).toBe(0);
    expect(database.checkpoints.issues).toMatchObject([{ source: 'database', problem: 'bad_signature' }]);
    expect(untrusted.checkpoints.issues).toMatchObject([{ source: 'database', problem: 'untrusted_key' }]);
  });
});

describe('the audit API', () => {
  it('refuses checkpoints and verification to other roles, changing nothing', async () => {
    const before = await getJson(t, '/api/v1/audit/checkpoints', 'admin1');
    expect((await (await t.call('POST', '/api/v1/audit/checkpoints', 'clerk1')).json()).type).toBe('/problems/wrong-role');
    expect((await getJson(t, '/api/v1/audit/verify', 'handler1', 403)).type).toBe('/problems/wrong-role');
    expect((await getJson(t, '/api/v1/audit/checkpoints', 'head1', 403)).type).toBe('/problems/wrong-role');
    expect((await getJson(t, '/api/v1/audit/checkpoints', 'admin1')).items).toEqual(before.items);
  });

  it('GET /audit/verify reports the live record clean, then names an entry altered behind its back', async () => {
    const clean = await getJson(t, '/api/v1/audit/verify', 'auditor1');
    expect(clean).toMatchObject({ ok: true, entries: entries.length, firstBroken: null });
    const target = entryOf(cases[1]!.id, 'hearing.hold');
    const attacker = await openAsAttacker(t.dbPath);
    await attacker.execute({
      sql: "UPDATE case_events SET payload = replace(payload, '无异议', '有异议') WHERE id = ?",
      args: [target.id],
    });
    attacker.close();
    const broken = await getJson(t, '/api/v1/audit/verify', 'auditor1');
    expect(broken).toMatchObject({
      ok: false,
      issueCount: 1,
      firstBroken: { id: target.id, caseId: cases[1]!.id, type: 'hearing.hold', problem: 'hash_mismatch' },
    });
  });
});
