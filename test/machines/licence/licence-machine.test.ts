// The 行政许可 (撤销 / 撤回) machine on its own: the honest path from drafting to closed, the hearing before the
// decision (arts 7, 36), the approval bound to the draft hash (a revision voids it), and what a 撤销 owes (art 69 ¶4).
import { describe, expect, it } from 'vitest';
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { licenceMachine } from '../../../machines/licence/licence.machine.js';
import { alphabet, modelCatalog, modelDrafts, type Model } from '../../proof/licence/licence-model.js';

const people = { handler1: 'h1', handler2: 'h2', reviewer1: 'r1', reviewer2: 'r2', head1: 'hd1', clerk1: 'c1' };
const model: Model = { people, drafts: modelDrafts(), at: '2026-03-02T02:00:00.000Z', lateEvents: true };

function start(draft = model.drafts.A) {
  return initialTransition(licenceMachine, { caseId: 'c', handlerId: 'h1', draft, catalog: modelCatalog, at: model.at })[0];
}
/** Sends the alphabet's events by label, in order; each must move the machine. */
function run(labels: string[], from = start()): AnyMachineSnapshot {
  let s: AnyMachineSnapshot = from;
  for (const label of labels) {
    const e = alphabet(model, s).find((l) => l.label === label)!;
    expect(s.can(e.event), label).toBe(true);
    s = transition(licenceMachine, s as never, e.event)[0];
  }
  return s;
}
const can = (s: AnyMachineSnapshot, label: string) => s.can(alphabet(model, s).find((l) => l.label === label)!.event);
const heard = ['notice', 'statement', 'close-hearing'];

describe('the licence machine', () => {
  it('runs a major 撤销 from drafting through notice, hearing, review, decision, service, publication and filing to closed', () => {
    const s = run([...heard, 'submit', 'assign:self', 'approve:r1', 'decide', 'serve', 'publish', 'file', 'close']);
    expect(s.value).toBe('closed');
    expect(s.context.decision).toMatchObject({ outcome: 'licence_revoke', compensation: 'compensation' });
  });

  it('does not close the hearing unheard before its period ends, but does after it', () => {
    const noticed = run(['notice']);
    expect(can(noticed, 'close-hearing')).toBe(false);
    expect(can(noticed, 'close-hearing:late')).toBe(true);
  });

  it('does not decide a major case before approval, nor after the approved draft is revised', () => {
    expect(can(run(heard), 'decide')).toBe(false);
    const approved = run([...heard, 'submit', 'assign:self', 'approve:r1']);
    expect(can(approved, 'decide')).toBe(true);
    expect(can(approved, 'decide:stale')).toBe(false);
    const revised = run(['revise:M'], approved);
    expect(revised.value).toBe('heard');
    expect(revised.context.review).toBeNull();
    expect(can(revised, 'decide')).toBe(false);
  });

  it('refuses a draft against the notice (another outcome) and an unlawful 不予撤销 (art 69 ¶2)', () => {
    expect(can(start(), 'revise:W')).toBe(true);
    expect(can(run(heard), 'revise:W')).toBe(false);
    expect(can(start(), 'revise:X')).toBe(false);
  });

  it('closes a major case only once served, published and filed', () => {
    const decided = run([...heard, 'submit', 'assign:self', 'approve:r1', 'decide', 'serve', 'publish']);
    expect(can(decided, 'close')).toBe(false);
    expect(run(['file', 'close'], decided).value).toBe('closed');
  });
});
