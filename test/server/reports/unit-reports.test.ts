// Reports per unit through the real app: cases of the 支队 and of a county 大队 over one month; every unit's
// total is its own figures plus its sub-units' totals, the root adds up to the bureau's report, a county head
// reads only the county's units, and the §27 staffing ratio is given per unit, in JSON and CSV.
import { reviewItems } from '../../../machines/case/case.events.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticeSend } from '../../helpers/party-commands.js';
import { createTestApp, discussionBody, sampleDraft, type DemoUserName, type TestApp } from '../../helpers/test-app.js';
import { getJson, send, testClock } from '../deadlines/deadline-stack.js';
import { demoUnitIds } from '../../../server/demo/demo-units.js';
import { reportMetrics } from '../../../server/reports/report-figures.js';

const clock = testClock('2026-03-02');
let t: TestApp;

type Figures = Record<string, number>;
interface UnitRow {
  unitId: string;
  parentId: string | null;
  own: Figures;
  total: Figures;
  staffing: { certifiedStaff: number; qualifiedReviewers: number; ratio: number | null; belowMinimum: boolean; onDate: string };
}

async function decidedMajor(handler: DemoUserName, head: DemoUserName) {
  const c = await (await t.call('POST', '/api/v1/cases', handler, sampleDraft())).json();
  await send(t, c.id, handler, noticeSend(clock.today()));
  await send(t, c.id, handler, { type: 'rights.waive' });
  await send(t, c.id, handler, { type: 'review.submit', attestation: true });
  await send(t, c.id, 'reviewer1', { type: 'review.assign', reviewerId: t.users.reviewer1.id });
  await send(t, c.id, 'reviewer1', { type: 'review.approve', draftHash: c.draft.hash, opinion: '同意', items: reviewItems() });
  await send(t, c.id, head, discussionBody(t, '同意'));
  await send(t, c.id, head, { type: 'decision.issue', draftHash: c.draft.hash });
}

beforeAll(async () => {
  t = await createTestApp({ now: clock.now });
  clock.use(t);
  await decidedMajor('handler1', 'head1');
  await decidedMajor('handler3', 'head2');
  await clock.set('2026-03-12');
  for (const handler of ['handler1', 'handler2', 'handler3', 'handler3'] as const) {
    expect((await t.call('POST', '/api/v1/cases', handler, sampleDraft({ proposed: { kind: 'fine', amountYuan: 500 } }))).status).toBe(201);
  }
});
afterAll(async () => {
  await t.close();
});

const sum = (all: Figures[]) => Object.fromEntries(reportMetrics.map(([k]) => [k, all.reduce((n, f) => n + (f[k] ?? 0), 0)]));

describe('reports per unit', () => {
  it('adds every unit up to its parent, and the root up to the bureau’s report', async () => {
    const report = await getJson(t, '/api/v1/reports/units/monthly?month=2026-03', 'auditor1');
    const units = report.units as UnitRow[];
    expect(units).toHaveLength(4);
    for (const unit of units) {
      const children = units.filter((u) => u.parentId === unit.unitId);
      expect(unit.total, unit.unitId).toEqual(sum([unit.own, ...children.map((c) => c.total)]));
    }
    const root = units.find((u) => u.unitId === demoUnitIds.detachment)!;
    const datong = units.find((u) => u.unitId === demoUnitIds.datong)!;
    expect([root.own.casesOpened, datong.own.casesOpened, root.total.casesOpened]).toEqual([3, 3, 6]);
    expect([datong.total.decisionsPenalty, root.total.decisionsPenalty]).toEqual([1, 2]);
    const bureau = await getJson(t, '/api/v1/reports/monthly?month=2026-03', 'auditor1');
    expect(root.total).toEqual(bureau.figures);
  });

  it('gives the §27 staffing ratio per unit: reviewers with 法律职业资格 over staff with a valid 执法证', async () => {
    const units = (await getJson(t, '/api/v1/reports/units/annual?year=2026', 'admin1')).units as UnitRow[];
    const by = (id: string) => units.find((u) => u.unitId === id)!.staffing;
    expect(by(demoUnitIds.detachment)).toMatchObject({ certifiedStaff: 3, qualifiedReviewers: 2, ratio: 0.6667, belowMinimum: false });
    expect(by(demoUnitIds.datong)).toMatchObject({ certifiedStaff: 1, qualifiedReviewers: 0, ratio: 0, belowMinimum: true });
    expect(by(demoUnitIds.review)).toMatchObject({ certifiedStaff: 0, qualifiedReviewers: 2, ratio: null, belowMinimum: false });
    // Counted once: the root unit's figure is the bureau report's (every demo user sits in a unit).
    const bureau = await getJson(t, '/api/v1/reports/annual?year=2026', 'auditor1');
    expect(by(demoUnitIds.detachment)).toEqual(bureau.staffing);
  });

  it('lets a county head read only the county’s units, and refuses handlers', async () => {
    const report = await getJson(t, '/api/v1/reports/units/monthly?month=2026-03', 'head2');
    expect((report.units as UnitRow[]).map((u) => u.unitId)).toEqual([demoUnitIds.datong]);
    const refused = await t.call('GET', '/api/v1/reports/units/monthly?month=2026-03', 'handler1');
    expect([refused.status, (await refused.json()).type]).toEqual([403, '/problems/reports-forbidden']);
  });

  it('answers CSV: one row per unit with its rolled-up figures and staffing', async () => {
    const res = await t.call('GET', '/api/v1/reports/units/monthly?month=2026-03&format=csv', 'head1');
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await res.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^unitId,name,parentId,casesOpened,/);
    expect(lines).toHaveLength(5);
    const root = lines.find((l) => l.startsWith(`${demoUnitIds.detachment},`))!.split(',');
    expect(root[3]).toBe('6');
    expect(root.slice(-4)).toEqual(['3', '2', '0.6667', 'false']);
  });
});
