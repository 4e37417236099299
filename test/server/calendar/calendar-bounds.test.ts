// /api/v1/calendar under hostile input: unknown regions never build or cache a calendar, dates at and beyond the
// range's edges are 400 problems (never a 500 or an invalid date), and the longest allowed count is exact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadChineseDaysYears } from '../../../server/calendar/calendar-data.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { naiveCalendar } from './naive-calendar.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-08-10T01:00:00Z') });
});
afterAll(async () => {
  await t.close();
});

const calendarService = () => t.services.calendar;

async function expectProblem(res: Response, status: number, type: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect((await res.json()).type).toBe(type);
}

describe('regions', () => {
  it('keeps the set of cached calendars unchanged over 20,000 distinct unknown regions', async () => {
    expect((await t.call('GET', '/api/v1/calendar/add-working-days?from=2026-03-02&days=1', 'handler1')).status).toBe(200);
    expect((await t.call('GET', '/api/v1/calendar/add-working-days?from=2026-03-02&days=1&region=', 'handler1')).status).toBe(200);
    const before = calendarService().cachedRegions().sort();
    expect(before).toEqual(['', 'CN-QH']);
    const statuses = new Map<number, number>();
    for (let i = 0; i < 20_000; i += 1) {
      const res = await t.call('GET', `/api/v1/calendar/count-working-days?from=2026-03-02&to=2026-03-09&region=R-${i}`, 'handler1');
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      await res.body?.cancel();
    }
    expect(Object.fromEntries(statuses)).toEqual({ 400: 20_000 });
    expect(calendarService().cachedRegions().sort()).toEqual(before);
  }, 120_000);

  it('answers an unknown region with a problem that names the known ones', async () => {
    const res = await t.call('GET', '/api/v1/calendar/add-working-days?from=2026-03-02&days=1&region=CN-XX', 'handler1', undefined, {
      'Accept-Language': 'en',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ type: '/problems/unknown-region', detail: expect.stringContaining('"CN-QH"') });
  });
});

describe('edge dates', () => {
  it.each([
    ['/add-working-days?from=0001-01-01&days=-1', '/problems/malformed-request'],
    ['/add-working-days?from=1949-09-30&days=1', '/problems/malformed-request'],
    ['/add-working-days?from=9999-12-31&days=5', '/problems/malformed-request'],
    ['/add-working-days?from=1949-10-01&days=-1', '/problems/date-out-of-range'],
    ['/add-working-days?from=2100-12-31&days=5', '/problems/date-out-of-range'],
    ['/add-working-days?from=2100-12-01&days=366', '/problems/date-out-of-range'],
    ['/add-working-days?from=2026-03-02&days=367', '/problems/malformed-request'],
    ['/count-working-days?from=1000-01-01&to=9999-12-31', '/problems/malformed-request'],
    ['/count-working-days?from=2016-01-01&to=2026-02-18', '/problems/malformed-request'],
    ['/count-working-days?from=2026-02-18&to=2016-01-01', '/problems/malformed-request'],
    ['/count-working-days?from=abc&to=2026-01-01', '/problems/malformed-request'],
    ['/count-working-days?to=2026-01-01', '/problems/malformed-request'],
    ['/days/0000-01-01', '/problems/malformed-request'],
    ['/days/2101-01-01', '/problems/malformed-request'],
    ['/days/+10000-01-01', '/problems/malformed-request'],
  ])('GET /calendar%s is 400 %s', async (path, type) => {
    await expectProblem(await t.call('GET', `/api/v1/calendar${path}`, 'handler1'), 400, type);
  });

  it.each([
    ['/add-working-days?from=1949-10-01&days=1'],
    ['/add-working-days?from=2100-12-31&days=-1'],
    ['/days/1949-10-01'],
    ['/days/2100-12-31'],
  ])('GET /calendar%s at the edge answers 200 with a date inside the range', async (path) => {
    const res = await t.call('GET', `/api/v1/calendar${path}`, 'handler1');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.date >= '1949-10-01' && body.date <= '2100-12-31').toBe(true);
  });

  it.each([
    ['a holiday date before the range', { date: '1900-01-01', working: false, note: 'test' }],
    ['a date after the range', { date: '9999-12-31', working: false, note: 'test' }],
  ])('refuses an override with %s and stores nothing', async (_, body) => {
    await expectProblem(await t.call('POST', '/api/v1/calendar/overrides', 'admin1', body), 400, '/problems/malformed-request');
    expect((await (await t.call('GET', '/api/v1/calendar/overrides', 'admin1')).json()).items).toEqual([]);
  });

  it.each([
    ['/reports/monthly?month=9999-12', 400],
    ['/reports/monthly?month=0000-01', 400],
    ['/reports/monthly?month=2100-12', 400],
    ['/reports/annual?year=2100', 400],
    ['/reports/monthly?month=2100-11', 200],
    ['/reports/annual?year=2099', 200],
  ])('GET %s, whose due date the calendar computes, answers %i', async (path, status) => {
    const res = await t.call('GET', `/api/v1${path}`, 'head1');
    expect(res.status).toBe(status);
    if (status === 400) expect((await res.json()).type).toBe('/problems/malformed-request');
  });

  it('refuses a year upload for a year past the range', async () => {
    const body = { source: 'https://www.gov.cn/test.htm', holidays: ['2101-01-01'], workdays: [] };
    await expectProblem(await t.call('PUT', '/api/v1/calendar/years/2101', 'admin1', body), 400, '/problems/malformed-request');
  });
});

describe('the longest allowed count', () => {
  const naive = naiveCalendar(loadChineseDaysYears());

  it.each([
    ['2016-01-01', '2026-02-17'],
    ['2026-02-17', '2016-01-01'],
    ['2020-06-01', '2030-06-09'],
    ['1949-10-01', '1959-10-09'],
    ['2090-12-23', '2100-12-31'],
  ])('counts %s to %s (3,700 days) exactly as a day-by-day count does', async (from, to) => {
    const res = await t.call('GET', `/api/v1/calendar/count-working-days?from=${from}&to=${to}&region=`, 'handler1');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject(naive.count(from, to));
  });
});
