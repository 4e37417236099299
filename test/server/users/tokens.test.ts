// Bearer tokens end: they expire (policy lifetime, shown as expiresAt), can be revoked one by one or all at
// once with the user's desk sessions, die with the user's deactivation on the very next request (when another
// process deactivates: within AUTH_RECHECK_MS, at once when it is 0), and expired credentials are swept.
// Every refusal: status and problem type.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../../db/core/client.js';
import { createUserStore } from '../../../db/users/user-store.js';
import { parseEnv } from '../../../server/env.js';
import { createTestApp, databaseUrlOf, type TestApp } from '../../helpers/test-app.js';
import { DeskClient } from '../desk/desk-client.js';
import { TestClock, appOnClock, demoPassword, expectProblem, fromAddress, requestToken } from './sign-in-helpers.js';

const HOUR = 3_600_000;
const clock = new TestClock();
let t: TestApp;
beforeAll(async () => {
  t = await appOnClock(clock);
});
afterAll(async () => {
  await t.close();
});

/** A fresh token for `username` through the API. */
async function tokenFor(username: string): Promise<{ token: string; expiresAt: string }> {
  const res = await requestToken(t, username, demoPassword, '192.0.2.50');
  expect(res.status).toBe(200);
  return (await res.json()) as { token: string; expiresAt: string };
}
/** Stored tokens and desk sessions of a user. */
async function credentialsOf(userId: string): Promise<{ tokens: number; sessions: number }> {
  const n = async (table: string) =>
    Number(
      (await t.services.database.client.execute({ sql: `SELECT count(*) AS n FROM ${table} WHERE user_id = ?`, args: [userId] })).rows[0]!
        .n,
    );
  return { tokens: await n('tokens'), sessions: await n('desk_sessions') };
}
const listCases = (token: string) => t.app.request('/api/v1/cases', { headers: { Authorization: `Bearer ${token}` } });
function revoke(token: string | null, body?: string): Promise<Response> {
  const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return fromAddress(t, '192.0.2.50', '/api/v1/auth/revoke', { method: 'POST', headers, body });
}
/** Deactivates `userId` on a connection of its own, as the user CLI (another process) does. */
async function deactivateElsewhere(app: TestApp, userId: string): Promise<void> {
  const cli = await createDb(databaseUrlOf(app.dbPath));
  try {
    await createUserStore(cli.client).deactivate(userId);
  } finally {
    await cli.close();
  }
}
async function expectUnauthorized(res: Response): Promise<void> {
  await expectProblem(res, 401, '/problems/unauthorized');
  expect(res.headers.get('WWW-Authenticate')).toBe('Bearer realm="legal-review"');
}

describe('token expiry', () => {
  it('states expiresAt (the policy lifetime) and refuses the token from that instant', async () => {
    const { token, expiresAt } = await tokenFor('handler1');
    expect(expiresAt).toBe(new Date(clock.ms + 12 * HOUR).toISOString());
    clock.advance(12 * HOUR - 1);
    expect((await listCases(token)).status).toBe(200);
    clock.advance(1);
    await expectUnauthorized(await listCases(token));
  });
});

describe('revocation', () => {
  it('revokes the presented token only: it gets 401, another token of the user still works', async () => {
    const a = await tokenFor('reviewer1');
    const b = await tokenFor('reviewer1');
    const res = await revoke(a.token);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ revoked: { tokens: 1, sessions: 0 } });
    await expectUnauthorized(await listCases(a.token));
    await expectUnauthorized(await revoke(a.token));
    expect((await listCases(b.token)).status).toBe(200);
  });

  it('revokes every token and desk session of the user with {all: true}', async () => {
    const a = await tokenFor('head1');
    const b = await tokenFor('head1');
    const desk = new DeskClient(t, '192.0.2.51');
    await desk.signIn('head1');
    const other = await tokenFor('clerk1');
    const held = await credentialsOf(t.users.head1.id);
    expect(held.tokens).toBeGreaterThanOrEqual(2);
    expect(held.sessions).toBe(1);
    const res = await revoke(a.token, JSON.stringify({ all: true }));
    expect(await res.json()).toEqual({ revoked: held });
    expect(await credentialsOf(t.users.head1.id)).toEqual({ tokens: 0, sessions: 0 });
    await expectUnauthorized(await listCases(a.token));
    await expectUnauthorized(await listCases(b.token));
    const page = await desk.get('/desk');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toMatch(/^\/desk\/sign-in\?reason=expired/);
    expect((await listCases(other.token)).status).toBe(200);
  });

  it('refuses a revoke without a valid bearer (401) and a malformed body (400), revoking nothing', async () => {
    const { token } = await tokenFor('auditor1');
    await expectUnauthorized(await revoke(null));
    await expectUnauthorized(await revoke('not-a-token'));
    await expectProblem(await revoke(token, JSON.stringify({ all: 'yes' })), 400, '/problems/malformed-request');
    await expectProblem(await revoke(token, JSON.stringify({ all: true, extra: 1 })), 400, '/problems/malformed-request');
    await expectProblem(await revoke(token, '{not json'), 400, '/problems/malformed-request');
    expect((await listCases(token)).status).toBe(200);
  });
});

