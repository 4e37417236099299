// The one path by which a password becomes a signed-in user, for the API and the desk alike: throttle check,
// one equal-cost password check, then the outcome recorded. Invariant: no attempt is checked unless the
// account and the address admit it, and every refused attempt that counts is on the durable record.
import type { User, UserStore } from '../../db/users/user-store.js';
import type { ThrottleState, ThrottleStore } from '../../db/users/sign-in-throttle-store.js';
import type { SignInPolicy } from '../policy/policy.schema.js';
import { fail, ok, type DomainError, type Result } from '../shared/result.js';
import { BUSY, createAttemptLock } from './attempt-lock.js';
import { admit, afterRefusal, throttleKeys, throttleRulesOf, type Verdict } from './sign-in-rules.js';

/** One sign-in attempt: the name and password as typed, and the client address it came from. */
export interface SignInAttempt {
  username: string;
  password: string;
  address: string;
}

/** What the service works with; `now` is injected so tests can move past a lock. */
export interface SignInDeps {
  users: UserStore;
  throttle: ThrottleStore;
  policy: SignInPolicy;
  now: () => Date;
}

type Keys = ReturnType<typeof throttleKeys>;
type Outcome = 'success' | 'failure' | 'error';

/** Expired credentials are swept at most this often from sign-in (the server also sweeps on a timer). */
const SWEEP_EVERY_MS = 60_000;
/** Attempts allowed to wait on one account or address; a flood beyond this is refused without waiting. */
const MAX_WAITING_PER_KEY = 16;
/** The refusal when a key's queue is full: not counted (nothing was looked at), retry shortly. */
const busy: Verdict = { kind: 'throttled', retryAfterMs: 1000, counts: false };

const badCredentials: DomainError = { kind: 'unauthorized', code: 'bad_credentials', detail: 'Unknown user or wrong password.' };

/** The refusal for a throttle verdict, with the wait in whole seconds. */
function refusal(verdict: Exclude<Verdict, { kind: 'allow' }>): DomainError {
  const retryAfterSeconds = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
  return verdict.kind === 'locked'
    ? { kind: 'locked', code: 'account_locked', detail: `Too many failed sign-ins: locked for ${retryAfterSeconds} s.`, retryAfterSeconds }
    : {
        kind: 'throttled',
        code: 'sign_in_throttled',
        detail: `Too many sign-in attempts: retry in ${retryAfterSeconds} s.`,
        retryAfterSeconds,
      };
}

/**
 * Builds the sign-in service. Bookkeeping runs one step at a time per account and per address; password
 * checks run side by side, and attempts on other keys never wait behind a flood on one.
 */
export function createSignInService(deps: SignInDeps) {
  const rules = throttleRulesOf(deps.policy);
  const inFlight = new Map<string, number>();
  const lock = createAttemptLock(MAX_WAITING_PER_KEY);
  let nextSweepMs = 0;

  const bump = (keys: Keys, by: number): void => {
    for (const key of [keys.account, keys.address]) {
      const n = (inFlight.get(key) ?? 0) + by;
      if (n > 0) inFlight.set(key, n);
      else inFlight.delete(key);
    }
  };

  /** Counts one refusal on both keys, from their current states; answers the new states. */
  async function recordRefusal(keys: Keys, nowMs: number): Promise<Map<string, ThrottleState>> {
    const states = await deps.throttle.read([keys.account, keys.address], nowMs);
    const next = new Map([
      [keys.account, afterRefusal(states.get(keys.account), nowMs, rules.account, rules)],
      [keys.address, afterRefusal(states.get(keys.address), nowMs, rules.address, rules)],
    ]);
    await deps.throttle.write(next);
    return next;
  }

  /** The verdict for `keys` given their stored states and the attempts in flight. */
  function verdictOf(keys: Keys, states: Map<string, ThrottleState>, nowMs: number): Verdict {
    const view = (key: string) => ({ state: states.get(key), inFlight: inFlight.get(key) ?? 0 });
    return admit(view(keys.account), view(keys.address), nowMs, rules);
  }

  /**
   * Admits the attempt (now in flight) or refuses it. A refusal that counts is recorded first, and the
   * answer states the wait (or lock) it earned, so Retry-After is the time the next attempt is checked.
   */
  async function enter(keys: Keys): Promise<Verdict> {
    const verdict = await lock.run([keys.account, keys.address], true, async () => {
      const nowMs = deps.now().getTime();
      const verdict = verdictOf(keys, await deps.throttle.read([keys.account, keys.address], nowMs), nowMs);
      if (verdict.kind === 'allow') bump(keys, 1);
      if (verdict.kind === 'allow' || !verdict.counts) return verdict;
      const after = verdictOf(keys, await recordRefusal(keys, nowMs), nowMs);
      return after.kind === 'allow' ? verdict : after;
    });
    return verdict === BUSY ? busy : verdict;
  }

  /** Settles an admitted attempt: success clears the account's counter, failure counts on both keys. */
  async function leave(keys: Keys, outcome: Outcome): Promise<void> {
    await lock.run([keys.account, keys.address], false, async () => {
      bump(keys, -1);
      if (outcome === 'success') await deps.throttle.clear(keys.account);
      if (outcome === 'failure') await recordRefusal(keys, deps.now().getTime());
    });
  }

  /** Sweeps expired tokens, sessions and counters, at most once a minute. */
  async function sweepNow(): Promise<void> {
    const at = deps.now();
    if (at.getTime() < nextSweepMs) return;
    nextSweepMs = at.getTime() + SWEEP_EVERY_MS;
    await deps.users.cleanupExpiredCredentials(at);
  }

  return {
    /**
     * Signs in: `throttled` (429) or `locked` (423) before any password check, `unauthorized` for an unknown
     * user, a wrong password or an inactive account alike (same path, same cost), else the user.
     */
    async signIn(attempt: SignInAttempt): Promise<Result<User>> {
      const keys = throttleKeys(attempt.username, attempt.address);
      const verdict = await enter(keys);
      if (verdict.kind !== 'allow') return fail(refusal(verdict));
      let user: User | null;
      try {
        user = await deps.users.authenticate(attempt.username, attempt.password);
      } catch (error) {
        await leave(keys, 'error');
        throw error;
      }
      await leave(keys, user ? 'success' : 'failure');
      if (!user) return fail(badCredentials);
      await sweepNow();
      return ok(user);
    },
  };
}
export type SignInService = ReturnType<typeof createSignInService>;
