// The units and staff administration API through the real app: the demo tree, creating units and users in
// them, roles and units changed (and with them who sees which case), deactivation, certificate warnings 30 days
// ahead, and every refusal with its status and problem type.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sampleDraft, type DemoUserName, type TestApp } from '../../helpers/test-app.js';
import { demoUnitIds } from '../../../server/demo/demo-units.js';

const now = new Date('2026-11-30T02:00:00Z');
let t: TestApp;

const call = async (method: string, path: string, user: DemoUserName, body?: unknown) => {
  const res = await t.call(method, path, user, body);
  return { status: res.status, body: await res.json() };
};
const newStaff = (username: string, over: Record<string, unknown> = {}) => ({
  username,
  displayName: '新同事',
  password: 'a-long-password-123',
  roles: ['handler'],
  unitId: demoUnitIds.datong,
  certificateNo: `QH-ZF-${username}`,
  certificateValidUntil: '2030-12-31',
  ...over,
});

beforeAll(async () => {
  t = await createTestApp({ now: () => now });
});
afterAll(async () => {
  await t.close();
});

describe('units', () => {
  it('lists the demo tree: the 支队 headed by head1, its 法制审核科 and two county 大队', async () => {
    const { status, body } = await call('GET', '/api/v1/units', 'handler1');
    expect(status).toBe(200);
    const byId = new Map((body.items as { id: string }[]).map((u) => [u.id, u]));
    expect(byId.get(demoUnitIds.detachment)).toMatchObject({ kind: 'detachment', parentId: null, headUserId: t.users.head1.id });
    expect(byId.get(demoUnitIds.review)).toMatchObject({ kind: 'review', parentId: demoUnitIds.detachment });
    expect(byId.get(demoUnitIds.datong)).toMatchObject({
      kind: 'brigade',
      headUserId: t.users.head2.id,
      path: `/${demoUnitIds.detachment}/${demoUnitIds.datong}/`,
    });
    expect(byId.get(demoUnitIds.huangyuan)).toMatchObject({ kind: 'brigade' });
    expect(t.users.reviewer1.unitId).toBe(demoUnitIds.review);
    expect([t.users.handler3.unitId, t.users.head2.unitId]).toEqual([demoUnitIds.datong, demoUnitIds.datong]);
  });

  it('lets an admin create a unit under a parent and name its 主要负责人', async () => {
    const made = await call('POST', '/api/v1/units', 'admin1', { name: '大通县执法一中队', kind: 'office', parentId: demoUnitIds.datong });
    expect(made.status).toBe(201);
    expect(made.body.path).toBe(`/${demoUnitIds.detachment}/${demoUnitIds.datong}/${made.body.id}/`);
    const named = await call('PATCH', `/api/v1/units/${made.body.id}`, 'admin1', { headUserId: t.users.head2.id });
    expect([named.status, named.body.headUserId]).toEqual([200, t.users.head2.id]);
  });

  it.each([
    ['a non-admin', 'head1', 'POST', '/api/v1/units', { name: 'x', kind: 'office', parentId: null }, 403, 'admin-only'],
    ['an unknown parent', 'admin1', 'POST', '/api/v1/units', { name: 'x', kind: 'office', parentId: 'nope' }, 400, 'unknown-parent'],
    ['an unknown kind', 'admin1', 'POST', '/api/v1/units', { name: 'x', kind: 'team', parentId: null }, 400, 'malformed-request'],
    ['an unknown unit', 'admin1', 'PATCH', '/api/v1/units/nope', { name: 'x' }, 404, 'unit-not-found'],
    ['an unknown head', 'admin1', 'PATCH', `/api/v1/units/${demoUnitIds.datong}`, { headUserId: 'nope' }, 400, 'unknown-user'],
  ] as const)('refuses %s', async (_name, user, method, path, body, status, type) => {
    const before = await t.services.units.list();
    const res = await call(method, path, user, body);
    expect([res.status, res.body.type]).toEqual([status, `/problems/${type}`]);
    expect(await t.services.units.list()).toEqual(before);
  });
});