describe('deactivation', () => {
  it("refuses a deactivated user's token and desk session on the very next request", async () => {
    const { token } = await tokenFor('handler2');
    const desk = new DeskClient(t, '192.0.2.52');
    await desk.signIn('handler2');
    expect((await listCases(token)).status).toBe(200);
    expect((await desk.get('/desk')).status).toBe(200);
    const held = await credentialsOf(t.users.handler2.id);
    expect(await t.services.users.deactivate(t.users.handler2.id)).toEqual({ found: true, ...held });
    await expectUnauthorized(await listCases(token));
    expect((await desk.get('/desk')).status).toBe(303);
    await expectProblem(await requestToken(t, 'handler2', demoPassword, '192.0.2.52'), 401, '/problems/bad-credentials');
  });

  it('takes effect within AUTH_RECHECK_MS when another process (the user CLI) deactivates the user', async () => {
    const { token } = await tokenFor('admin1');
    expect((await listCases(token)).status).toBe(200);
    await deactivateElsewhere(t, t.users.admin1.id);
    clock.advance(parseEnv({}).AUTH_RECHECK_MS);
    await expectUnauthorized(await listCases(token));
  });

  it('takes effect at once when another process deactivates the user and AUTH_RECHECK_MS is 0', async () => {
    const strict = await createTestApp({ now: clock.now, envVars: { AUTH_RECHECK_MS: '0' } });
    try {
      const { token } = (await (await requestToken(strict, 'handler3', demoPassword, '192.0.2.53')).json()) as { token: string };
      const list = () => strict.app.request('/api/v1/cases', { headers: { Authorization: `Bearer ${token}` } });
      expect((await list()).status).toBe(200);
      await deactivateElsewhere(strict, strict.users.handler3.id);
      await expectUnauthorized(await list());
    } finally {
      await strict.close();
    }
  });
});

describe('cleanup of expired credentials', () => {
  async function count(table: string): Promise<number> {
    const rs = await t.services.database.client.execute(`SELECT count(*) AS n FROM ${table}`);
    return Number(rs.rows[0]!.n);
  }

  it('deletes expired tokens, sessions and forgotten sign-in counters, and keeps live ones', async () => {
    await tokenFor('reviewer2');
    await new DeskClient(t, '192.0.2.53').signIn('reviewer2');
    await requestToken(t, 'reviewer2', 'wrong', '192.0.2.54');
    clock.advance(13 * HOUR);
    // Issued directly: a sign-in would sweep before the test does.
    const live = await t.services.users.issue(t.users.reviewer2.id);
    const before = { tokens: await count('tokens'), sessions: await count('desk_sessions'), throttle: await count('sign_in_throttle') };
    expect(before.throttle).toBeGreaterThan(0);
    const removed = await t.services.users.cleanupExpiredCredentials(clock.now());
    expect(removed.tokens).toBe(before.tokens - 1);
    expect(removed.sessions).toBe(before.sessions);
    expect(removed.throttleRows).toBe(before.throttle);
    expect(await count('tokens')).toBe(1);
    expect(await count('desk_sessions')).toBe(0);
    expect(await count('sign_in_throttle')).toBe(0);
    expect((await listCases(live.token)).status).toBe(200);
  });

  it('sweeps on a successful sign-in, so expired tokens go without a timer', async () => {
    await tokenFor('clerk1');
    clock.advance(13 * HOUR);
    const expired = await t.services.database.client.execute({
      sql: 'SELECT count(*) AS n FROM tokens WHERE expires_at <= ?',
      args: [clock.now().toISOString()],
    });
    expect(Number(expired.rows[0]!.n)).toBeGreaterThan(0);
    await tokenFor('clerk1');
    const after = await t.services.database.client.execute({
      sql: 'SELECT count(*) AS n FROM tokens WHERE expires_at <= ?',
      args: [clock.now().toISOString()],
    });
    expect(Number(after.rows[0]!.n)).toBe(0);
  });
});
