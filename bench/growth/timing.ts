// Times a read a number of times after a warm-up and reports p50/p95/max in milliseconds.
import { summarizeLatency, type LatencySummary } from '../stats.js';

/** Runs `call(i)` `warmup` times untimed, then `runs` times timed. */
export async function timeCall(call: (i: number) => Promise<unknown>, runs: number, warmup = 3): Promise<LatencySummary> {
  for (let i = 0; i < warmup; i++) await call(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await call(i);
    samples.push(performance.now() - t0);
  }
  return summarizeLatency(samples);
}
