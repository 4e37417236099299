// The 查封、扣押 machine on its own: the honest path from drafting to closed, the approval bound to the draft
// hash (a revision voids it), and the one extension (art 25).
import { describe, expect, it } from 'vitest';
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { coercionMachine } from '../../../machines/coercion/coercion.machine.js';
import { alphabet, modelCatalog, modelDrafts, type Model } from '../../proof/coercion/coercion-model.js';

const people = { handler1: 'h1', handler2: 'h2', reviewer1: 'r1', reviewer2: 'r2', head1: 'hd1', clerk1: 'c1' };
const model: Model = { people, drafts: modelDrafts(people), at: '2026-03-02T02:00:00.000Z', lateEvents: true };

function start(draft = model.drafts.A) {
  return initialTransition(coercionMachine, { caseId: 'c', handlerId: 'h1', draft, catalog: modelCatalog, at: model.at })[0];
}
/** Sends the alphabet's events by label, in order; each must move the machine. */
function run(labels: string[], from = start()): AnyMachineSnapshot {
  let s: AnyMachineSnapshot = from;
  for (const label of labels) {
    const e = alphabet(model, s).find((l) => l.label === label)!;
    expect(s.can(e.event), label).toBe(true);
    s = transition(coercionMachine, s as never, e.event)[0];
  }
  return s;
}
const can = (s: AnyMachineSnapshot, label: string) => s.can(alphabet(model, s).find((l) => l.label === label)!.event);

describe('the 查封扣押 machine', () => {
  it('runs a major case from drafting through review, decision, extension, conclusion and filing to closed', () => {
    const s = run(['submit', 'assign:self', 'approve:r1', 'decide', 'extend', 'file', 'conclude', 'close']);
    expect(s.value).toBe('closed');
    expect(s.context.period.extension.days).toBe(30);
  });

  it('does not decide a major case before approval, nor after the approved draft is revised', () => {
    expect(can(start(), 'decide')).toBe(false);
    const approved = run(['submit', 'assign:self', 'approve:r1']);
    expect(can(approved, 'decide')).toBe(true);
    expect(can(approved, 'decide:stale')).toBe(false);
    const revised = run(['revise:B'], approved);
    expect(revised.value).toBe('drafting');
    expect(revised.context.review).toBeNull();
    expect(can(revised, 'decide')).toBe(false);
  });

  it('extends once only, and not after the period ended', () => {
    const decided = run(['decide'], start(model.drafts.M));
    expect(can(decided, 'extend:late')).toBe(false);
    const extended = run(['extend'], decided);
    expect(can(extended, 'extend')).toBe(false);
  });

  it('closes a major case only once filed, and records a late conclusion as outside the period', () => {
    const concluded = run(['submit', 'assign:self', 'approve:r1', 'decide', 'conclude:late']);
    expect(concluded.context.conclusion.withinPeriod).toBe(false);
    expect(can(concluded, 'close')).toBe(false);
    expect(run(['file', 'close'], concluded).value).toBe('closed');
  });
});
