// Check 4 of the proof: random interleavings of API commands by several users, some fired at once on the
// same case, checked against the machine as model; a failure shrinks to a minimal command sequence.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { caseMachine } from '../../machines/case/case.machine.js';
import type { CaseContext } from '../../machines/case/case.context.js';
import type { CaseEvent } from '../../machines/case/case.events.js';
import { refuseActor } from '../../machines/case/case.rules.js';
import { catalogOf } from '../../server/services.js';
import { proofPolicy } from './proof-policy.js';
import { commandArb, fire, honestRoute, modelDrafts, type Command, type Seen } from './model-commands.js';

let t: TestApp;
const stats = { requests: 0, accepted: 0, refused: 0, raced: 0, decided: 0 };
beforeAll(async () => {
  t = await createTestApp({ policy: proofPolicy() });
});
afterAll(async () => {
  await t.close();
});

interface Entry {
  seq: number | null;
  type: string;
  payload: Record<string, unknown>;
  at: string;
  accepted: boolean;
  refusal: { code: string } | null;
}

/** Replays the case's own record (its true serial order) through the machine; answers the final snapshot and errors. */
function replayRecord(entries: Entry[]): { snapshot: AnyMachineSnapshot; errors: string[] } {
  const [open, ...rest] = entries;
  const input = {
    caseId: 'model',
    handlerId: t.users.handler1.id,
    draft: open!.payload.draft as never,
    catalog: catalogOf(t.services.policy),
    at: open!.at,
  };
  let snapshot = initialTransition(caseMachine, input)[0];
  const errors: string[] = [];
  for (const entry of rest) {
    const event = { ...entry.payload, at: entry.at } as CaseEvent;
    const modelAccepts = refuseActor(snapshot.context as CaseContext, event) === null && snapshot.can(event);
    const raced = !entry.accepted && entry.refusal?.code === 'version_mismatch';
    if (entry.accepted !== modelAccepts && !raced)
      errors.push(`${entry.type} by ${String((event.actor as { id: string }).id)}: API ${entry.accepted}, model ${modelAccepts}`);
    if (entry.accepted) snapshot = transition(caseMachine, snapshot, event)[0];
  }
  return { snapshot, errors };
}

async function view(id: string) {
  return (await t.call('GET', `/api/v1/cases/${id}`, 'head1')).json();
}

/** Runs one scenario and checks the invariants; returns the broken ones (empty when all hold). */
async function scenario(prefix: number, rounds: Command[][]): Promise<string[]> {
  const opened = await (await t.call('POST', '/api/v1/cases', 'handler1', modelDrafts.major)).json();
  const seen: Seen = { caseId: opened.id, version: 1, current: opened.draft.hash, first: opened.draft.hash };
  const answers: { status: number; version?: number }[][] = [];
  for (const cmd of [...honestRoute.slice(0, prefix).map((r) => [r]), ...rounds]) {
    const v = await view(seen.caseId);
    Object.assign(seen, { version: v.version, current: v.draft.hash });
    answers.push(...(await Promise.all(cmd.map((command) => fire(t, command, seen)))));
  }
  const record: Entry[] = (await (await t.call('GET', `/api/v1/cases/${seen.caseId}/events?include=refused`, 'auditor1')).json()).items;
  const { snapshot, errors } = replayRecord(record);
  const final = await view(seen.caseId);
  const accepted = record.filter((e) => e.accepted);
  Object.assign(stats, {
    requests: stats.requests + answers.flat().length,
    accepted: stats.accepted + accepted.length - 1,
    refused: stats.refused + record.length - accepted.length,
    raced: stats.raced + record.filter((e) => e.refusal?.code === 'version_mismatch').length,
    decided: stats.decided + (final.decision ? 1 : 0),
  });
  const oks = answers.filter((pair) => pair.some((a) => a.status === 200));
  if (answers.some((pair) => pair.length === 2 && (pair[0]!.status !== pair[1]!.status || pair[0]!.version !== pair[1]!.version)))
    errors.push('a repeated request got two different answers');
  if (final.version !== 1 + oks.length || accepted.length !== final.version)
    errors.push(`version ${final.version} after ${oks.length} accepted requests and ${accepted.length} record entries`);
  if (accepted.some((e, i) => e.seq !== i + 1)) errors.push('record seqs are not contiguous');
  if (new Set(oks.map((pair) => pair[0]!.version)).size !== oks.length) errors.push('two accepted requests produced the same version');
  if (JSON.stringify(final.stateValue) !== JSON.stringify(snapshot.value))
    errors.push(`API state ${JSON.stringify(final.stateValue)} ≠ model ${JSON.stringify(snapshot.value)}`);
  errors.push(...decisionBacked(final));
  return errors;
}

/** No decision on a major case without an approval (or, for a transfer, a referral) of the same draft hash. */
function decisionBacked(v: {
  major: { isMajor: boolean };
  decision: { draftHash: string; outcome: string } | null;
  review: { outcome: string; draftHash: string } | null;
}): string[] {
  if (!v.decision || !v.major.isMajor) return [];
  const r = v.review;
  const passing =
    r &&
    r.draftHash === v.decision.draftHash &&
    (r.outcome === 'approved' || (r.outcome === 'referred' && v.decision.outcome === 'transfer'));
  return passing ? [] : ['a major case was decided without an approval of the decided draft'];
}

describe('model-based random testing of the API', () => {
  // Thousands of requests through the real stack: minutes on a loaded 2-core machine, seconds on a quiet one.
  it('keeps the API equal to the machine under random, concurrent and repeated commands', { timeout: 300_000 }, async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: honestRoute.length }),
        fc.array(fc.array(commandArb, { minLength: 1, maxLength: 3 }), { maxLength: 8 }),
        async (prefix, rounds) => {
          runs += 1;
          expect(await scenario(prefix, rounds)).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
    console.log(`[proof] model-based: ${runs} random scenarios, ${JSON.stringify(stats)}`);
    expect(runs).toBeGreaterThanOrEqual(40);
  });
});
