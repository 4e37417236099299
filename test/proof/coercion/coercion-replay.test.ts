// The proof's HTTP check for 查封、扣押: a shortest path to every abstract state of the machine (major and minor
// openings), replayed through /api/v1/coercion-cases on the real stack with its clock at the model's time
// (the runner is ../kind-replay.ts): the API answers like the model, and refuses what it refuses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { createKindReplay } from '../kind-replay.js';
import { abstractKey, alphabet, exploreCoercion, modelDrafts, type Model } from './coercion-model.js';

const at = '2026-03-02T02:00:00.000Z';
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
  model = { people, drafts: modelDrafts(people), at, lateEvents: false };
});
afterAll(async () => {
  await t.close();
});

const { replay, counts } = createKindReplay<Model>({
  app: () => t,
  path: 'coercion-cases',
  stamps: ['actor', 'at', 'assignee', 'periodEndsOn', 'extendedEndsOn', 'label', 'who'],
  abstractKey,
  alphabet,
});

describe('replay of the 查封扣押 state space against the real stack', () => {
  it('answers like the machine on a shortest path to every abstract state', { timeout: 600_000 }, async () => {
    const major = exploreCoercion(model, model.drafts.A);
    const minor = exploreCoercion(model, model.drafts.M);
    const mismatches = [...(await replay(model, major, model.drafts.A)), ...(await replay(model, minor, model.drafts.M))];
    console.log(`[proof] coercion replay: ${Object.keys(major).length + Object.keys(minor).length} states; ${JSON.stringify(counts)}`);
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(counts.refused).toBeGreaterThan(50);
  });
});
