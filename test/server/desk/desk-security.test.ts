// The desk's doors: sign-in and sessions (stored hashed, HttpOnly/SameSite=Strict cookies), the same
// sign-in throttle and lock as the API, sign-out everywhere, CSRF on every form, and redirects to sign-in
// without a session. Every refusal is shown to change nothing.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { DeskClient } from './desk-client.js';
import { caseInReview, footprint } from './desk-fixtures.js';
import { TestClock, appOnClock, demoPassword } from '../users/sign-in-helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('desk sessions', () => {
  it('redirects requests without a session to sign-in, keeping the local page to return to', async () => {
    const c = await caseInReview(t);
    const anon = new DeskClient(t);
    const res = await anon.get(`/desk/cases/${c.id}`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/desk/sign-in?reason=required&next=${encodeURIComponent(`/desk/cases/${c.id}`)}`);
    expect((await t.app.request('/')).headers.get('location')).toBe('/desk');
  });

  it('signs in with an HttpOnly SameSite=Strict cookie whose token is stored only as its SHA-256', async () => {
    const client = new DeskClient(t);
    const csrf = await client.csrf('/desk/sign-in');
    const res = await client.post('/desk/sign-in', { _csrf: csrf, username: 'reviewer1', password: 'demo-password', next: '/desk' });
    expect(res.status).toBe(303);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('desk_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const token = client.cookies.get('desk_session')!;
    const rows = await t.services.database.client.execute({
      sql: 'SELECT token_hash FROM desk_sessions WHERE user_id = ?',
      args: [t.users.reviewer1.id],
    });
    expect(rows.rows.map((r) => r.token_hash)).toContain(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(rows.rows)).not.toContain(token);
    expect((await client.get('/desk')).status).toBe(200);
  });

  it('refuses a wrong password with 401 and starts no session', async () => {
    const client = new DeskClient(t);
    const csrf = await client.csrf('/desk/sign-in');
    const before = await t.services.database.client.execute('SELECT count(*) AS n FROM desk_sessions');
    const res = await client.post('/desk/sign-in', { _csrf: csrf, username: 'reviewer1', password: 'wrong', next: '/desk' });
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('用户名或密码不正确');
    expect(client.cookies.has('desk_session')).toBe(false);
    const after = await t.services.database.client.execute('SELECT count(*) AS n FROM desk_sessions');
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });

  it('never redirects off-site after sign-in', async () => {
    const client = new DeskClient(t);
    const csrf = await client.csrf('/desk/sign-in');
    const res = await client.post('/desk/sign-in', {
      _csrf: csrf,
      username: 'head1',
      password: 'demo-password',
      next: '//evil.example/desk',
    });
    expect(res.headers.get('location')).toBe('/desk');
  });

  it('ends the session on sign-out: the old cookie no longer opens pages', async () => {
    const client = new DeskClient(t);
    await client.signIn('clerk1');
    const token = client.cookies.get('desk_session')!;
    const res = await client.post('/desk/sign-out', { _csrf: await client.csrf() });
    expect(res.headers.get('location')).toBe('/desk/sign-in?reason=signedOut');
    expect(
      await t.services.database.client
        .execute({ sql: 'SELECT * FROM desk_sessions WHERE token_hash = ?', args: [createHash('sha256').update(token).digest('hex')] })
        .then((r) => r.rows.length),
    ).toBe(0);
    const replay = new DeskClient(t);
    replay.cookies.set('desk_session', token);
    const page = await replay.get('/desk');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toMatch(/^\/desk\/sign-in\?reason=expired/);
  });
});

describe('desk CSRF', () => {
  it('refuses a form without the CSRF token with 403 and changes nothing', async () => {
    const c = await caseInReview(t);
    const client = new DeskClient(t);
    await client.signIn('reviewer1');
    const before = await footprint(t, c.id);
    const refusedBefore = (await t.services.store.events(c.id, true)).length;
    const res = await client.post(`/desk/cases/${c.id}/events`, { type: 'review.assign', version: String(c.version) });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('data-problem="csrf_failed"');
    expect(await footprint(t, c.id)).toEqual(before);
    expect((await t.services.store.events(c.id, true)).length).toBe(refusedBefore);
  });

  it("refuses another user's CSRF token with 403", async () => {
    const c = await caseInReview(t);
    const mallory = new DeskClient(t);
    await mallory.signIn('reviewer2');
    const victim = new DeskClient(t);
    await victim.signIn('reviewer1');
    const before = await footprint(t, c.id);
    const res = await victim.post(`/desk/cases/${c.id}/events`, {
      _csrf: await mallory.csrf(),
      type: 'review.assign',
      version: String(c.version),
    });
    expect(res.status).toBe(403);
    expect(await footprint(t, c.id)).toEqual(before);
  });

  it('refuses a sign-in form without the CSRF token', async () => {
    const client = new DeskClient(t);
    await client.get('/desk/sign-in');
    const res = await client.post('/desk/sign-in', { username: 'reviewer1', password: 'demo-password' });
    expect(res.status).toBe(403);
    expect(client.cookies.has('desk_session')).toBe(false);
  });

  it('sends a form with a valid anonymous token but no session to sign-in, changing nothing', async () => {
    const c = await caseInReview(t);
    const anon = new DeskClient(t);
    const csrf = await anon.csrf('/desk/sign-in');
    const before = await footprint(t, c.id);
    const res = await anon.post(`/desk/cases/${c.id}/events`, { _csrf: csrf, type: 'review.assign', version: String(c.version) });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/desk\/sign-in\?reason=required/);
    expect(await footprint(t, c.id)).toEqual(before);
  });
});

describe('desk language', () => {
  it('switches to English and keeps it in a cookie', async () => {
    const client = new DeskClient(t);
    await client.signIn('reviewer1');
    expect(await (await client.get('/desk')).text()).toContain('<html lang="zh-CN">');
    const res = await client.post('/desk/lang', { _csrf: await client.csrf(), lang: 'en', next: '/desk' });
    expect(res.status).toBe(303);
    const page = await (await client.get('/desk')).text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('My reviews');
  });
});

describe('desk sign-in throttle', () => {
  const clock = new TestClock();
  let locked: TestApp;
  beforeAll(async () => {
    locked = await appOnClock(clock);
  });
  afterAll(async () => {
    await locked.close();
  });

  /** Posts the sign-in form; answers the status, Retry-After and the problem code shown. */
  async function attempt(client: DeskClient, username: string, password: string) {
    const res = await client.post('/desk/sign-in', { _csrf: await client.csrf('/desk/sign-in'), username, password, next: '/desk' });
    const problem = /data-problem="([^"]+)"/.exec(await res.text())?.[1];
    return { status: res.status, retryAfter: res.headers.get('Retry-After'), problem };
  }

  it('backs off with 429, then locks the account with 423 even for the right password, until the lock is over', async () => {
    const client = new DeskClient(locked, '192.0.2.70');
    const seen = [];
    for (let i = 0; i < 20; i++) seen.push(await attempt(client, 'reviewer1', `wrong-${i}`));
    expect(seen.slice(0, 6).every((a) => a.status === 401 && a.problem === 'bad_credentials')).toBe(true);
    expect(seen[6]).toEqual({ status: 429, retryAfter: '2', problem: 'sign_in_throttled' });
    expect(seen[19]).toEqual({ status: 423, retryAfter: '900', problem: 'account_locked' });
    const right = await attempt(client, 'reviewer1', demoPassword);
    expect(right).toEqual({ status: 423, retryAfter: '900', problem: 'account_locked' });
    expect(client.cookies.has('desk_session')).toBe(false);
    clock.advance(15 * 60_000);
    await client.signIn('reviewer1');
  });

  it('shares the counter with the API: a lock earned on the form refuses a token too', async () => {
    const client = new DeskClient(locked, '192.0.2.71');
    for (let i = 0; i < 20; i++) await attempt(client, 'head1', `wrong-${i}`);
    const res = await locked.app.request('/api/v1/auth/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'head1', password: demoPassword }),
    });
    expect(res.status).toBe(423);
    expect(((await res.json()) as { type: string }).type).toBe('/problems/account-locked');
  });
});

describe('desk sign-out everywhere', () => {
  it("ends every desk session and bearer token of the user, and no one else's", async () => {
    const here = new DeskClient(t);
    await here.signIn('handler2');
    const there = new DeskClient(t);
    await there.signIn('handler2');
    const bystander = new DeskClient(t);
    await bystander.signIn('handler1');
    const token = await t.services.users.issueToken(t.users.handler2.id);
    const res = await here.post('/desk/sign-out', { _csrf: await here.csrf(), scope: 'all' });
    expect(res.headers.get('location')).toBe('/desk/sign-in?reason=signedOutAll');
    expect(await (await here.get('/desk/sign-in?reason=signedOutAll')).text()).toContain('您已在所有设备上退出登录');
    expect((await there.get('/desk')).headers.get('location')).toMatch(/^\/desk\/sign-in\?reason=expired/);
    const api = await t.app.request('/api/v1/cases', { headers: { Authorization: `Bearer ${token}` } });
    expect(api.status).toBe(401);
    expect((await bystander.get('/desk')).status).toBe(200);
    expect((await t.call('GET', '/api/v1/cases', 'handler1')).status).toBe(200);
  });

  it('offers sign-out everywhere on every signed-in page', async () => {
    const client = new DeskClient(t);
    await client.signIn('clerk1');
    expect(await (await client.get('/desk')).text()).toContain('name="scope" value="all"');
  });

  it('ignores an unknown reason on the sign-in page', async () => {
    const page = await new DeskClient(t).get('/desk/sign-in?reason=constructor');
    expect(page.status).toBe(200);
    expect(await page.text()).not.toContain('role="status"');
  });
});
