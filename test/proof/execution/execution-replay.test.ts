// The proof's HTTP check for 行政强制执行: a shortest path to every abstract state of the machine (major, 代履行 and
// court openings), replayed through /api/v1/execution-cases on the real stack with its clock at the model's time
// (the runner is ../kind-replay.ts): the API answers like the model, and refuses what it refuses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { createKindReplay } from '../kind-replay.js';
import { abstractKey, alphabet, exploreExecution, modelDrafts, modelOpenedOn, type Model } from './execution-model.js';

const at = '2026-03-10T02:00:00.000Z';
let t: TestApp;
let model: Model;
beforeAll(async () => {
  t = await createTestApp({ now: () => new Date(at) });
  const people = {
    handler1: t.users.handler1.id,
    handler2: t.users.handler2.id,
    reviewer1: t.users.reviewer1.id,
    reviewer2: t.users.reviewer2.id,
    head1: t.users.head1.id,
    clerk1: t.users.clerk1.id,
  };
  model = { people, drafts: modelDrafts(people), at, revisions: ['A', 'M', 'X'] };
});
afterAll(async () => {
  await t.close();
});

const { replay, counts } = createKindReplay<Model>({
  app: () => t,
  path: 'execution-cases',
  stamps: ['actor', 'at', 'assignee', 'endsOn', 'courtWaitEndsOn', 'courtDeadline', 'planned', 'carried', 'label', 'who'],
  abstractKey,
  alphabet,
  pairOf: (state, label) => `${JSON.stringify(state.value)}|${state.context.major.isMajor}|${state.context.draft.route}|${label}`,
  openBody: (draft) => ({ ...(draft as object), openedOn: modelOpenedOn }),
});

describe('replay of the 行政强制执行 state space against the real stack', () => {
  it('answers like the machine on a shortest path to every abstract state', { timeout: 1_200_000 }, async () => {
    const mismatches: string[] = [];
    let states = 0;
    const openings = [
      [model, model.drafts.A],
      [{ ...model, revisions: ['S', 'H', 'X'] }, model.drafts.S],
      [{ ...model, revisions: ['C', 'M', 'X'] }, model.drafts.C],
    ] as const;
    for (const [m, draft] of openings) {
      const space = exploreExecution(m, draft);
      states += Object.keys(space).length;
      mismatches.push(...(await replay(m, space, draft)));
    }
    console.log(`[proof] execution replay: ${states} states; ${JSON.stringify(counts)}`);
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(counts.refused).toBeGreaterThan(50);
  });
});
