// GET /api/v1/calendar/years for heads and admins, with the warning that next year's State Council notice is
// missing (from 1 November until it is loaded), and the pure rule behind that warning.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextYearNoticeWarning } from '../../../server/calendar/notice-warning.js';
import { createTestApp, type DemoUserName, type TestApp } from '../../helpers/test-app.js';

describe('nextYearNoticeWarning', () => {
  const loaded = new Set([2025, 2026]);
  const warn2027 = { year: 2027, missing: true } as const;
  it.each<[string, typeof warn2027 | null, string]>([
    ['2026-10-31', null, 'before November'],
    ['2026-11-01', warn2027, 'from 1 November'],
    ['2026-12-31', warn2027, 'through December'],
    ['2027-01-04', warn2027, 'after New Year, while 2027 is still missing'],
    ['2027-06-01', warn2027, 'any time the current year is missing'],
    ['2025-11-15', null, 'when next year is loaded'],
  ])('on %s is %j (%s)', (today, expected) => {
    expect(nextYearNoticeWarning(today, loaded)).toEqual(expected);
  });
});

let now = new Date('2026-11-02T01:00:00Z'); // 10:00 in China, a day into November
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: () => now });
});
afterAll(async () => {
  await t.close();
});

describe('GET /calendar/years', () => {
  it.each(['handler1', 'reviewer1', 'clerk1', 'auditor1'] as DemoUserName[])('refuses %s with 403', async (user) => {
    const res = await t.call('GET', '/api/v1/calendar/years', user);
    expect(res.status).toBe(403);
    expect((await res.json()).type).toBe('/problems/calendar-years-forbidden');
  });

  it('does not warn in August, while 2027 is still missing', async () => {
    now = new Date('2026-08-10T01:00:00Z');
    expect((await (await t.call('GET', '/api/v1/calendar/years', 'admin1')).json()).nextYearNotice).toBeNull();
    now = new Date('2026-11-02T01:00:00Z');
  });

  it.each(['head1', 'admin1'] as DemoUserName[])('lists the loaded years with source and version for %s, and warns', async (user) => {
    const body = await (await t.call('GET', '/api/v1/calendar/years', user)).json();
    expect(body.items.map((y: { year: number }) => y.year)).toContain(2026);
    expect(body.items[0]).toMatchObject({ source: 'chinese-days', version: expect.any(String) });
    expect(body.nextYearNotice).toEqual({ year: 2027, missing: true });
  });

  it('stops warning once the 2027 notice is loaded', async () => {
    const notice = { source: 'https://www.gov.cn/zhengce/zhengceku/2027-test-notice.htm', holidays: ['2027-01-01'], workdays: [] };
    expect((await t.call('PUT', '/api/v1/calendar/years/2027', 'admin1', notice)).status).toBe(200);
    expect((await (await t.call('GET', '/api/v1/calendar/years', 'head1')).json()).nextYearNotice).toBeNull();
  });
});
