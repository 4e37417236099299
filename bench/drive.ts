// Drives full case lifecycles with N concurrent clients through any transport (HTTP or the service),
// timing every request. Each client runs its cases one after another, as a person at a desk would.
import type { CaseCommand } from '../machines/case/case.events.js';
import { lifecycleSteps, transitionsPerCase, type BenchUser } from './lifecycle.js';

/** A transport that opens cases and sends events; each call throws unless the engine accepted it. */
export interface CaseDriver {
  reviewerId: string;
  open(i: number): Promise<{ id: string; draftHash: string }>;
  send(user: BenchUser, caseId: string, command: CaseCommand): Promise<void>;
}

/** What one run measured. */
export interface DriveResult {
  clients: number;
  cases: number;
  transitions: number;
  ms: number;
  /** Latency of every request, in milliseconds. */
  latencies: Float64Array;
}

/** Runs `cases` lifecycles spread over `clients` concurrent clients; case numbers start at `firstCase`. */
export async function driveLifecycles(driver: CaseDriver, clients: number, cases: number, firstCase = 0): Promise<DriveResult> {
  const latencies = new Float64Array(cases * transitionsPerCase);
  let nextCase = 0;
  let nextSample = 0;
  const timed = async <T>(call: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const out = await call();
    latencies[nextSample++] = performance.now() - t0;
    return out;
  };
  async function client(): Promise<void> {
    while (nextCase < cases) {
      const i = firstCase + nextCase++;
      const opened = await timed(() => driver.open(i));
      const ctx = { draftHash: opened.draftHash, reviewerId: driver.reviewerId };
      for (const step of lifecycleSteps) await timed(() => driver.send(step.user, opened.id, step.command(ctx)));
    }
  }
  const t0 = performance.now();
  await Promise.all(Array.from({ length: clients }, client));
  const ms = performance.now() - t0;
  return { clients, cases, transitions: nextSample, ms, latencies: latencies.subarray(0, nextSample) };
}

/** Runs one lifecycle and returns the case id (used to make real template and queue cases). */
export async function runLifecycle(driver: CaseDriver, i: number, stepsToRun = Infinity): Promise<string> {
  const opened = await driver.open(i);
  const ctx = { draftHash: opened.draftHash, reviewerId: driver.reviewerId };
  for (const step of lifecycleSteps.slice(0, stepsToRun)) await driver.send(step.user, opened.id, step.command(ctx));
  return opened.id;
}
