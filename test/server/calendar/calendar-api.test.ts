// The calendar as stored in the database and served by /api/v1/calendar: official 2026 dates with their
// 补班 days, provisional answers across the 2026/2027 year end, and admin loading of a new year and overrides.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type DemoUserName, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-08-10T01:00:00Z') });
});
afterAll(async () => {
  await t.close();
});

const { version } = createRequire(import.meta.url)('chinese-days/package.json') as { version: string };

async function addWorkingDays(from: string, days: number, region?: string) {
  const q = new URLSearchParams({ from, days: String(days), ...(region === undefined ? {} : { region }) });
  const res = await t.call('GET', `/api/v1/calendar/add-working-days?${q}`, 'handler1');
  expect(res.status).toBe(200);
  const { date, provisional } = await res.json();
  return { date, provisional };
}

async function expectProblem(res: Response, status: number, type: string) {
  expect(res.status).toBe(status);
  expect((await res.json()).type).toBe(type);
}

/** A made-up 2027 schedule for tests only: the real notice is expected around November 2026. */
const hypothetical2027 = {
  source: 'https://www.gov.cn/zhengce/zhengceku/2027-test-notice.htm',
  version: 'test-2027',
  holidays: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04'],
  workdays: ['2027-01-09'],
};

describe('years in the database', () => {
  it('holds the bundled chinese-days years with source, notice address and version', async () => {
    const { items } = await (await t.call('GET', '/api/v1/calendar/years', 'head1')).json();
    const y2026 = items.find((y: { year: number }) => y.year === 2026);
    expect(y2026).toMatchObject({
      source: 'chinese-days',
      version,
      loadedBy: 'system',
      sourceUrl: 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm',
    });
    expect(y2026.workdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    expect(items.some((y: { year: number }) => y.year === 2027)).toBe(false);
  });
});

describe('GET /calendar/add-working-days on the 2026 schedule', () => {
  it.each([
    ['2026-02-13', 1, '2026-02-14', '春节: the 补班 Saturday counts'],
    ['2026-02-14', 1, '2026-02-24', '春节: 02-15..02-23 skipped'],
    ['2026-02-27', 1, '2026-02-28', '春节: the second 补班 Saturday'],
    ['2026-04-03', 1, '2026-04-07', '清明: 04-04..04-06 skipped'],
    ['2026-04-30', 1, '2026-05-06', '劳动节: 05-01..05-05 skipped'],
    ['2026-05-08', 1, '2026-05-09', '劳动节: 补班 Saturday 05-09'],
    ['2026-06-18', 1, '2026-06-22', '端午: 06-19..06-21 skipped'],
    ['2026-09-19', 1, '2026-09-20', '国庆: 补班 Sunday 09-20'],
    ['2026-09-24', 5, '2026-10-09', '中秋 09-25..27 and 国庆 10-01..07 skipped'],
    ['2026-09-30', 3, '2026-10-10', '国庆: 补班 Saturday 10-10 counts'],
  ])('%s plus %i is %s (%s)', async (from, days, date) => {
    expect(await addWorkingDays(from, days)).toEqual({ date, provisional: false });
  });

  it('counts working days between dates', async () => {
    const res = await t.call('GET', '/api/v1/calendar/count-working-days?from=2026-09-30&to=2026-10-13', 'clerk1');
    expect(await res.json()).toMatchObject({ days: 5, provisional: false });
  });

  it.each([
    ['2027-02-04', 1, '2027-02-11', '春节: 除夕 02-05 to 初三 02-08 and two weekdays for 初一/初二 on the weekend'],
    ['2027-04-02', 1, '2027-04-06', '清明: Monday 04-05'],
    ['2027-06-08', 1, '2027-06-10', '端午: Wednesday 06-09'],
    ['2027-09-14', 1, '2027-09-16', '中秋: Wednesday 09-15'],
    ['2027-02-11', -1, '2027-02-04', 'backwards over 春节'],
  ])('in unpublished 2027, %s plus %i is %s, provisional (%s)', async (from, days, date) => {
    expect(await addWorkingDays(from, days)).toEqual({ date, provisional: true });
  });

  it('marks answers that reach unpublished 2027 as provisional', async () => {
    expect(await addWorkingDays('2026-12-28', 3)).toEqual({ date: '2026-12-31', provisional: false });
    // 12-29, 12-30, 12-31, then 2027-01-01 (fixed 元旦) and the weekend, then 01-04 and 01-05.
    expect(await addWorkingDays('2026-12-28', 5)).toEqual({ date: '2027-01-05', provisional: true });
  });

  it.each([['from=2026-02-30&days=1'], ['from=2026-03-01&days=1.5'], ['from=2026-03-01'], ['days=3']])('answers 400 for %s', async (q) => {
    await expectProblem(await t.call('GET', `/api/v1/calendar/add-working-days?${q}`, 'handler1'), 400, '/problems/malformed-request');
  });

  it('needs a bearer token', async () => {
    expect((await t.call('GET', '/api/v1/calendar/add-working-days?from=2026-03-02&days=1')).status).toBe(401);
  });
});

describe('admin loading a new year', () => {
  it.each(['head1', 'handler1', 'auditor1'] as DemoUserName[])('refuses %s with 403 and changes nothing', async (user) => {
    await expectProblem(await t.call('PUT', '/api/v1/calendar/years/2027', user, hypothetical2027), 403, '/problems/admin-only');
    expect(await addWorkingDays('2026-12-28', 5)).toEqual({ date: '2027-01-05', provisional: true });
  });

  it.each([
    ['a date outside the year', { ...hypothetical2027, holidays: ['2026-12-31'] }],
    ['a 补班 on a weekday', { ...hypothetical2027, workdays: ['2027-01-06'] }],
    ['a date listed twice', { ...hypothetical2027, workdays: ['2027-01-02'] }],
    ['no source address', { ...hypothetical2027, source: 'State Council' }],
  ])('rejects %s with 400 and changes nothing', async (_, body) => {
    await expectProblem(await t.call('PUT', '/api/v1/calendar/years/2027', 'admin1', body), 400, '/problems/malformed-request');
    expect(await addWorkingDays('2026-12-28', 5)).toEqual({ date: '2027-01-05', provisional: true });
  });

  it('makes answers in that year definitive once loaded', async () => {
    const res = await t.call('PUT', '/api/v1/calendar/years/2027', 'admin1', hypothetical2027);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      year: 2027,
      source: 'admin',
      sourceUrl: hypothetical2027.source,
      version: 'test-2027',
      loadedBy: t.users.admin1.id,
    });
    // The loaded 2027-01-04 rest day is skipped now: 12-29, 12-30, 12-31, 01-05, 01-06.
    expect(await addWorkingDays('2026-12-28', 5)).toEqual({ date: '2027-01-06', provisional: false });
    expect(await addWorkingDays('2027-01-08', 1)).toEqual({ date: '2027-01-09', provisional: false });
  });
});

