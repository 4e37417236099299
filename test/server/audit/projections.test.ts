// Projections rebuilt from the record: a direct SQL edit of a review's opinion, a draft's content, a case's
// snapshot or a decision leaves the chain whole, yet audit:verify (a child process) names table, key and field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { differingPaths } from '../../../server/audit/verify-projections.js';
import { verifyDatabase } from '../../../server/audit/verify.js';
import { runReturnedHeardDiscussedCase, type DecidedCase } from './audit-helpers.js';
import { runVerifyCli, tamperedCopy } from './tamper.js';

let t: TestApp;
let c: DecidedCase;
let approveId: number;
const json = (run: { stdout: string }) => JSON.parse(run.stdout);

beforeAll(async () => {
  t = await createTestApp();
  c = await runReturnedHeardDiscussedCase(t);
  await runReturnedHeardDiscussedCase(t);
  const rows = await t.services.database.client.execute({
    sql: "SELECT id FROM case_events WHERE case_id = ? AND type = 'review.approve'",
    args: [c.id],
  });
  approveId = Number(rows.rows[0]!.id);
  await t.services.writer.drain();
});
afterAll(async () => {
  await t.close();
});

describe('audit:verify rebuilds the projections from the record', () => {
  it('finds an untouched database identical to its rebuild', async () => {
    const report = await verifyDatabase(t.services.database);
    expect(report.ok).toBe(true);
    expect(report.projections).toEqual({ checked: 2, issueCount: 0, issues: [] });
  });

  it('names reviews.opinion, draft_versions.content, cases.snapshot and decisions edited in SQL', async () => {
    const copy = await tamperedCopy(t.services.database.client, t.dbPath, 'projections', async (db) => {
      await db.execute({ sql: "UPDATE reviews SET opinion = '不同意：证据不足。' WHERE event_id = ?", args: [approveId] });
      await db.execute({
        sql: "UPDATE draft_versions SET content = json_set(content, '$.proposed.amountYuan', 1000) WHERE case_id = ? AND version = 2",
        args: [c.id],
      });
      await db.execute({
        sql: "UPDATE cases SET snapshot = json_set(snapshot, '$.context.review.outcome', 'returned') WHERE id = ?",
        args: [c.id],
      });
      await db.execute({ sql: "UPDATE decisions SET outcome = 'no_penalty' WHERE case_id = ?", args: [c.id] });
    });
    const run = await runVerifyCli(['--db', copy, '--json']);
    expect(run.code, run.stderr).toBe(1);
    const report = json(run);
    expect(report.issueCount).toBe(0);
    expect(report.projections.issues.map((i: any) => [i.table, i.key, i.field])).toEqual([
      ['cases', c.id, 'snapshot'],
      ['draft_versions', `${c.id} v2`, 'content'],
      ['reviews', `${c.id} entry ${approveId}`, 'opinion'],
      ['decisions', c.id, 'outcome'],
    ]);
    expect(report.projections.issues[0].detail).toContain('at context.review.outcome');
    const text = await runVerifyCli(['--db', copy]);
    expect(text.stdout).toContain(
      `PROJECTION reviews [${c.id} entry ${approveId}] opinion: reviews.opinion of ${c.id} entry ${approveId} is 不同意：证据不足。`,
    );
    expect(text.stdout).toContain('RESULT: RECORD ALTERED');
  });

  it('names rows deleted from or added to the projections', async () => {
    const copy = await tamperedCopy(t.services.database.client, t.dbPath, 'rows', async (db) => {
      await db.execute({ sql: 'DELETE FROM reviews WHERE event_id = ?', args: [approveId] });
      await db.execute({
        sql: 'INSERT INTO draft_versions (case_id, version, hash, content, author_id, at) SELECT case_id, 9, hash, content, author_id, at FROM draft_versions WHERE case_id = ? AND version = 1',
        args: [c.id],
      });
    });
    const report = json(await runVerifyCli(['--db', copy, '--json', '--workers', '0']));
    expect(report.projections.issues.map((i: any) => [i.table, i.key, i.field])).toEqual([
      ['draft_versions', `${c.id} v9`, '(row)'],
      ['reviews', `${c.id} entry ${approveId}`, '(row)'],
    ]);
  });

  it('skips the rebuild only when asked', async () => {
    const run = await runVerifyCli(['--db', t.dbPath, '--skip-projections', '--json']);
    expect(run.code).toBe(0);
    expect(json(run).projections).toBeNull();
  });
});

describe('differingPaths', () => {
  it.each([
    [{ a: 1 }, { a: 1 }, []],
    [{ a: { b: 1, c: 2 } }, { a: { b: 1, c: 3 } }, ['a.c']],
    [{ a: [1, 2] }, { a: [1] }, ['a']],
    [{ a: 1 }, { b: 1 }, ['a', 'b']],
    ['x', 'y', ['(value)']],
  ])('%j vs %j differ at %j', (a, b, paths) => {
    expect(differingPaths(a, b)).toEqual(paths);
  });
});
