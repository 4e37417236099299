// The proof of the 查封、扣押 machine over its whole abstract state space: from a major and from a minor opening,
// with every honest and hostile event of the alphabet (late ones included), (a)–(c) hold in every reachable
// state and no state is a dead end. A machine with a broken guard is caught, so the proof can fail.
import { describe, expect, it } from 'vitest';
import { coercionMachine } from '../../../machines/coercion/coercion.machine.js';
import { abstractKey, exploreCoercion, modelDrafts, type Model } from './coercion-model.js';
import { findCoercionViolations, liveKeys, spaceCounts } from './coercion-invariants.js';

const people = { handler1: 'h1', handler2: 'h2', reviewer1: 'r1', reviewer2: 'r2', head1: 'hd1', clerk1: 'c1' };
const model: Model = { people, drafts: modelDrafts(people), at: '2026-03-02T02:00:00.000Z', lateEvents: true };

function prove(space: ReturnType<typeof exploreCoercion>) {
  const live = liveKeys(space, (s) => abstractKey(model, s));
  expect(findCoercionViolations(space).slice(0, 5)).toEqual([]);
  expect(Object.keys(space).filter((k) => !live.has(k))).toEqual([]);
  return spaceCounts(space);
}

describe('the whole state space of the 查封扣押 machine', () => {
  it('holds (a)–(c) with no dead end from a major opening', () => {
    const space = exploreCoercion(model, model.drafts.A);
    const counts = prove(space);
    console.log(`[proof] coercion version 1, major opening: ${JSON.stringify(counts)}`);
    const states = new Set(Object.values(space).map((n) => JSON.stringify(n.state.value)));
    for (const s of [
      '"drafting"',
      '{"inReview":"unassigned"}',
      '{"inReview":"assigned"}',
      '"correcting"',
      '"awaitingDecision"',
      '"inForce"',
      '"concluded"',
      '"closed"',
      '"withdrawn"',
    ]) {
      expect(states).toContain(s);
    }
    expect(counts.states).toBeGreaterThan(50);
  });

  it('holds (a)–(c) with no dead end from a minor opening, which is decided without review and never filed', () => {
    const space = exploreCoercion(model, model.drafts.M);
    const counts = prove(space);
    console.log(`[proof] coercion version 1, minor opening: ${JSON.stringify(counts)}`);
    const minorDecided = Object.values(space).some(
      (n) => n.state.matches('inForce') && !n.state.context.major.isMajor && n.state.context.review === null,
    );
    expect(minorDecided).toBe(true);
  });

  it('catches a machine whose approval guard always passes, or that skips review of a major case (the proof can fail)', () => {
    for (const guard of ['isApprovedDraftCurrent', 'isReviewNotRequired'] as const) {
      const broken = coercionMachine.provide({ guards: { [guard]: () => true } });
      const violations = findCoercionViolations(exploreCoercion(model, model.drafts.A, broken));
      expect(violations.map((v) => v.property)).toContain('a:decided-without-approval');
    }
  });

  it('catches a machine that extends twice (art 25: once)', () => {
    const broken = coercionMachine.provide({ guards: { isNotExtended: () => true } });
    const space = exploreCoercion(model, model.drafts.M, broken);
    const twice = Object.values(space).some((n) =>
      Object.values(n.transitions).some(
        (t) => t.event.type === 'measure.extend' && n.state.context.period?.extension && t.state !== n.state,
      ),
    );
    expect(twice).toBe(true);
  });
});
