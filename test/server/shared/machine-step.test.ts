// The fast transition path computes what xstate's public transition() computes, on random walks over the
// proof's adversarial alphabet; and the xstate version it was checked against is the one installed.
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseMachine } from '../../../machines/case/case.machine.js';
import { createMachineStep, createReferenceStep, pinnedXstateVersion } from '../../../server/shared/machine-step.js';
import { alphabet } from '../../proof/proof-alphabet.js';
import { machineEvent } from '../../proof/proof-oracle.js';
import { modelInput } from '../../proof/proof-space.js';

const fast = createMachineStep(caseMachine);
const reference = createReferenceStep(caseMachine);
const plain = (s: { value: unknown; context: unknown; status: string }) =>
  JSON.parse(JSON.stringify({ v: s.value, c: s.context, s: s.status }));

describe('the fast transition path', () => {
  it('is pinned to the installed xstate version (move the pin only after this suite passes on the new one)', () => {
    const { version } = createRequire(import.meta.url)('xstate/package.json') as { version: string };
    expect(version).toBe(pinnedXstateVersion);
  });

  it('gives the same first snapshot as initialTransition()', () => {
    expect(plain(fast.initial(modelInput))).toEqual(plain(reference.initial(modelInput)));
  });

  it('gives the same next snapshot as transition() along random walks, refusals included', () => {
    const size = alphabet(reference.initial(modelInput)).length;
    fc.assert(
      fc.property(fc.array(fc.nat({ max: size - 1 }), { minLength: 1, maxLength: 30 }), (picks) => {
        let a = fast.initial(modelInput);
        let b = reference.initial(modelInput);
        for (const pick of picks) {
          const event = machineEvent(alphabet(b)[pick]!);
          const nextA = fast.next(a, event);
          const nextB = reference.next(b, event);
          expect(plain(nextA)).toEqual(plain(nextB));
          // The fast path signals "no transition" by returning the same snapshot object.
          expect(nextA === a).toBe(!b.can(event));
          a = nextA;
          b = nextB;
        }
      }),
      { seed: 20261130, numRuns: 200 },
    );
  });
});
