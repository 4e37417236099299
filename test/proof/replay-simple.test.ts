// Check 2b of the proof: every simple path of the honest sub-model up to the documented bound, replayed
// over HTTP on a fresh libSQL database (orderings of notice, hearing, review loops and the duties).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProofApp, type ProofApp } from './proof-app.js';
import { simplePathBound, simplePaths } from './proof-paths.js';
import { replayAll } from './replay-run.js';

let app: ProofApp;
beforeAll(async () => {
  app = await createProofApp();
});
afterAll(async () => {
  await app.close();
});

describe('replay of the honest simple paths against the real stack', () => {
  // Thousands of requests through the real stack: minutes on a loaded 2-core machine, seconds on a quiet one.
  it(`answers like the machine on every simple path of at most ${simplePathBound} steps`, { timeout: 300_000 }, async () => {
    const { inBound, maximal } = simplePaths();
    const counts = { requests: 0, accepted: 0, refused: 0 };
    const started = Date.now();
    // Replaying the maximal in-bound paths passes through every shorter one (each is a prefix of some maximal one).
    const mismatches = await replayAll(
      app,
      maximal.map((path) => ({ path, probes: [] })),
      counts,
    );
    console.log(
      `[proof] simple-path replay: ${maximal.length} cases cover ${inBound.length} paths; ${JSON.stringify(counts)} in ${Date.now() - started} ms`,
    );
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(counts.accepted).toBe(maximal.reduce((n, p) => n + p.length, 0));
  });
});
