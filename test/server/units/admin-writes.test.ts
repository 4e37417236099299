// Unit and staff administration writes go through the single writer: many at once, beside case commands that
// write the record, all commit (a libSQL file cannot run a second interactive transaction beside the writer's),
// and a taken username still answers 409 through the writer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sampleDraft, type TestApp } from '../../helpers/test-app.js';
import { demoUnitIds } from '../../../server/demo/demo-units.js';

let t: TestApp;

const staff = (username: string) => ({
  username,
  displayName: '新同事',
  password: 'a-long-password-123',
  roles: ['handler'],
  unitId: demoUnitIds.huangyuan,
  certificateNo: `QH-ZF-${username}`,
  certificateValidUntil: '2030-12-31',
});

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('administration writes through the single writer', () => {
  it('commits units, users, role changes and deactivations sent at once beside case commands', async () => {
    const units = Array.from({ length: 6 }, (_, i) =>
      t.call('POST', '/api/v1/units', 'admin1', { name: `湟源县执法中队 ${i}`, kind: 'office', parentId: demoUnitIds.huangyuan }),
    );
    const users = Array.from({ length: 6 }, (_, i) => t.call('POST', '/api/v1/users', 'admin1', staff(`burst${i}`)));
    const cases = Array.from({ length: 6 }, (_, i) => t.call('POST', '/api/v1/cases', 'handler1', sampleDraft({ title: `并发 ${i}` })));
    const answered = await Promise.all([...units, ...users, ...cases]);
    expect(answered.map((r) => r.status)).toEqual(Array(18).fill(201));
    const made = (await Promise.all(answered.slice(6, 12).map((r) => r.json()))) as { id: string }[];
    const changes = made.flatMap((u) => [
      t.call('PATCH', `/api/v1/users/${u.id}`, 'admin1', { roles: ['handler', 'clerk'] }),
      t.call('POST', `/api/v1/cases`, 'handler1', sampleDraft()),
    ]);
    expect((await Promise.all(changes)).map((r) => r.status)).toEqual(made.flatMap(() => [200, 201]));
    const ended = await Promise.all(made.map((u) => t.call('POST', `/api/v1/users/${u.id}/deactivate`, 'admin1')));
    expect(ended.map((r) => r.status)).toEqual(Array(6).fill(200));
    for (const u of made) expect(await t.services.users.byId(u.id)).toMatchObject({ active: false, roles: ['handler', 'clerk'] });
    expect((await t.services.units.subtree(`/${demoUnitIds.detachment}/${demoUnitIds.huangyuan}/`)).length).toBe(7);
  });

  it('answers 409 username-taken through the writer and writes nothing', async () => {
    const before = await t.services.users.count();
    const res = await t.call('POST', '/api/v1/users', 'admin1', staff('handler1'));
    expect(res.status).toBe(409);
    expect((await res.json()).type).toBe('/problems/username-taken');
    expect(await t.services.users.count()).toBe(before);
  });
});