describe('staff', () => {
  it('creates a user in a unit who signs in and opens cases there, with a certificate warning 30 days ahead', async () => {
    const made = await call('POST', '/api/v1/users', 'admin1', newStaff('handler4', { certificateValidUntil: '2026-12-20' }));
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ unitId: demoUnitIds.datong, roles: ['handler'], active: true });
    expect(made.body.warnings).toEqual([
      { kind: 'certificate', number: 'QH-ZF-handler4', validUntil: '2026-12-20', daysLeft: 20, expired: false },
    ]);
    expect(made.body).not.toHaveProperty('passwordHash');
    const token = await t.services.users.issueToken(made.body.id);
    const opened = await t.app.request('/api/v1/cases', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(sampleDraft({ title: '新同事立案' })),
    });
    expect(opened.status).toBe(201);
    expect((await t.services.store.get((await opened.json()).id))?.unitId).toBe(demoUnitIds.datong);
  });

  it('shows certificate warnings to admins for everyone and to a head for their units only', async () => {
    await call(
      'POST',
      '/api/v1/users',
      'admin1',
      newStaff('expired1', { unitId: demoUnitIds.detachment, certificateValidUntil: '2026-11-01' }),
    );
    const all = await call('GET', '/api/v1/certificate-warnings', 'admin1');
    expect((all.body.items as { username: string }[]).map((u) => u.username).sort()).toEqual(['expired1', 'handler4']);
    const county = await call('GET', '/api/v1/certificate-warnings', 'head2');
    expect((county.body.items as { username: string }[]).map((u) => u.username)).toEqual(['handler4']);
    const city = await call('GET', '/api/v1/certificate-warnings', 'head1');
    expect(city.body.items.find((u: { username: string }) => u.username === 'expired1').warnings[0]).toMatchObject({
      expired: true,
      daysLeft: -29,
    });
    expect((await call('GET', '/api/v1/certificate-warnings', 'handler1')).status).toBe(403);
  });

  it('moves a user to another unit, and with it which cases they see', async () => {
    const opened = await call('POST', '/api/v1/cases', 'handler3', sampleDraft({ title: '大通县案件' }));
    const mover = await call('POST', '/api/v1/users', 'admin1', newStaff('mover', { unitId: demoUnitIds.huangyuan }));
    const token = await t.services.users.issueToken(mover.body.id);
    const read = () => t.app.request(`/api/v1/cases/${opened.body.id}`, { headers: { Authorization: `Bearer ${token}` } });
    expect((await read()).status).toBe(404);
    const moved = await call('PATCH', `/api/v1/users/${mover.body.id}`, 'admin1', {
      unitId: demoUnitIds.datong,
      roles: ['handler', 'clerk'],
    });
    expect([moved.status, moved.body.roles]).toEqual([200, ['handler', 'clerk']]);
    expect((await read()).status).toBe(200);
  });

  it('deactivates a user: their token stops at once', async () => {
    const made = await call('POST', '/api/v1/users', 'admin1', newStaff('leaver'));
    const token = await t.services.users.issueToken(made.body.id);
    const done = await call('POST', `/api/v1/users/${made.body.id}/deactivate`, 'admin1');
    expect([done.status, done.body.active]).toEqual([200, false]);
    const res = await t.app.request('/api/v1/cases', { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(401);
  });

  it.each([
    ['a non-admin listing staff', 'head1', 'GET', '/api/v1/users', undefined, 403, 'admin-only'],
    ['a taken username', 'admin1', 'POST', '/api/v1/users', newStaff('handler1'), 409, 'username-taken'],
    ['an unknown unit', 'admin1', 'POST', '/api/v1/users', newStaff('x1', { unitId: 'nope' }), 400, 'unknown-unit'],
    ['a short password', 'admin1', 'POST', '/api/v1/users', newStaff('x2', { password: 'short' }), 400, 'malformed-request'],
    ['an unknown role', 'admin1', 'POST', '/api/v1/users', newStaff('x3', { roles: ['boss'] }), 400, 'malformed-request'],
    ['a bad date', 'admin1', 'POST', '/api/v1/users', newStaff('x4', { certificateValidUntil: '31.12.2030' }), 400, 'malformed-request'],
    ['an unknown user', 'admin1', 'PATCH', '/api/v1/users/nope', { roles: ['handler'] }, 404, 'user-not-found'],
    ['a move to an unknown unit', 'admin1', 'PATCH', '/api/v1/users/__handler1__', { unitId: 'nope' }, 400, 'unknown-unit'],
    ['a non-admin deactivating', 'head1', 'POST', '/api/v1/users/__handler1__/deactivate', undefined, 403, 'admin-only'],
  ] as const)('refuses %s and changes nothing', async (_name, user, method, path, body, status, type) => {
    const before = await t.services.users.list();
    const res = await call(method, path.replace('__handler1__', t.users.handler1.id), user, body);
    expect([res.status, res.body.type]).toEqual([status, `/problems/${type}`]);
    expect(await t.services.users.list()).toEqual(before);
  });
});
