// audit:verify and the issued documents: it checks every 审核意见书 and 决定书 row against the SHA-256 its
// issuing record entry carries, and fails naming the number of a document whose content was changed, whose
// row was removed, or whose row was moved under another entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewItems } from '../../../machines/case/case.events.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { runVerifyCli, tamperedCopy } from '../audit/tamper.js';
import { inReview, ok, type Json } from './review-law-helpers.js';

let t: TestApp;
let caseId = '';
let numbers: string[] = [];
beforeAll(async () => {
  t = await createTestApp();
  const c: Json = await inReview(t);
  caseId = c.id;
  await ok(t, c.id, 'reviewer1', {
    type: 'review.return',
    opinion: '请补充称重记录。',
    items: reviewItems({ factsEvidence: '缺少称重记录' }),
  });
  await ok(t, c.id, 'handler1', { type: 'review.submit', attestation: true });
  await ok(t, c.id, 'reviewer1', { type: 'review.approve', draftHash: c.draft.hash, opinion: '同意。', items: reviewItems() });
  numbers = (await t.services.documents.byCase(c.id)).map((d) => d.number);
});
afterAll(async () => {
  await t.close();
});

const tampered = (name: string, sql: string, args: (string | number)[]) =>
  tamperedCopy(t.services.database.client, t.dbPath, name, async (db) => {
    await db.execute({ sql, args });
  });

describe('audit:verify and the issued documents', () => {
  it('checks every document against its record entry and passes while they agree', async () => {
    expect(numbers).toHaveLength(2);
    const run = await runVerifyCli(['--db', t.dbPath, '--skip-evidence']);
    expect(run.stdout).toContain('documents: 2 issued documents checked against 2 record entries; 0 issues');
    expect(run.stdout).toContain('RESULT: record intact');
    expect(run.code).toBe(0);
  });

  it('names the document whose content no longer matches, one removed, and one moved to another entry', async () => {
    const [first, second] = numbers as [string, string];
    const altered = await tampered(
      'doc-altered',
      "UPDATE case_documents SET content = replace(content, '同意。', '不同意。') WHERE number = ?",
      [second],
    );
    const removed = await tampered('doc-removed', 'DELETE FROM case_documents WHERE number = ?', [first]);
    const moved = await tampered('doc-moved', 'UPDATE case_documents SET event_id = event_id + 1 WHERE number = ?', [first]);
    const [a, r, m] = await Promise.all([altered, removed, moved].map((db) => runVerifyCli(['--db', db, '--skip-evidence'])));
    expect(a!.stdout).toMatch(new RegExp(`DOCUMENT ${second} \\(case ${caseId}\\): altered`));
    expect(a!.stdout).not.toContain(`DOCUMENT ${first}`);
    expect(r!.stdout).toMatch(new RegExp(`DOCUMENT ${first} \\(case ${caseId}\\): missing`));
    expect(m!.stdout).toMatch(new RegExp(`DOCUMENT ${first} \\(case ${caseId}\\): record_mismatch`));
    for (const run of [a, r, m]) {
      expect(run!.stdout).toContain('RESULT: RECORD ALTERED');
      expect(run!.code).toBe(1);
    }
  });
});
