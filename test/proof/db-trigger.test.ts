// Check 3 of the proof, defense in depth: below the machine and the service, the database itself refuses a
// decision row on a major case unless the latest review of that very draft hash approved it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sampleDraft, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const sql = (statement: string, args: (string | number)[] = []) => t.services.database.client.execute({ sql: statement, args });
const at = '2026-03-02T02:00:00.000Z';
let reviewIds = 0;

/** A real major case opened through the API: its row says is_major = 1. */
async function majorCase(): Promise<{ id: string; hash: string }> {
  const res = await t.call('POST', '/api/v1/cases', 'handler1', sampleDraft({ title: `案 ${Math.random()}` }));
  const body = await res.json();
  expect(body.major.isMajor).toBe(true);
  return { id: body.id, hash: body.draft.hash };
}

function review(caseId: string, hash: string, outcome: 'approved' | 'returned' | 'referred') {
  reviewIds += 1;
  return sql(
    'INSERT INTO reviews (case_id, event_id, draft_hash, reviewer_id, outcome, opinion, items, at) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)',
    [caseId, 900000 + reviewIds, hash, t.users.reviewer1.id, outcome, '意见', at],
  );
}

function decide(caseId: string, hash: string, outcome = 'penalty', isMajor = 1) {
  return sql('INSERT INTO decisions (case_id, event_id, draft_hash, head_id, outcome, is_major, at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
    caseId,
    990000,
    hash,
    t.users.head1.id,
    outcome,
    isMajor,
    at,
  ]);
}

async function decisionsOf(caseId: string): Promise<number> {
  return Number((await sql('SELECT count(*) AS n FROM decisions WHERE case_id = ?', [caseId])).rows[0]!.n);
}

const refused = /decision refused: no approving legal review/;

describe('the decisions_require_approved_review trigger', () => {
  it('refuses a raw decision row on a major case that has no review at all', async () => {
    const c = await majorCase();
    await expect(decide(c.id, c.hash)).rejects.toThrow(refused);
    expect(await decisionsOf(c.id)).toBe(0);
  });

  it('refuses it when the latest review of that hash returned the draft, even after an earlier approval', async () => {
    const c = await majorCase();
    await review(c.id, c.hash, 'approved');
    await review(c.id, c.hash, 'returned');
    await expect(decide(c.id, c.hash)).rejects.toThrow(refused);
    expect(await decisionsOf(c.id)).toBe(0);
  });

  it('refuses it when the approval judged another draft, or when the row claims the major case is minor', async () => {
    const c = await majorCase();
    await review(c.id, 'a'.repeat(64), 'approved');
    await expect(decide(c.id, c.hash)).rejects.toThrow(refused);
    await expect(decide(c.id, c.hash, 'penalty', 0)).rejects.toThrow(refused);
    expect(await decisionsOf(c.id)).toBe(0);
  });

  it('refuses a penalty after a referral (建议移送) but accepts the transfer it recommends', async () => {
    const c = await majorCase();
    await review(c.id, c.hash, 'referred');
    await expect(decide(c.id, c.hash, 'penalty')).rejects.toThrow(refused);
    await decide(c.id, c.hash, 'transfer');
    expect(await decisionsOf(c.id)).toBe(1);
  });

  it('accepts the decision once the latest review of that exact hash is an approval', async () => {
    const c = await majorCase();
    await review(c.id, c.hash, 'returned');
    await review(c.id, c.hash, 'approved');
    await decide(c.id, c.hash);
    expect(await decisionsOf(c.id)).toBe(1);
  });

  it('treats a decision for an unknown case as major (fails closed)', async () => {
    await expect(decide('no-such-case', 'b'.repeat(64), 'penalty', 0)).rejects.toThrow(refused);
  });
});
