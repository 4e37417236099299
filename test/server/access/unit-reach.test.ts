// Who sees which case, by unit, through the real app: a county handler cannot read, list, export, search or
// command a 支队 case (404, nothing recorded); the county head sees only county cases; the 支队 head sees its
// sub-units; reviewers see a case once it is sent to their 法制审核科; auditors and admins see all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sampleDraft, type DemoUserName, type TestApp } from '../../helpers/test-app.js';
import { DeskClient } from '../desk/desk-client.js';
import { footprint, sendOk } from '../desk/desk-fixtures.js';
import { noticeSend, onClockOf } from '../../helpers/party-commands.js';

let t: TestApp;
let cityCase: string;
let countyCase: string;

const open = async (user: DemoUserName, title: string): Promise<string> => {
  const res = await t.call('POST', '/api/v1/cases', user, sampleDraft({ title }));
  expect(res.status).toBe(201);
  return (await res.json()).id;
};
const listed = async (user: DemoUserName): Promise<string[]> => {
  const res = await t.call('GET', '/api/v1/cases', user);
  expect(res.status).toBe(200);
  return ((await res.json()).items as { id: string }[]).map((c) => c.id);
};
const statusOf = async (user: DemoUserName, path: string) => (await t.call('GET', path, user)).status;

beforeAll(async () => {
  t = await createTestApp();
  cityCase = await open('handler1', '支队超限运输案');
  countyCase = await open('handler3', '大通县超限运输案');
});
afterAll(async () => {
  await t.close();
});

describe('who sees which case, by unit', () => {
  it('stores the opening handler’s unit on the case, on the record too', async () => {
    expect((await t.services.store.get(cityCase))?.unitId).toBe(t.users.handler1.unitId);
    expect((await t.services.store.get(countyCase))?.unitId).toBe(t.users.handler3.unitId);
    const [opening] = await t.services.store.events(countyCase, false);
    expect(opening?.payload).toMatchObject({ unitId: t.users.handler3.unitId });
  });

  it('hides handler1’s case from handler3: read, record, drafts, evidence, list and export are 404 or absent', async () => {
    for (const path of ['', '/events', '/drafts', '/deadlines', '/evidence', '/export', '/timeline']) {
      const res = await t.call('GET', `/api/v1/cases/${cityCase}${path}`, 'handler3');
      expect(res.status, path).toBe(404);
      expect((await res.json()).type).toBe('/problems/case-not-found');
    }
    expect(await listed('handler3')).toEqual([countyCase]);
  });

  it('answers a command on a hidden case 404 and records nothing', async () => {
    const before = await footprint(t, cityCase);
    const refusedBefore = (await t.services.store.events(cityCase, true)).length;
    const res = await t.call('POST', `/api/v1/cases/${cityCase}/events`, 'handler3', noticeSend(onClockOf(t)(0)));
    expect(res.status).toBe(404);
    expect((await res.json()).type).toBe('/problems/case-not-found');
    const draft = await t.call('PUT', `/api/v1/cases/${cityCase}/draft`, 'handler3', sampleDraft());
    expect(draft.status).toBe(404);
    expect(await footprint(t, cityCase)).toEqual(before);
    expect((await t.services.store.events(cityCase, true)).length).toBe(refusedBefore);
  });

  it('hides the case on the desk and in the desk’s search', async () => {
    const desk = new DeskClient(t);
    await desk.signIn('handler3');
    expect((await desk.get(`/desk/cases/${cityCase}`)).status).toBe(404);
    const head2 = new DeskClient(t);
    await head2.signIn('head2');
    const search = await (await head2.get(`/desk/audit?q=${encodeURIComponent('超限运输案')}`)).text();
    expect(search).toContain(countyCase);
    expect(search).not.toContain(cityCase);
  });

  it('lets head2 see only the county cases, head1 the 支队 and its 大队, auditor1 and admin1 all', async () => {
    expect(await listed('head2')).toEqual([countyCase]);
    expect(await statusOf('head2', `/api/v1/cases/${cityCase}`)).toBe(404);
    expect(await statusOf('head2', `/api/v1/cases/${countyCase}/export`)).toBe(200);
    for (const user of ['head1', 'auditor1', 'admin1'] as const) {
      expect((await listed(user)).sort(), user).toEqual([cityCase, countyCase].sort());
      expect(await statusOf(user, `/api/v1/cases/${countyCase}`), user).toBe(200);
    }
  });

  it('shows a case to the 法制审核科 only once it is sent for review', async () => {
    expect(await statusOf('reviewer1', `/api/v1/cases/${countyCase}`)).toBe(404);
    expect(await listed('reviewer1')).not.toContain(countyCase);
    await sendOk(t, countyCase, 'handler3', noticeSend(onClockOf(t)(0)));
    await sendOk(t, countyCase, 'handler3', { type: 'rights.waive' });
    await sendOk(t, countyCase, 'handler3', { type: 'review.submit', attestation: true });
    expect(await statusOf('reviewer1', `/api/v1/cases/${countyCase}`)).toBe(200);
    expect(await listed('reviewer1')).toContain(countyCase);
    const claimed = await t.call('POST', `/api/v1/cases/${countyCase}/events`, 'reviewer2', {
      type: 'review.assign',
      reviewerId: t.users.reviewer2.id,
    });
    expect(claimed.status).toBe(200);
  });
});
