// Check 3 of the proof for 行政强制执行: the decisions_require_approved_review trigger holds for this kind too. Below
// the machine and the service, the database refuses a decision row on a major execution case unless the latest
// review of that very draft hash approved it, and lets a minor one through without review.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { executionDraft, minorDraft } from '../../server/execution/execution-fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const sql = (statement: string, args: (string | number)[] = []) => t.services.database.client.execute({ sql: statement, args });
const at = '2026-03-02T02:00:00.000Z';
let ids = 0;

/** A real execution case opened through the API: its row says machine_id 'execution' and whether it is major. */
async function executionCase(major: boolean): Promise<{ id: string; hash: string }> {
  const res = await t.call('POST', '/api/v1/execution-cases', 'handler1', major ? executionDraft() : minorDraft());
  const body = await res.json();
  const row = await t.services.store.get(body.id);
  expect(row?.machineId).toBe('execution');
  return { id: body.id, hash: body.draft.hash };
}

function review(caseId: string, hash: string, outcome: 'approved' | 'returned') {
  ids += 1;
  return sql(
    'INSERT INTO reviews (case_id, event_id, draft_hash, reviewer_id, outcome, opinion, items, at) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)',
    [caseId, 800000 + ids, hash, t.users.reviewer1.id, outcome, '意见', at],
  );
}

function decide(caseId: string, hash: string, isMajor: number) {
  ids += 1;
  return sql('INSERT INTO decisions (case_id, event_id, draft_hash, head_id, outcome, is_major, at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
    caseId,
    880000 + ids,
    hash,
    t.users.head1.id,
    'execution_enforce',
    isMajor,
    at,
  ]);
}

const decisionsOf = async (caseId: string) =>
  Number((await sql('SELECT count(*) AS n FROM decisions WHERE case_id = ?', [caseId])).rows[0]!.n);
const refused = /decision refused: no approving legal review/;

describe('the decisions_require_approved_review trigger on 行政强制执行 cases', () => {
  it('refuses a decision row on a major execution case with no review, even when the row claims it is minor', async () => {
    const c = await executionCase(true);
    await expect(decide(c.id, c.hash, 1)).rejects.toThrow(refused);
    await expect(decide(c.id, c.hash, 0)).rejects.toThrow(refused);
    expect(await decisionsOf(c.id)).toBe(0);
  });

  it('refuses it when the latest review of that hash returned it, or the approval judged another draft', async () => {
    const c = await executionCase(true);
    await review(c.id, c.hash, 'approved');
    await review(c.id, c.hash, 'returned');
    await expect(decide(c.id, c.hash, 1)).rejects.toThrow(refused);
    const d = await executionCase(true);
    await review(d.id, 'a'.repeat(64), 'approved');
    await expect(decide(d.id, d.hash, 1)).rejects.toThrow(refused);
    expect(await decisionsOf(c.id)).toBe(0);
  });

  it('accepts it once the latest review of that hash approved it, and a minor execution case without review', async () => {
    const c = await executionCase(true);
    await review(c.id, c.hash, 'approved');
    await decide(c.id, c.hash, 1);
    expect(await decisionsOf(c.id)).toBe(1);
    const minor = await executionCase(false);
    await decide(minor.id, minor.hash, 0);
    expect(await decisionsOf(minor.id)).toBe(1);
  });
});
