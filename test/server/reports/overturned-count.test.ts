// The overturned-decisions figure reads 复议/诉讼 dates from inquiry snapshots a page at a time (portable SQL
// parses no JSON): every inquiry is counted once, across page boundaries, on both backends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReportStore } from '../../../db/reports/report-store.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

/** An inquiry row whose recorded outcome was decided on `decidedOn`. */
function inquiryRow(i: number, decidedOn: string) {
  const snapshot = { value: 'open', status: 'active', context: { caseId: `c-${i}`, outcome: { decidedOn } } };
  return {
    sql: `INSERT INTO inquiries (id, case_id, status, snapshot, machine_version, version, created_at, updated_at)
          VALUES (?, ?, 'open', ?, 1, 1, ?, ?)`,
    args: [`inq-${String(i).padStart(4, '0')}`, `c-${i}`, JSON.stringify(snapshot), '2026-04-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z'],
  };
}

describe('overturned decisions across pages', () => {
  it('counts each inquiry dated in the month once, however many pages the inquiries fill', async () => {
    // 450 inquiries (three pages of 200): every third decided in March 2026, the rest in February or April.
    const dates = ['2026-03-31', '2026-02-28', '2026-04-01'];
    const rows = Array.from({ length: 450 }, (_, i) => inquiryRow(i, dates[i % 3]!));
    await t.services.database.client.batch(rows);
    const store = createReportStore(t.services.database.client);
    expect(await store.overturnedBetween('2026-03-01', '2026-04-01')).toBe(150);
    expect(await store.overturnedBetween('2026-02-01', '2026-05-01')).toBe(450);
    expect(await store.overturnedBetween('2026-05-01', '2026-06-01')).toBe(0);
  });
});
