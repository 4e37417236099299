// Check 2a of the proof: the shortest path to every abstract state, replayed over HTTP on a fresh libSQL
// database, with refused events, a stale If-Match and reads as other users tried in every state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProofApp, type ProofApp } from './proof-app.js';
import { caseMachine } from '../../machines/case/case.machine.js';
import { exploreSpace } from './proof-space.js';
import { initialKey, reachableShortestPaths, shortestPathPlan } from './proof-paths.js';
import { replayAll } from './replay-run.js';

/** Refused events tried per state (rotating through that state's refused alphabet, so each is tried in many states). */
const refusalsPerState = 2;

let app: ProofApp;
beforeAll(async () => {
  app = await createProofApp();
});
afterAll(async () => {
  await app.close();
});

describe('replay of the machine against the real stack', () => {
  it.each(['main', 'recusal', 'transfer'] as const)(
    'answers like the machine on the shortest path to every state of the %s sub-model the API can reach, and refusals change nothing',
    async (model) => {
      const space = exploreSpace(caseMachine, model);
      // The 回避 sub-model shares the honest route with the main one: its states already replayed there are skipped.
      const seen = model === 'main' ? new Set<string>() : new Set(Object.keys(exploreSpace(caseMachine, 'main')));
      const endKey = (p: { key?: string }[]) => (p.length ? p[p.length - 1]!.key! : initialKey());
      const paths = reachableShortestPaths(caseMachine, model).filter((p) => !seen.has(endKey(p)));
      const plan = shortestPathPlan(space, paths, refusalsPerState);
      const counts = { requests: 0, accepted: 0, refused: 0 };
      const started = Date.now();
      const mismatches = await replayAll(app, plan, counts);
      const probed = plan.reduce((n, j) => n + j.probes.filter(Boolean).length, 0);
      console.log(
        `[proof] shortest-path replay (${model}): ${plan.length} cases cover ${probed} states; ${JSON.stringify(counts)} in ${Date.now() - started} ms`,
      );
      expect(mismatches.slice(0, 5)).toEqual([]);
      // Every state the API can reach: states only a reviewer's act before the case is sent for review leads to
      // (out of the reviewer's reach, 404) are the model's but not the API's (docs/access.md).
      const reachable = new Set(paths.map(endKey));
      expect(probed).toBe(reachable.size);
      expect(reachable.size).toBeGreaterThan(Object.keys(space).filter((key) => !seen.has(key)).length * 0.9);
      expect(counts.refused).toBeGreaterThan(probed * 2);
    },
    300_000,
  );
});
