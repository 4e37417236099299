// Throttling through the real API: backoff, then a lock that even the right password cannot pass, lifted
// when the lock period is over (on an injected clock) and kept across a restart; unknown names are treated
// exactly like known ones; addresses have their own, higher limits; parallel guesses cannot outrun the count.
import { afterEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../../helpers/test-app.js';
import {
  FORTY_WRONG,
  TestClock,
  appOnClock,
  demoPassword,
  expectProblem,
  reopenOnClock,
  requestToken,
  wrongAttempts,
} from './sign-in-helpers.js';

const MINUTE = 60_000;
const open: TestApp[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) await t.close();
});
async function stack(clock: TestClock): Promise<TestApp> {
  const t = await appOnClock(clock);
  open.push(t);
  return t;
}

describe('account lock', () => {
  it('locks the account after 40 wrong passwords in a row: the right one gets 423 until the lock is over', async () => {
    const clock = new TestClock();
    const t = await stack(clock);
    expect(await wrongAttempts(t, 'reviewer1', 40, '192.0.2.10')).toEqual(FORTY_WRONG);

    const locked = await requestToken(t, 'reviewer1', demoPassword, '192.0.2.10');
    const body = await expectProblem(locked, 423, '/problems/account-locked');
    expect(locked.headers.get('Retry-After')).toBe('900');
    expect(body.retryAfterSeconds).toBe(900);
    // A fresh address does not help: the lock is on the account.
    await expectProblem(await requestToken(t, 'reviewer1', demoPassword, '192.0.2.99'), 423, '/problems/account-locked');

    clock.advance(15 * MINUTE - 1_000);
    await expectProblem(await requestToken(t, 'reviewer1', demoPassword, '192.0.2.10'), 423, '/problems/account-locked');
    clock.advance(1_000);
    const ok = await requestToken(t, 'reviewer1', demoPassword, '192.0.2.10');
    expect(ok.status).toBe(200);
    // Success clears the account's counter: the next wrong password is an ordinary 401.
    await expectProblem(await requestToken(t, 'reviewer1', 'wrong', '192.0.2.10'), 401, '/problems/bad-credentials');
  });

  it('relocks at once on a wrong password after the lock ends', async () => {
    const clock = new TestClock();
    const t = await stack(clock);
    await wrongAttempts(t, 'head1', 20, '192.0.2.11');
    clock.advance(15 * MINUTE);
    await expectProblem(await requestToken(t, 'head1', 'still-wrong', '192.0.2.11'), 401, '/problems/bad-credentials');
    await expectProblem(await requestToken(t, 'head1', demoPassword, '192.0.2.11'), 423, '/problems/account-locked');
  });

  it('keeps the lock across a restart (the counter is in the database)', async () => {
    const clock = new TestClock();
    const t = await stack(clock);
    await wrongAttempts(t, 'clerk1', 20, '192.0.2.12');
    await t.close();
    open.splice(open.indexOf(t), 1);
    const restarted = await reopenOnClock(t.dbPath, clock);
    open.push(restarted);
    await expectProblem(await requestToken(restarted, 'clerk1', demoPassword, '192.0.2.12'), 423, '/problems/account-locked');
  });

  it('treats an unknown name exactly like a known one: same statuses, same problem bodies', async () => {
    const t = await stack(new TestClock());
    const known = await wrongAttempts(t, 'handler1', 40, '192.0.2.13');
    const unknown = await wrongAttempts(t, 'no-such-user', 40, '192.0.2.14');
    expect(unknown).toEqual(known);
    const a = await expectProblem(await requestToken(t, 'handler2', 'wrong', '192.0.2.15'), 401, '/problems/bad-credentials');
    const b = await expectProblem(await requestToken(t, 'nobody-2', 'wrong', '192.0.2.15'), 401, '/problems/bad-credentials');
    expect(b).toEqual(a);
  });
});

describe('backoff', () => {
  it('answers 429 with Retry-After during the backoff, doubling it, and checks again once it is over', async () => {
    const clock = new TestClock();
    const t = await stack(clock);
    expect(await wrongAttempts(t, 'reviewer2', 6, '192.0.2.20')).toEqual([401, 401, 401, 401, 401, 401]);
    const first = await requestToken(t, 'reviewer2', demoPassword, '192.0.2.20');
    await expectProblem(first, 429, '/problems/sign-in-throttled');
    // The refused attempt counted: 7 refusals, so the wait is now 2 s.
    expect(first.headers.get('Retry-After')).toBe('2');
    clock.advance(2_000);
    expect((await requestToken(t, 'reviewer2', demoPassword, '192.0.2.20')).status).toBe(200);
  });
});

describe('address limits', () => {
  it('throttles an address that tries many names, without touching other addresses', async () => {
    const t = await stack(new TestClock());
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await requestToken(t, `spray-${i}`, 'guess', '198.51.100.7')).status);
    expect(statuses).toEqual([...Array(21).fill(401), 429]);
    const refused = await requestToken(t, 'auditor1', demoPassword, '198.51.100.7');
    await expectProblem(refused, 429, '/problems/sign-in-throttled');
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect((await requestToken(t, 'auditor1', demoPassword, '198.51.100.8')).status).toBe(200);
  });

  it('groups IPv6 clients by /64', async () => {
    const t = await stack(new TestClock());
    for (let i = 0; i < 22; i++) await requestToken(t, `v6-${i}`, 'guess', `2001:db8:0:1::${i + 1}`);
    await expectProblem(await requestToken(t, 'auditor1', demoPassword, '2001:db8:0:1::ffff'), 429, '/problems/sign-in-throttled');
    expect((await requestToken(t, 'auditor1', demoPassword, '2001:db8:0:2::1')).status).toBe(200);
  });
});

describe('parallel guesses', () => {
  it('checks at most the free attempts plus one when many guesses arrive at once', async () => {
    const t = await stack(new TestClock());
    const statuses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => requestToken(t, 'admin1', `parallel-${i}`, '203.0.113.30').then((r) => r.status)),
    );
    const checked = statuses.filter((s) => s === 401).length;
    expect(checked).toBeGreaterThanOrEqual(1);
    expect(checked).toBeLessThanOrEqual(6);
    expect(statuses.filter((s) => s !== 401).every((s) => s === 429)).toBe(true);
  });
});

describe('malformed sign-in requests', () => {
  it('answers 400 for a missing password and counts nothing', async () => {
    const t = await stack(new TestClock());
    const res = await t.app.request('/api/v1/auth/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'reviewer1' }),
    });
    await expectProblem(res, 400, '/problems/malformed-request');
    const rows = await t.services.database.client.execute('SELECT count(*) AS n FROM sign_in_throttle');
    expect(Number(rows.rows[0]!.n)).toBe(0);
  });
});
