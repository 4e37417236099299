// The proof of the 行政许可 (撤销 / 撤回) machine over its whole abstract state space: from a major and a minor
// opening, with every honest and hostile event of the alphabet (a late close of the hearing included), (a)–(c)
// hold in every reachable state and no state is a dead end. A machine with a broken guard is caught.
import { describe, expect, it } from 'vitest';
import { licenceMachine } from '../../../machines/licence/licence.machine.js';
import { abstractKey, exploreLicence, modelDrafts, type Model } from './licence-model.js';
import { findLicenceViolations, liveKeys, spaceCounts } from './licence-invariants.js';

const people = { handler1: 'h1', handler2: 'h2', reviewer1: 'r1', reviewer2: 'r2', head1: 'hd1', clerk1: 'c1' };
const model: Model = { people, drafts: modelDrafts(), at: '2026-03-02T02:00:00.000Z', lateEvents: true };

function prove(space: ReturnType<typeof exploreLicence>) {
  const live = liveKeys(space as never, (s) => abstractKey(model, s));
  expect(findLicenceViolations(space).slice(0, 5)).toEqual([]);
  expect(Object.keys(space).filter((k) => !live.has(k))).toEqual([]);
  return spaceCounts(space as never);
}
const propertiesOf = (guards: Record<string, () => boolean>, draft = model.drafts.A) =>
  findLicenceViolations(exploreLicence(model, draft, licenceMachine.provide({ guards }))).map((v) => v.property);

describe('the whole state space of the licence machine', { timeout: 600_000 }, () => {
  it('holds (a)–(c) with no dead end from a major opening', { timeout: 600_000 }, () => {
    const space = exploreLicence(model, model.drafts.A);
    const counts = prove(space);
    console.log(`[proof] licence version 1, major opening: ${JSON.stringify(counts)}`);
    const states = new Set(Object.values(space).map((n) => JSON.stringify(n.state.value)));
    for (const s of [
      'drafting',
      'hearing',
      'heard',
      '{"inReview":"unassigned"}',
      '{"inReview":"assigned"}',
      'correcting',
      'awaitingDecision',
      'decided',
      'closed',
      'withdrawn',
    ]) {
      expect(states).toContain(s.startsWith('{') ? s : `"${s}"`);
    }
  });

  it('holds (a)–(c) with no dead end from a minor opening, which is decided without review', { timeout: 600_000 }, () => {
    const space = exploreLicence(model, model.drafts.M);
    const counts = prove(space);
    console.log(`[proof] licence version 1, minor opening: ${JSON.stringify(counts)}`);
    const minorDecided = Object.values(space).some(
      (n) => n.state.matches('decided') && !n.state.context.major.isMajor && n.state.context.review === null,
    );
    expect(minorDecided).toBe(true);
  });

  it('catches a machine whose approval guard always passes, or that skips review of a major case', { timeout: 600_000 }, () => {
    expect(propertiesOf({ isApprovedDraftCurrent: () => true })).toContain('a:decided-without-approval');
    expect(propertiesOf({ isReviewNotRequired: () => true })).toContain('a:decided-without-approval');
  });

  it('catches a machine that closes the hearing unheard, or takes an unlawful draft or one against the notice', {
    timeout: 600_000,
  }, () => {
    expect(propertiesOf({ isHearingClosable: () => true })).toContain('b:closed-before-heard');
    const lawless = propertiesOf({ isDraftLawful: () => true });
    expect(lawless).toContain('b:unlawful-draft-current');
    expect(lawless).toContain('b:draft-against-notice');
  });

  it('catches a machine that closes with a duty open', { timeout: 600_000 }, () => {
    expect(propertiesOf({ areDutiesDone: () => true })).toContain('c:closed-with-duty-open');
  });
});
