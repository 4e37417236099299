// Check 3 of the proof for any major-decision kind (查封扣押, 行政许可, 行政强制执行): the decisions_require_approved_review
// trigger refuses a decision row on a major case of the kind unless the latest review of that very draft hash
// approved it, and lets a minor one through. Each kind's test file passes its API path and fixtures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/** What a kind's trigger test needs: its machine kind, API path, a decision outcome, and a major and a minor draft. */
export interface KindTriggerCase {
  /** The machine kind, as `cases.machine_id` and in the test names. */
  kind: string;
  /** The kind's name in the describe block. */
  label: string;
  /** The API path segment, e.g. `coercion-cases`. */
  path: string;
  /** A `decisions.outcome` of the kind. */
  outcome: string;
  /** The request body of a major (true) or minor (false) case. */
  draft: (t: TestApp, major: boolean) => unknown;
}

/** Declares the trigger's three behaviours on cases of `k`, over a fresh test app. */
export function describeDecisionTrigger(k: KindTriggerCase): void {
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

  /** A real case opened through the API: its row says the kind's machine_id and whether it is major. */
  async function openCase(major: boolean): Promise<{ id: string; hash: string }> {
    const res = await t.call('POST', `/api/v1/${k.path}`, 'handler1', k.draft(t, major));
    const body = await res.json();
    const row = await t.services.store.get(body.id);
    expect(row?.machineId).toBe(k.kind);
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
    const statement = 'INSERT INTO decisions (case_id, event_id, draft_hash, head_id, outcome, is_major, at) VALUES (?, ?, ?, ?, ?, ?, ?)';
    return sql(statement, [caseId, 880000 + ids, hash, t.users.head1.id, k.outcome, isMajor, at]);
  }

  const decisionsOf = async (caseId: string) =>
    Number((await sql('SELECT count(*) AS n FROM decisions WHERE case_id = ?', [caseId])).rows[0]!.n);
  const refused = /decision refused: no approving legal review/;

  describe(`the decisions_require_approved_review trigger on ${k.label} cases`, () => {
    it(`refuses a decision row on a major ${k.kind} case with no review, even when the row claims it is minor`, async () => {
      const c = await openCase(true);
      await expect(decide(c.id, c.hash, 1)).rejects.toThrow(refused);
      await expect(decide(c.id, c.hash, 0)).rejects.toThrow(refused);
      expect(await decisionsOf(c.id)).toBe(0);
    });

    it('refuses it when the latest review of that hash returned it, or the approval judged another draft', async () => {
      const c = await openCase(true);
      await review(c.id, c.hash, 'approved');
      await review(c.id, c.hash, 'returned');
      await expect(decide(c.id, c.hash, 1)).rejects.toThrow(refused);
      const d = await openCase(true);
      await review(d.id, 'a'.repeat(64), 'approved');
      await expect(decide(d.id, d.hash, 1)).rejects.toThrow(refused);
      expect(await decisionsOf(c.id)).toBe(0);
    });

    it(`accepts it once the latest review of that hash approved it, and a minor ${k.kind} case without review`, async () => {
      const c = await openCase(true);
      await review(c.id, c.hash, 'approved');
      await decide(c.id, c.hash, 1);
      expect(await decisionsOf(c.id)).toBe(1);
      const minor = await openCase(false);
      await decide(minor.id, minor.hash, 0);
      expect(await decisionsOf(minor.id)).toBe(1);
    });
  });
}