describe('regional overrides', () => {
  const holiday = { date: '2026-05-27', working: false, region: 'CN-QH', note: 'regional holiday (test example)' };

  it('refuses a non-admin with 403 and changes nothing', async () => {
    await expectProblem(await t.call('POST', '/api/v1/calendar/overrides', 'head1', holiday), 403, '/problems/admin-only');
    expect(await addWorkingDays('2026-05-26', 1)).toEqual({ date: '2026-05-27', provisional: false });
  });

  it('applies a Qinghai holiday to the deployment region, not to the national calendar', async () => {
    const res = await t.call('POST', '/api/v1/calendar/overrides', 'admin1', holiday);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ date: '2026-05-27', working: false, region: 'CN-QH', createdBy: t.users.admin1.id });
    expect(await addWorkingDays('2026-05-26', 1)).toEqual({ date: '2026-05-28', provisional: false });
    expect(await addWorkingDays('2026-05-26', 1, '')).toEqual({ date: '2026-05-27', provisional: false });
  });

  it('refuses a region without overrides with 400 unknown-region, and knows one once it has an override', async () => {
    const query = '/api/v1/calendar/add-working-days?from=2026-05-26&days=1&region=CN-NX';
    await expectProblem(await t.call('GET', query, 'handler1'), 400, '/problems/unknown-region');
    const nx = { date: '2026-05-27', working: true, region: 'CN-NX', note: 'test: a working day kept' };
    expect((await t.call('POST', '/api/v1/calendar/overrides', 'admin1', nx)).status).toBe(201);
    expect(await addWorkingDays('2026-05-26', 1, 'CN-NX')).toEqual({ date: '2026-05-27', provisional: false });
  });

  it('replaces the override for the same date and region', async () => {
    await t.call('POST', '/api/v1/calendar/overrides', 'admin1', { ...holiday, working: true, note: 'cancelled' });
    const { items } = await (await t.call('GET', '/api/v1/calendar/overrides', 'handler1')).json();
    expect(items.filter((o: { region?: string }) => o.region === 'CN-QH')).toEqual([
      expect.objectContaining({ date: '2026-05-27', region: 'CN-QH', working: true, note: 'cancelled' }),
    ]);
    expect(await addWorkingDays('2026-05-26', 1)).toEqual({ date: '2026-05-27', provisional: false });
  });
});
