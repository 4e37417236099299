// Verification on PostgreSQL finds what a superuser changed behind the triggers' back: an altered record entry
// (its hash no longer matches, through the same canonical text SQLite builds), an edited projection and an
// altered issued document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewItems } from '../../machines/case/case.events.js';
import { verifyDatabase } from '../../server/audit/verify.js';
import { asSuperuser } from '../helpers/postgres.js';
import { createTestApp, sampleDraft, testPostgres, type TestApp } from '../helpers/test-app.js';
import { noticeSend } from '../helpers/party-commands.js';

let t: TestApp;
let caseId: string;
beforeAll(async () => {
  t = await createTestApp();
  const send = (user: 'handler1' | 'reviewer1', body: object) => t.call('POST', `/api/v1/cases/${caseId}/events`, user, body);
  caseId = ((await (await t.call('POST', '/api/v1/cases', 'handler1', sampleDraft())).json()) as { id: string }).id;
  for (const body of [noticeSend(), { type: 'rights.waive' }, { type: 'review.submit', attestation: true }])
    expect((await send('handler1', body)).status).toBe(200);
  expect((await send('reviewer1', { type: 'review.assign', reviewerId: t.users.reviewer1.id })).status).toBe(200);
  const returned = await send('reviewer1', {
    type: 'review.return',
    opinion: '补充证据',
    items: reviewItems({ factsEvidence: '补充证据' }),
  });
  expect(returned.status).toBe(200);
});
afterAll(async () => {
  await t.close();
});

/** Runs `sql` as the server's superuser with triggers off, as an attacker with the administrator's password could. */
const asSuperuserHere = (sql: string, values: unknown[]) => asSuperuser(testPostgres(), t.url, [{ sql, values }]);

describe('verification of a PostgreSQL database', () => {
  it('finds the untouched record intact', async () => {
    const report = await verifyDatabase(t.services.database);
    expect([report.ok, report.issueCount, report.projections?.issueCount]).toEqual([true, 0, 0]);
  });

  it('names an issued document (审核意见书) whose content was changed behind the guards', async () => {
    const [opinion] = await t.services.documents.byCase(caseId);
    expect(opinion?.kind).toBe('opinion');
    await asSuperuserHere("UPDATE case_documents SET content = replace(content, '补充证据', '同意') WHERE number = $1", [opinion!.number]);
    const report = await verifyDatabase(t.services.database, { projections: false });
    expect(report.ok).toBe(false);
    expect(report.documents.issues.map((i) => [i.number, i.problem])).toEqual([[opinion!.number, 'altered']]);
  });

  it('names an edited projection and an altered record entry', async () => {
    await asSuperuserHere("UPDATE reviews SET opinion = '同意' WHERE case_id = $1", [caseId]);
    const waiver = (await t.services.store.events(caseId, false)).find((e) => e.type === 'rights.waive')!;
    await asSuperuserHere('UPDATE case_events SET actor_id = $1 WHERE id = $2', [t.users.handler2.id, waiver.id]);
    const report = await verifyDatabase(t.services.database);
    expect(report.ok).toBe(false);
    expect(report.firstBroken).toMatchObject({ id: waiver.id, caseId, problem: 'hash_mismatch' });
    expect(report.projections?.issues.map((i) => [i.table, i.field])).toContainEqual(['reviews', 'opinion']);
  });
});
