// The allowedEvents cache answers exactly what asking the machine answers: for every abstract state of the
// case machine (the proof's state space), every model actor and a set of times across China-day and UTC-day
// boundaries, the cached answer equals the uncached one, asked first and asked again (a hit), in any order;
// and the uncached answer, which skips event types no current state handles, equals probing every type.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseContext } from '../../../machines/case/case.context.js';
import type { CaseSnapshot } from '../../../machines/case/case.machine.js';
import { allowedEvents, probeEvent } from '../../../server/cases/case-probes.js';
import { caseEventTypes, type Actor } from '../../../machines/case/case.events.js';
import { hasRoleFor, refuseActor } from '../../../machines/case/case.rules.js';
import type { DraftContent } from '../../../machines/case/draft.schema.js';
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

/** allowedEvents as first written: every event type the role permits, probed; no filter by state. */
function probedAll(snapshot: CaseSnapshot, actor: Actor, draft: DraftContent, at: string) {
  if (snapshot.status !== 'active') return [];
  return caseEventTypes.filter((type) => {
    if (!hasRoleFor(actor, type)) return false;
    const probe = probeEvent(type, actor, snapshot, draft, at);
    return refuseActor(snapshot.context, probe) === null && snapshot.can(probe);
  });
}

describe('allowedEvents', () => {
  it('drops by state only event types the machine would refuse anyway, in every reachable state', () => {
    for (const node of Object.values(space)) {
      const snapshot = node.state as CaseSnapshot;
      for (const name of names) {
        const [draft, at] = [draftOf(snapshot), modelTime];
        expect(allowedEvents(snapshot, actors[name], draft, at)).toEqual(probedAll(snapshot, actors[name], draft, at));
      }
    }
  }, 120_000);
});

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
