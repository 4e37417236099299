// The proof of the 行政强制执行 machine over its whole abstract state space: from a major and from a minor and a
// court opening, with every honest and hostile event of the alphabet, (a)–(d) hold in every reachable state and
// no state is a dead end. A machine with a broken guard is caught, so the proof can fail.
import { describe, expect, it } from 'vitest';
import { executionMachine } from '../../../machines/execution/execution.machine.js';
import { abstractKey, exploreExecution, modelDrafts, type Model } from './execution-model.js';
import { findExecutionViolations, liveKeys, spaceCounts } from './execution-invariants.js';

const people = { handler1: 'h1', handler2: 'h2', reviewer1: 'r1', reviewer2: 'r2', head1: 'hd1', clerk1: 'c1' };
const base: Model = { people, drafts: modelDrafts(people), at: '2026-03-10T02:00:00.000Z', revisions: [] };
/** Each exploration revises among a few drafts (the key names every draft, so more would multiply the space). */
const models = {
  major: { ...base, revisions: ['A', 'M', 'X'] },
  substitute: { ...base, revisions: ['S', 'H', 'X'] },
  court: { ...base, revisions: ['C', 'M', 'X'] },
} satisfies Record<string, Model>;
const model = models.major;

function prove(m: Model, space: ReturnType<typeof exploreExecution>) {
  const live = liveKeys(space as never, (s) => abstractKey(m, s));
  expect(findExecutionViolations(space).slice(0, 5)).toEqual([]);
  expect(Object.keys(space).filter((k) => !live.has(k))).toEqual([]);
  return spaceCounts(space as never);
}

describe('the whole state space of the 行政强制执行 machine', () => {
  it('holds (a)–(d) with no dead end from a major opening (强制拆除), reaching every state', { timeout: 300_000 }, () => {
    const space = exploreExecution(model, model.drafts.A);
    const counts = prove(model, space);
    console.log(`[proof] execution version 1, major opening (A; revisions A, M, X): ${JSON.stringify(counts)}`);
    const states = new Set(Object.values(space).map((n) => JSON.stringify(n.state.value)));
    for (const s of [
      'awaitingNotice',
      'drafting',
      'correcting',
      'awaitingDecision',
      'decided',
      'suspended',
      'concluded',
      'closed',
      'withdrawn',
    ]) {
      expect(states).toContain(`"${s}"`);
    }
    expect(states).toContain('{"inReview":"assigned"}');
  });

  it('holds (a)–(d) with no dead end from a 代履行 and a court opening, each route reaching its conclusions', { timeout: 300_000 }, () => {
    const expected = { substitute: ['executed', 'performed', 'terminated'], court: ['court_enforced', 'performed', 'terminated'] };
    for (const [name, draft] of [
      ['substitute', base.drafts.S],
      ['court', base.drafts.C],
    ] as const) {
      const m = models[name];
      const space = exploreExecution(m, draft);
      console.log(`[proof] execution version 1, ${name} opening (revisions ${m.revisions.join(', ')}): ${JSON.stringify(prove(m, space))}`);
      const results = new Set(Object.values(space).flatMap((n) => (n.state.context.conclusion ? [n.state.context.conclusion.result] : [])));
      expect([...results].sort()).toEqual(expect.arrayContaining(expected[name]));
    }
  });

  it('catches a machine whose approval guard always passes, or that skips review of a major case', { timeout: 300_000 }, () => {
    for (const guard of ['isApprovedDraftCurrent', 'isReviewNotRequired'] as const) {
      const broken = executionMachine.provide({ guards: { [guard]: () => true } });
      expect(findExecutionViolations(exploreExecution(model, model.drafts.A, broken)).map((v) => v.property)).toContain(
        'a:decided-without-approval',
      );
    }
  });

  it('catches a machine that decides during the 催告, over an unadopted statement, on a holiday, or carries out on a Sunday', {
    timeout: 300_000,
  }, () => {
    const minor: Model = { ...base, revisions: ['M', 'H'] };
    const cases = [
      ['isNoticePeriodOver', 'b:decided-during-notice'],
      ['areStatementsAdopted', 'b:statement-not-adopted'],
      ['isNotRestDay', 'c:planned-on-rest-day'],
      ['isCarryLawful', 'c:carried-on-rest-day'],
    ] as const;
    for (const [guard, property] of cases) {
      const broken = executionMachine.provide({ guards: { [guard]: () => true } });
      expect(findExecutionViolations(exploreExecution(minor, minor.drafts.M, broken)).map((v) => v.property)).toContain(property);
    }
  });
});
