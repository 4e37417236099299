// The throttle rules, table-driven: free attempts, doubling backoff up to its cap, the lock and relock,
// in-flight limits, and which key's refusal wins. Pure functions: no database, no clock.
import { describe, expect, it } from 'vitest';
import type { ThrottleState } from '../../../db/users/sign-in-throttle-store.js';
import { loadPolicy } from '../../../server/policy/load-policy.js';
import { accountKey, admit, afterRefusal, throttleKeys, throttleRulesOf, verdictFor } from '../../../server/users/sign-in-rules.js';

const rules = throttleRulesOf({
  ...loadPolicy().signIn,
  account: { freeAttempts: 5, lockAfter: 20, lockMinutes: 15 },
  address: { freeAttempts: 20, lockAfter: 100, lockMinutes: 15 },
  backoff: { baseSeconds: 1, maxSeconds: 300 },
  forgetAfterMinutes: 60,
});
const T0 = 1_000_000_000;
const MIN = 60_000;

/** The state after `n` refusals at T0. */
function refusedTimes(n: number): ThrottleState | undefined {
  let state: ThrottleState | undefined;
  for (let i = 0; i < n; i++) state = afterRefusal(state, T0, rules.account, rules);
  return state;
}

describe('afterRefusal', () => {
  it.each([
    [1, 0, false],
    [5, 0, false],
    [6, 1_000, false],
    [7, 2_000, false],
    [10, 16_000, false],
    [13, 128_000, false],
    [14, 256_000, false],
    [15, 300_000, false],
    [19, 300_000, false],
    [20, 15 * MIN, true],
    [21, 15 * MIN, true],
  ] as const)('after %i refusals blocks the account for %i ms (locked: %s)', (n, blockMs, locked) => {
    const state = refusedTimes(n)!;
    expect(state).toEqual({ failures: n, blockedUntil: T0 + blockMs, locked, expiresAt: T0 + blockMs + 60 * MIN });
  });

  it('uses the higher limits for addresses', () => {
    let state: ThrottleState | undefined;
    for (let i = 0; i < 21; i++) state = afterRefusal(state, T0, rules.address, rules);
    expect(state).toMatchObject({ failures: 21, blockedUntil: T0 + 1_000, locked: false });
  });
});

describe('verdictFor', () => {
  it.each([
    ['no record, nothing in flight', undefined, 0, T0, { kind: 'allow' }],
    ['four refusals, nothing in flight', refusedTimes(4), 0, T0, { kind: 'allow' }],
    ['in backoff', refusedTimes(6), 0, T0 + 400, { kind: 'throttled', retryAfterMs: 600, counts: true }],
    ['backoff over', refusedTimes(6), 0, T0 + 1_000, { kind: 'allow' }],
    ['locked', refusedTimes(20), 0, T0 + MIN, { kind: 'locked', retryAfterMs: 14 * MIN, counts: false }],
    ['lock over', refusedTimes(20), 0, T0 + 15 * MIN, { kind: 'allow' }],
    ['free attempts all in flight', undefined, 5, T0, { kind: 'throttled', retryAfterMs: 1_000, counts: true }],
    ['two refusals and three in flight', refusedTimes(2), 3, T0, { kind: 'throttled', retryAfterMs: 1_000, counts: true }],
    ['two refusals and two in flight', refusedTimes(2), 2, T0, { kind: 'allow' }],
    ['past the free attempts, one in flight', refusedTimes(6), 1, T0 + 1_000, { kind: 'throttled', retryAfterMs: 1_000, counts: true }],
  ] as const)('%s', (_name, state, inFlight, now, expected) => {
    expect(verdictFor(state, inFlight, now, rules.account)).toEqual(expected);
  });
});

describe('admit', () => {
  const free = { state: undefined, inFlight: 0 };
  it('answers a locked account with locked, a locked address only with throttled', () => {
    const locked = { state: refusedTimes(20), inFlight: 0 };
    expect(admit(locked, free, T0, rules)).toMatchObject({ kind: 'locked' });
    const lockedAddress = { state: { failures: 100, blockedUntil: T0 + MIN, locked: true, expiresAt: T0 + 61 * MIN }, inFlight: 0 };
    expect(admit(free, lockedAddress, T0, rules)).toEqual({ kind: 'throttled', retryAfterMs: MIN, counts: false });
  });

  it('prefers the lock over a longer backoff, and the longer wait among backoffs', () => {
    const backoff = (ms: number) => ({
      state: { failures: 10, blockedUntil: T0 + ms, locked: false, expiresAt: T0 + ms + 1 },
      inFlight: 0,
    });
    const locked = { state: { failures: 20, blockedUntil: T0 + 1_000, locked: true, expiresAt: T0 + 2_000 }, inFlight: 0 };
    expect(admit(locked, backoff(5_000), T0, rules)).toMatchObject({ kind: 'locked', retryAfterMs: 1_000 });
    expect(admit(backoff(2_000), backoff(7_000), T0, rules)).toMatchObject({ kind: 'throttled', retryAfterMs: 7_000 });
    expect(admit(free, free, T0, rules)).toEqual({ kind: 'allow' });
  });
});

describe('throttle keys', () => {
  it('keys an account by the SHA-256 of the name as typed, so the name is not stored', () => {
    const keys = throttleKeys('reviewer1', '192.0.2.1');
    expect(keys.account).toBe(accountKey('reviewer1'));
    expect(keys.account).toMatch(/^account:[0-9a-f]{64}$/);
    expect(keys.account).not.toContain('reviewer1');
    expect(accountKey('Reviewer1')).not.toBe(keys.account);
    expect(keys.address).toBe('address:192.0.2.1');
  });
});

describe('default sign-in policy', () => {
  it('sets the documented [T] limits and lifetimes', () => {
    const { basis, ...values } = loadPolicy().signIn;
    expect(values).toEqual({
      account: { freeAttempts: 5, lockAfter: 20, lockMinutes: 15 },
      address: { freeAttempts: 20, lockAfter: 100, lockMinutes: 15 },
      backoff: { baseSeconds: 1, maxSeconds: 300 },
      forgetAfterMinutes: 60,
      tokenTtlHours: 12,
      sessionTtlHours: 12,
      trustedProxyHops: 0,
    });
    expect(basis).toMatch(/^\[T\]/);
  });
});
