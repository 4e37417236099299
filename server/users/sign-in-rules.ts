// The sign-in throttle as pure rules: whether an attempt may be checked now, and what a refusal costs the
// account and the address it came from. Invariant: the same state, time and policy give the same answer;
// the API and the desk reach these rules only through the sign-in service.
import { createHash } from 'node:crypto';
import type { ThrottleState } from '../../db/users/sign-in-throttle-store.js';
import type { SignInPolicy } from '../policy/policy.schema.js';

/** Limits for one kind of key, in milliseconds. */
export interface KeyLimits {
  freeAttempts: number;
  lockAfter: number;
  lockMs: number;
}

/** The throttle policy in the units the rules compute with. */
export interface ThrottleRules {
  account: KeyLimits;
  address: KeyLimits;
  backoffBaseMs: number;
  backoffMaxMs: number;
  forgetMs: number;
}

/** Whether an attempt is checked: `allow`, or refused for `retryAfterMs`; `counts` says if the refusal adds a failure. */
export type Verdict = { kind: 'allow' } | { kind: 'throttled' | 'locked'; retryAfterMs: number; counts: boolean };

const MINUTE = 60_000;
/** Retry hint when the only obstacle is an attempt already in flight (it settles within one scrypt run). */
const IN_FLIGHT_RETRY_MS = 1000;

/** The policy's `signIn` section as rules. */
export function throttleRulesOf(policy: SignInPolicy): ThrottleRules {
  const limits = (l: SignInPolicy['account']): KeyLimits => ({
    freeAttempts: l.freeAttempts,
    lockAfter: l.lockAfter,
    lockMs: l.lockMinutes * MINUTE,
  });
  return {
    account: limits(policy.account),
    address: limits(policy.address),
    backoffBaseMs: policy.backoff.baseSeconds * 1000,
    backoffMaxMs: policy.backoff.maxSeconds * 1000,
    forgetMs: policy.forgetAfterMinutes * MINUTE,
  };
}

/**
 * The throttle key of an account: the SHA-256 of the name as typed, known or not, so unknown names are
 * throttled exactly like real ones (no enumeration) and a password typed into the name field is never stored.
 */
export function accountKey(username: string): string {
  return `account:${createHash('sha256').update(username).digest('hex')}`;
}

/** The throttle keys of an attempt: its account and its client address. */
export function throttleKeys(username: string, address: string): { account: string; address: string } {
  return { account: accountKey(username), address: `address:${address}` };
}

/**
 * May an attempt on this key be checked now? Refused while blocked (backoff or lock), or when more
 * attempts are in flight than free attempts remain, so parallel requests cannot outrun the counter.
 */
export function verdictFor(state: ThrottleState | undefined, inFlight: number, nowMs: number, limits: KeyLimits): Verdict {
  const failures = state?.failures ?? 0;
  if (state && state.blockedUntil > nowMs) {
    return state.locked
      ? { kind: 'locked', retryAfterMs: state.blockedUntil - nowMs, counts: false }
      : { kind: 'throttled', retryAfterMs: state.blockedUntil - nowMs, counts: true };
  }
  if (inFlight >= Math.max(1, limits.freeAttempts - failures)) {
    return { kind: 'throttled', retryAfterMs: IN_FLIGHT_RETRY_MS, counts: true };
  }
  return { kind: 'allow' };
}

/** The first refusal of two verdicts (a lock before a backoff; the longer wait among equals), or `allow`. */
export function worstOf(a: Verdict, b: Verdict): Verdict {
  if (a.kind === 'allow') return b;
  if (b.kind === 'allow') return a;
  if (a.kind !== b.kind) return a.kind === 'locked' ? a : b;
  return a.retryAfterMs >= b.retryAfterMs ? a : b;
}

/**
 * The state after one more refused attempt: free up to `freeAttempts`, then a backoff of `base` doubling
 * with each refusal up to `max`, then from `lockAfter` a lock; every refusal after a lock relocks until
 * the counter is forgotten (`forgetMs` after its block ends) or the account signs in.
 */
export function afterRefusal(state: ThrottleState | undefined, nowMs: number, limits: KeyLimits, rules: ThrottleRules): ThrottleState {
  const failures = (state?.failures ?? 0) + 1;
  const locked = failures >= limits.lockAfter;
  const backoffMs =
    failures > limits.freeAttempts ? Math.min(rules.backoffBaseMs * 2 ** (failures - limits.freeAttempts - 1), rules.backoffMaxMs) : 0;
  const blockedUntil = nowMs + (locked ? limits.lockMs : backoffMs);
  return { failures, blockedUntil, locked, expiresAt: blockedUntil + rules.forgetMs };
}

/** What the rules need to know about one key: its stored state and how many of its attempts are in flight. */
export interface KeyView {
  state: ThrottleState | undefined;
  inFlight: number;
}

/**
 * The verdict for an attempt from both keys. A locked account answers `locked`; a locked address only
 * `throttled`, because it says nothing about the account named.
 */
export function admit(account: KeyView, address: KeyView, nowMs: number, rules: ThrottleRules): Verdict {
  const byAccount = verdictFor(account.state, account.inFlight, nowMs, rules.account);
  const byAddress = verdictFor(address.state, address.inFlight, nowMs, rules.address);
  return worstOf(byAccount, byAddress.kind === 'locked' ? { ...byAddress, kind: 'throttled' } : byAddress);
}
