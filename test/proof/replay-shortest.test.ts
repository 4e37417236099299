// Check 2a of the proof: the shortest path to every abstract state, replayed over HTTP on a fresh libSQL
// database, with refused events, a stale If-Match and reads as other users tried in every state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProofApp, type ProofApp } from './proof-app.js';
import { exploreSpace } from './proof-space.js';
import { initialKey, reachableShortestPaths, shortestPathPlan } from './proof-paths.js';
import { replayAll } from './replay-run.js';

/** Refused events tried per state (rotating through that state's refused alphabet). */
const refusalsPerState = 3;

let app: ProofApp;
beforeAll(async () => {
  app = await createProofApp();
});
afterAll(async () => {
  await app.close();
});

describe('replay of the machine against the real stack', () => {
  // Thousands of requests through the real stack: minutes on a loaded 2-core machine, seconds on a quiet one.
  it('answers like the machine on the shortest path to every state, and refusals change nothing', { timeout: 300_000 }, async () => {
    const space = exploreSpace();
    const paths = reachableShortestPaths();
    const plan = shortestPathPlan(space, paths, refusalsPerState);
    const counts = { requests: 0, accepted: 0, refused: 0 };
    const started = Date.now();
    const mismatches = await replayAll(app, plan, counts);
    const probed = plan.reduce((n, j) => n + j.probes.filter(Boolean).length, 0);
    console.log(
      `[proof] shortest-path replay: ${plan.length} cases cover ${probed} states; ${JSON.stringify(counts)} in ${Date.now() - started} ms`,
    );
    expect(mismatches.slice(0, 5)).toEqual([]);
    // Every state the API can reach: states only a reviewer's act before the case is sent for review leads to
    // (out of the reviewer's reach, 404) are the model's but not the API's (docs/access.md).
    const reachable = new Set(paths.map((p) => p.at(-1)?.key ?? initialKey()));
    expect(probed).toBe(reachable.size);
    expect(reachable.size).toBeGreaterThan(Object.keys(space).length * 0.9);
    expect(counts.refused).toBeGreaterThan(probed * 2);
  });
});
