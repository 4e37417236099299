// Deadlines that reach a year without a published schedule are provisional, and become definitive when an
// admin loads that year's notice or sets a regional override: running clocks are counted again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sampleDraft, type TestApp } from '../../helpers/test-app.js';
import { deadlineOf, testClock } from './deadline-stack.js';

const clock = testClock('2026-11-20');
let t: TestApp;
let caseId = '';
beforeAll(async () => {
  t = await createTestApp({ now: clock.now });
  clock.use(t);
  caseId = (await (await t.call('POST', '/api/v1/cases', 'handler1', sampleDraft())).json()).id;
});
afterAll(async () => {
  await t.close();
});

/** Made-up 2027 rest days for this test only; the real notice is expected around November 2026. */
const hypothetical2027 = {
  source: 'https://www.gov.cn/zhengce/zhengceku/2027-test-notice.htm',
  holidays: ['2027-01-01', '2027-02-18', '2027-02-19'],
  workdays: [],
};

describe('provisional deadlines', () => {
  it('flags a 90-day decision clock that ends in 2027 as provisional', async () => {
    // 2026-11-20 plus 90 days is Thursday 2027-02-18, a weekday under the fallback rule.
    expect(await deadlineOf(t, caseId, 'decision')).toMatchObject({ dueDate: '2027-02-18', provisional: true });
  });

  it('counts the clock again when the 2027 notice is loaded', async () => {
    const res = await t.call('PUT', '/api/v1/calendar/years/2027', 'admin1', hypothetical2027);
    expect(res.status).toBe(200);
    expect((await res.json()).redated).toBe(1);
    // 02-18 and 02-19 are rest days now, then the weekend: the period ends on Monday 02-22.
    expect(await deadlineOf(t, caseId, 'decision')).toMatchObject({ dueDate: '2027-02-22', provisional: false });
  });

  it('counts it again for a regional holiday of the deployment region only', async () => {
    const other = await t.call('POST', '/api/v1/calendar/overrides', 'admin1', {
      date: '2027-02-22',
      working: false,
      region: 'CN-NX',
      note: 'test',
    });
    expect((await other.json()).redated).toBe(0);
    const own = await t.call('POST', '/api/v1/calendar/overrides', 'admin1', {
      date: '2027-02-22',
      working: false,
      region: 'CN-QH',
      note: 'test',
    });
    expect(own.status).toBe(201);
    expect((await own.json()).redated).toBe(1);
    expect(await deadlineOf(t, caseId, 'decision')).toMatchObject({ dueDate: '2027-02-23', provisional: false });
  });
});
