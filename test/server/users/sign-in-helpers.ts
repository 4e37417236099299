// Helpers for the sign-in tests: a test app on a clock the test moves, and token requests from a chosen
// client address (passed as the Node socket binding, as @hono/node-server does).
import { expect } from 'vitest';
import { createTestApp, openTestApp, type TestApp } from '../../helpers/test-app.js';
import { demoPassword } from '../../../server/demo/demo-users.js';

export { demoPassword };

/** A clock the test sets; services read it through `now`. */
export class TestClock {
  constructor(public ms = Date.parse('2026-03-02T01:00:00.000Z')) {}
  readonly now = (): Date => new Date(this.ms);
  advance(ms: number): void {
    this.ms += ms;
  }
}

/** The real stack on a fresh database, on `clock`. */
export function appOnClock(clock: TestClock): Promise<TestApp> {
  return createTestApp({ now: clock.now });
}

/** The real stack reopened over an existing database file (a restarted server), on `clock`. */
export function reopenOnClock(dbPath: string, clock: TestClock): Promise<TestApp> {
  return openTestApp(dbPath, { now: clock.now });
}

/** A request through the app as if from a socket at `address`. */
export async function fromAddress(t: TestApp, address: string, path: string, init: RequestInit): Promise<Response> {
  return t.app.request(path, init, { incoming: { socket: { remoteAddress: address } } });
}

/** `POST /api/v1/auth/token` from `address`. */
export function requestToken(t: TestApp, username: string, password: string, address: string): Promise<Response> {
  return fromAddress(t, address, '/api/v1/auth/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
}

/** Asserts a problem response's status and type; returns its body. */
export async function expectProblem(res: Response, status: number, type: string): Promise<Record<string, unknown>> {
  expect(res.headers.get('Content-Type')).toBe('application/problem+json');
  const body = (await res.json()) as Record<string, unknown>;
  expect({ status: res.status, type: body.type }).toEqual({ status, type });
  return body;
}

/** Statuses of `n` wrong-password attempts in a row on `username` from `address`. */
export async function wrongAttempts(t: TestApp, username: string, n: number, address: string): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) statuses.push((await requestToken(t, username, `wrong-${i}`, address)).status);
  return statuses;
}

/**
 * The expected statuses of 40 wrong passwords in a row under the default policy, within one instant: 5 free
 * and a 6th checked (401), then refusals during the backoff (429) that count, the 20th earning the lock (423).
 */
export const FORTY_WRONG = [...Array(6).fill(401), ...Array(13).fill(429), ...Array(21).fill(423)] as number[];
