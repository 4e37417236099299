// Runs replay jobs against one proof app with bounded concurrency: each job is one case, replayed step by
// step; many cases at once share the writer's group commits, which keeps the replay fast.
import type { ProofApp } from './proof-app.js';
import type { ReplayJob } from './proof-paths.js';
import { replayPath, type ReplayCounts } from './proof-replay.js';

/** Replays every job; resolves with all mismatches (empty when the API equals the model everywhere). */
export async function replayAll(app: ProofApp, jobs: ReplayJob[], counts: ReplayCounts, concurrency = 48): Promise<string[]> {
  const mismatches: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++]!;
      mismatches.push(...(await replayPath(app, job.path, job.probes, counts)));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return mismatches;
}
