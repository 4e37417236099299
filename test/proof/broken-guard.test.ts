// Check 5 of the proof: the proof can fail. With a guard replaced by `() => true`, the state-space check
// reports a counterexample path, and replaying that path on a stack running the broken machine is caught
// by the database trigger (review skipped) or by the API-versus-model comparison (stale hash accepted).
import { describe, expect, it } from 'vitest';
import { caseMachine } from '../../machines/case/case.machine.js';
import { exploreSpace } from './proof-space.js';
import { findViolations, pathTo } from './proof-invariants.js';
import { initialKey } from './proof-paths.js';
import { createProofApp } from './proof-app.js';
import { replayPath } from './proof-replay.js';

/** The first violation of `property` under `machine`, as the labels of a path from 立案 to it. */
function counterexample(machine: typeof caseMachine, property: string): string[] {
  const space = exploreSpace(machine);
  const violations = findViolations(space);
  const hit = violations.find((v) => v.property === property);
  expect(hit, `no ${property} among ${violations.length} violations`).toBeDefined();
  const path = [...pathTo(space, initialKey(machine), hit!.key), ...(hit!.event ? [hit!.event] : [])];
  console.log(`[proof] counterexample (${property}): ${path.join(' → ')}`);
  return path;
}

/** Replays `labels` on a fresh stack running `machine`; the model stays the real machine. */
async function replayOnBrokenStack(machine: typeof caseMachine, labels: string[]) {
  const app = await createProofApp(machine);
  try {
    const counts = { requests: 0, accepted: 0, refused: 0 };
    const mismatches = await replayPath(
      app,
      labels.map((label) => ({ label })),
      [],
      counts,
    );
    const decisions = await app.t.services.database.client.execute('SELECT count(*) AS n FROM decisions');
    return { mismatches, decisions: Number(decisions.rows[0]!.n) };
  } finally {
    await app.close();
  }
}

describe('the proof catches a deliberately broken guard', () => {
  it('finds a major case decided without review when isReviewNotRequired always passes, and the DB trigger refuses it', async () => {
    const broken = caseMachine.provide({ guards: { isReviewNotRequired: () => true } });
    const path = counterexample(broken, 'a:no-passing-review');
    expect(path).not.toContain('reviewer1 review.approve current');
    expect(path.at(-1)).toMatch(/^head1 decision.issue/);
    const { mismatches, decisions } = await replayOnBrokenStack(broken, path);
    // The broken service accepts the decision, the trigger aborts its commit: a 500, and no decision row.
    expect(mismatches).toHaveLength(1);
    expect(mismatches[0]).toMatch(/status 500 .* model expects 422/);
    expect(decisions).toBe(0);
  });

  it('finds an approval with a failed item when isReviewOutcomeConsistent always passes, and the replay reports it', async () => {
    const broken = caseMachine.provide({ guards: { isReviewOutcomeConsistent: () => true } });
    const path = counterexample(broken, 'a:approved-with-failed-item');
    expect(path.at(-1)).toBe('reviewer1 review.approve failedItem current');
    const { mismatches } = await replayOnBrokenStack(broken, path);
    // The broken machine takes the approval; the model (the real rules) answers 422 review-outcome-inconsistent.
    expect(mismatches).toHaveLength(1);
    expect(mismatches[0]).toMatch(/status 200 .* model expects 422 \/problems\/review-outcome-inconsistent/);
  });

  it('finds a decision on a stale or forged hash when isApprovedDraftCurrent always passes, and the replay reports it', async () => {
    const broken = caseMachine.provide({ guards: { isApprovedDraftCurrent: () => true } });
    const path = counterexample(broken, 'a:decision-on-stale-or-forged-hash');
    expect(path).toContain('reviewer1 review.approve current');
    expect(path.at(-1)).toMatch(/^head1 decision.issue (stale|forged)/);
    const { mismatches } = await replayOnBrokenStack(broken, path);
    expect(mismatches).toHaveLength(1);
    expect(mismatches[0]).toMatch(/status 200 .* model expects 409/);
  });
});
