// The admin's units and staff pages through the real app: the unit tree, a unit and a user made by forms and
// read back through the API (the same service), roles and certificates changed, a user deactivated, the 30-day
// certificate warning shown, an e-mail address set, a malformed form refused with nothing written, and the English catalog.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { demoUnitIds } from '../../../server/demo/demo-units.js';
import { staffFromForm } from '../../../server/desk/staff-form.js';
import { DeskClient } from './desk-client.js';

const now = new Date('2026-11-30T02:00:00Z');
let t: TestApp;
let admin: DeskClient;

const post = async (path: string, fields: Record<string, string>) =>
  admin.post(path, { _csrf: await admin.csrf('/desk/admin/staff'), ...fields });
const staffNamed = async (username: string) =>
  ((await (await t.call('GET', '/api/v1/users', 'admin1')).json()).items as { username: string; id: string }[]).find(
    (u) => u.username === username,
  );

beforeAll(async () => {
  t = await createTestApp({ now: () => now });
  admin = new DeskClient(t);
  await admin.signIn('admin1');
});
afterAll(async () => {
  await t.close();
});

describe('the units and staff desk', () => {
  it('shows the unit tree and the staff in Chinese by default', async () => {
    const res = await admin.get('/desk/admin/staff');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('单位与人员');
    expect(html).toContain(`data-unit="${demoUnitIds.datong}"`);
    expect(html).toContain('data-staff="handler3"');
    expect(html).toContain('法律职业资格');
  });

  it('creates a unit through the form, placed under its parent as the API places it', async () => {
    const res = await post('/desk/admin/staff/units', { name: '大通县执法二中队', kind: 'office', parentId: demoUnitIds.datong });
    expect(res.status).toBe(303);
    const units = (await (await t.call('GET', '/api/v1/units', 'admin1')).json()).items as { name: string; path: string; id: string }[];
    const made = units.find((u) => u.name === '大通县执法二中队')!;
    expect(made.path).toBe(`/${demoUnitIds.detachment}/${demoUnitIds.datong}/${made.id}/`);
  });

  it('creates a user with a 执法证 expiring in 10 days, warned on the page; changes roles; deactivates', async () => {
    const created = await post('/desk/admin/staff/users', {
      username: 'desk-newcomer',
      displayName: '新承办人',
      password: 'a-long-password-123',
      roles: 'handler',
      unitId: demoUnitIds.datong,
      certificateNo: 'QH-ZF-0099',
      certificateValidUntil: '2026-12-10',
      qualificationNo: '',
      qualificationValidUntil: '',
    });
    expect(created.status).toBe(303);
    const user = await staffNamed('desk-newcomer');
    expect(user).toMatchObject({ roles: ['handler'], unitId: demoUnitIds.datong, certificateNo: 'QH-ZF-0099', qualificationNo: null });
    expect(user).toMatchObject({ warnings: [{ kind: 'certificate', daysLeft: 10, expired: false }] });
    const page = await (await admin.get('/desk/admin/staff')).text();
    expect(page).toMatch(/data-warning="desk-newcomer">[^<]*执法证 QH-ZF-0099将于 10 日后到期/);

    const changed = await post(`/desk/admin/staff/users/${user!.id}`, { roles: 'clerk', unitId: demoUnitIds.huangyuan, certificateNo: '' });
    expect(changed.status).toBe(303);
    expect(await staffNamed('desk-newcomer')).toMatchObject({ roles: ['clerk'], unitId: demoUnitIds.huangyuan, certificateNo: null });

    expect((await post(`/desk/admin/staff/users/${user!.id}/deactivate`, {})).status).toBe(303);
    expect(await staffNamed('desk-newcomer')).toMatchObject({ active: false });
  });

  it('sets a user’s e-mail address for notification mail, and refuses one that is not an address', async () => {
    const reviewer = t.users.reviewer2;
    const form = {
      roles: 'reviewer',
      unitId: reviewer.unitId!,
      qualificationNo: reviewer.qualificationNo!,
      qualificationValidUntil: reviewer.qualificationValidUntil!,
    };
    const bad = await post(`/desk/admin/staff/users/${reviewer.id}`, { ...form, email: 'not an address' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('data-problem="malformed_request"');
    expect((await t.services.users.byId(reviewer.id))?.email).toBeNull();
    expect((await post(`/desk/admin/staff/users/${reviewer.id}`, { ...form, email: 'zhao@example.gov.cn' })).status).toBe(303);
    const staff = (await (await t.call('GET', '/api/v1/users', 'admin1')).json()).items.find((u: { id: string }) => u.id === reviewer.id);
    expect(staff).toMatchObject({ email: 'zhao@example.gov.cn', qualificationNo: reviewer.qualificationNo });
    expect(await (await admin.get('/desk/admin/staff')).text()).toContain('value="zhao@example.gov.cn"');
  });

  it('refuses a malformed form with the API’s problem code and writes nothing', async () => {
    const before = await t.services.users.count();
    const res = await post('/desk/admin/staff/users', {
      username: 'short-password',
      displayName: '某',
      password: 'short',
      roles: 'handler',
      unitId: demoUnitIds.datong,
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('data-problem="malformed_request"');
    const unknown = await post('/desk/admin/staff/users', {
      username: 'nowhere',
      displayName: '某',
      password: 'a-long-password-123',
      roles: 'handler',
      unitId: 'no-such-unit',
    });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('data-problem="unknown_unit"');
    expect(await t.services.users.count()).toBe(before);
  });

  it('refuses the page to a head (403) and shows English with the English catalog', async () => {
    const head = new DeskClient(t);
    await head.signIn('head1');
    expect((await head.get('/desk/admin/staff')).status).toBe(403);
    admin.cookies.set('desk_lang', 'en');
    const html = await (await admin.get('/desk/admin/staff')).text();
    expect(html).toContain('Units and staff');
    expect(html).toContain('Legal qualification (法律职业资格)');
    admin.cookies.delete('desk_lang');
  });

  it('maps repeated role fields to the API’s list of roles', () => {
    const parsed = staffFromForm({
      username: 'x',
      displayName: 'X',
      password: 'a-long-password-123',
      roles: ['handler', 'reviewer'],
      unitId: demoUnitIds.review,
      qualificationNo: 'A2026',
      qualificationValidUntil: '2030-01-01',
    });
    expect(parsed.success && parsed.data).toMatchObject({ roles: ['handler', 'reviewer'], certificateNo: null, qualificationNo: 'A2026' });
  });
});
