// The allowedEvents cache answers exactly what asking the machine answers: for every abstract state of the
// case machine (the proof's state space), every model actor and a set of times across China-day and UTC-day
// boundaries, the cached answer equals the uncached one, asked first and asked again (a hit), in any order.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseContext } from '../../../machines/case/case.context.js';
import type { CaseSnapshot } from '../../../machines/case/case.machine.js';
import { allowedEvents } from '../../../server/cases/case-probes.js';
import { cachedAllowedEvents } from '../../../server/cases/allowed-events-cache.js';
import { actors, draftNameOf, drafts, modelTime, type ActorName } from '../../proof/proof-actors.js';
import { exploreSpace, type Space } from '../../proof/proof-space.js';

/** The model's time, the instants either side of a China-day boundary (UTC 16:00), and a later day. */
const times = [modelTime, '2026-03-02T15:59:59.999Z', '2026-03-02T16:00:00.000Z', '2026-03-20T02:00:00.000Z'];
const names = Object.keys(actors) as ActorName[];

let space: Space;
beforeAll(() => {
  space = exploreSpace();
});

const draftOf = (snapshot: CaseSnapshot) => drafts[draftNameOf((snapshot.context as CaseContext).draft.hash) ?? 'minor'];

describe('cachedAllowedEvents', () => {
  it('equals allowedEvents for every reachable state, actor and time, on the first ask and on a hit', () => {
    let compared = 0;
    for (const node of Object.values(space)) {
      const snapshot = node.state as CaseSnapshot;
      const draft = draftOf(snapshot);
      const asked = times.map((at) => names.map((name) => allowedEvents(snapshot, actors[name], draft, at)));
      // Twice over, the second pass in reverse, so hits are answered in another order than they were filled.
      for (const pass of [0, 1]) {
        const order = pass === 0 ? times.map((_, i) => i) : times.map((_, i) => times.length - 1 - i);
        for (const i of order) {
          names.forEach((name, j) => {
            expect(cachedAllowedEvents(snapshot, actors[name], draft, times[i]!)).toEqual(asked[i]![j]);
            compared += 1;
          });
        }
      }
    }
    // The space is the proof's: hundreds of states, so the comparison covers every state the machine has.
    expect(Object.keys(space).length).toBeGreaterThan(100);
    expect(compared).toBe(Object.keys(space).length * times.length * names.length * 2);
  }, 180_000);

  it('keeps actors apart that differ only in a credential or a role', () => {
    for (const node of Object.values(space)) {
      const snapshot = node.state as CaseSnapshot;
      const draft = draftOf(snapshot);
      for (const name of names) {
        const actor = actors[name];
        const variants = [
          { ...actor, qualified: !actor.qualified },
          { ...actor, certified: !actor.certified },
          { ...actor, roles: [] },
        ];
        for (const variant of variants) {
          expect(cachedAllowedEvents(snapshot, variant, draft, modelTime)).toEqual(allowedEvents(snapshot, variant, draft, modelTime));
        }
      }
    }
  }, 120_000);

  it('answers a copy, so a caller changing its answer cannot change the next', () => {
    const snapshot = Object.values(space)[0]!.state as CaseSnapshot;
    const first = cachedAllowedEvents(snapshot, actors.handler, draftOf(snapshot), modelTime);
    first.push('case.close');
    expect(cachedAllowedEvents(snapshot, actors.handler, draftOf(snapshot), modelTime)).toEqual(
      allowedEvents(snapshot, actors.handler, draftOf(snapshot), modelTime),
    );
  });
});
