// Supervision reports over HTTP: monthly statistics (China months) and the annual summary as JSON and CSV,
// their due-date reminders in the heads' deadline list, and the roles that may read or submit them.
import { reviewItems } from '../../../machines/case/case.events.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, discussionBody, sampleDraft, type TestApp } from '../../helpers/test-app.js';
import { getJson, send, testClock } from '../deadlines/deadline-stack.js';
import { noticeSend } from '../../helpers/party-commands.js';

const clock = testClock('2026-03-02');
let t: TestApp;

async function openCase(over = {}) {
  const res = await t.call('POST', '/api/v1/cases', 'handler1', sampleDraft(over));
  expect(res.status).toBe(201);
  return res.json();
}

/** March 2026: a major case returned once then decided, a major case referred and transferred, a small case. */
async function march(): Promise<void> {
  const a = await openCase();
  await send(t, a.id, 'handler1', noticeSend(clock.today()));
  await send(t, a.id, 'handler1', { type: 'rights.waive' });
  await send(t, a.id, 'handler1', { type: 'review.submit', attestation: true });
  await send(t, a.id, 'reviewer1', { type: 'review.assign', reviewerId: t.users.reviewer1.id });
  await send(t, a.id, 'reviewer1', { type: 'review.return', opinion: '补充证据', items: reviewItems({ factsEvidence: '补充证据' }) });
  const v2 = await (await t.call('PUT', `/api/v1/cases/${a.id}/draft`, 'handler1', sampleDraft({ facts: '补充后的事实。' }))).json();
  await send(t, a.id, 'handler1', { type: 'review.submit', attestation: true });
  await send(t, a.id, 'reviewer1', { type: 'review.approve', draftHash: v2.draft.hash, opinion: '同意', items: reviewItems() });
  await send(t, a.id, 'head1', discussionBody(t, '同意'));
  await send(t, a.id, 'head1', { type: 'decision.issue', draftHash: v2.draft.hash });
  await clock.set('2026-03-10');
  const b = await openCase();
  await send(t, b.id, 'handler1', noticeSend(clock.today()));
  await send(t, b.id, 'handler1', { type: 'rights.waive' });
  await send(t, b.id, 'handler1', { type: 'review.submit', attestation: true });
  await send(t, b.id, 'reviewer2', { type: 'review.assign', reviewerId: t.users.reviewer2.id });
  await send(t, b.id, 'reviewer2', {
    type: 'review.refer',
    opinion: '涉嫌犯罪，建议移送',
    items: reviewItems({ crimeTransfer: '涉嫌犯罪，建议移送' }),
    target: 'judicial',
  });
  await send(t, b.id, 'head1', discussionBody(t, '移送'));
  await send(t, b.id, 'head1', { type: 'decision.issue', draftHash: b.draft.hash, outcome: 'transfer' });
  await clock.set('2026-03-31', '23:30'); // still March in China, already 15:30 UTC
  await openCase({ party: { name: '马某', kind: 'person' }, proposed: { kind: 'fine', amountYuan: 500 } });
  await clock.set('2026-04-01', '00:30'); // April in China, still 31 March in UTC
  await openCase({ party: { name: '李某', kind: 'person' }, proposed: { kind: 'fine', amountYuan: 500 } });
}

beforeAll(async () => {
  t = await createTestApp({ now: clock.now });
  clock.use(t);
  await march();
  await clock.set('2026-04-03');
});
afterAll(async () => {
  await t.close();
});

const marchFigures = {
  casesOpened: 3,
  majorCasesOpened: 2,
  reviewsApproved: 1,
  reviewsReturned: 1,
  reviewsReferred: 1,
  decisionsPenalty: 1,
  decisionsNoPenalty: 0,
  criminalTransfers: 1,
  overturnedDecisions: 0,
  // Met: the hearing-request, review and decision clocks of both decided cases, and the first review round
  // of the returned case (a return completes that round, 国办发〔2018〕118号 (十三)).
  deadlinesMet: 7,
  deadlinesLate: 0,
  hearingRightsLapsed: 0,
};

describe('monthly statistics', () => {
  it('counts March 2026 in China time; due 每月5日前, which falls in 清明, so on the last working day before it', async () => {
    const report = await getJson(t, '/api/v1/reports/monthly?month=2026-03', 'head1');
    expect(report.figures).toEqual(marchFigures);
    // 04-05 is a Sunday inside 清明 (04-04..06): a fixed date is never rolled forward, so Friday 04-03.
    expect(report.due).toMatchObject({ nominal: '2026-04-05', date: '2026-04-03', provisional: false, rule: 'previousWorkingDay' });
    expect(report.due.basis).toContain('[S §14]');
    expect(report).toMatchObject({ kind: 'monthly', period: '2026-03', submission: null, overturnedSource: 'inquiries' });
    const april = await getJson(t, '/api/v1/reports/monthly?month=2026-04', 'auditor1');
    expect(april.figures.casesOpened).toBe(1);
  });

  it('exports CSV with one labelled row per figure', async () => {
    const res = await t.call('GET', '/api/v1/reports/monthly?month=2026-03&format=csv', 'clerk1');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    const rows = (await res.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(rows[0]).toBe('metric,label,value');
    expect(rows).toContain('casesOpened,立案数,3');
    expect(rows).toContain('criminalTransfers,移送司法机关（行刑衔接）,1');
    // The figures, then the four §27 staffing rows.
    expect(rows).toHaveLength(1 + Object.keys(marchFigures).length + 4);
    expect(rows).toContain('qualifiedReviewers,法制审核人员,2');
  });
});

describe('annual summary', () => {
  it('lists every month of 2026 with totals, due 1月31日前 (a Sunday in 2027, provisional until 2027 is loaded)', async () => {
    const report = await getJson(t, '/api/v1/reports/annual?year=2026', 'admin1');
    expect(report.months.map((m: { month: string }) => m.month)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`),
    );
    expect(report.months[2]).toEqual({ month: '2026-03', ...marchFigures });
    expect(report.totals).toMatchObject({ casesOpened: 4, criminalTransfers: 1, reviewsReturned: 1 });
    // 2027-01-31 is a Sunday: the provisional calendar moves it earlier, to Friday 01-29.
    expect(report.due).toMatchObject({ nominal: '2027-01-31', date: '2027-01-29', provisional: true });
  });

  it('exports CSV with a row per month and a total row', async () => {
    const res = await t.call('GET', '/api/v1/reports/annual?year=2026&format=csv', 'head1');
    const rows = (await res.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(rows).toHaveLength(14);
    expect(rows[0]?.split(',').slice(0, 3)).toEqual(['month', 'casesOpened', 'majorCasesOpened']);
    expect(rows[3]?.split(',').slice(0, 3)).toEqual(['2026-03', '3', '2']);
    expect(rows[13]?.split(',').slice(0, 2)).toEqual(['total', '4']);
  });
});

describe('report reminders and submissions', () => {
  it("shows heads last month's statistics due soon and last year's summary overdue", async () => {
    const list = await getJson(t, '/api/v1/deadlines', 'head1');
    expect(list.reports).toEqual([
      expect.objectContaining({
        id: 'report:monthly:2026-03',
        kind: 'monthlyReport',
        status: 'due-soon',
        dueDate: '2026-04-03',
        warnDate: '2026-04-01',
      }),
      // 2026-01-31 is a Saturday: due Friday 01-30.
      expect.objectContaining({ id: 'report:annual:2025', kind: 'annualReport', status: 'overdue', dueDate: '2026-01-30' }),
    ]);
  });

  it('refuses a submission from a role that does not file reports, and the reminder stays', async () => {
    const res = await t.call('POST', '/api/v1/reports/submissions', 'auditor1', { kind: 'monthly', period: '2026-03' });
    expect(res.status).toBe(403);
    expect((await res.json()).type).toBe('/problems/reports-forbidden');
    expect((await getJson(t, '/api/v1/deadlines', 'head1')).reports).toHaveLength(2);
  });

  it('ends the reminder once a clerk records the submission; a repeat keeps the first record', async () => {
    const first = await t.call('POST', '/api/v1/reports/submissions', 'clerk1', { kind: 'monthly', period: '2026-03' });
    expect(first.status).toBe(201);
    const stored = await first.json();
    expect(stored).toMatchObject({ kind: 'monthly', period: '2026-03', submittedBy: t.users.clerk1.id });
    const again = await t.call('POST', '/api/v1/reports/submissions', 'head1', { kind: 'monthly', period: '2026-03' });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(stored);
    const overdue = await getJson(t, '/api/v1/deadlines?status=overdue', 'head1');
    expect(overdue.reports.map((r: { id: string }) => r.id)).toEqual(['report:annual:2025']);
    expect((await getJson(t, '/api/v1/reports/monthly?month=2026-03', 'head1')).submission).toEqual(stored);
  });
});

describe('refusals', () => {
  it.each(['handler1', 'reviewer1'] as const)('refuses the reports to %s', async (user) => {
    for (const path of ['/api/v1/reports/monthly?month=2026-03', '/api/v1/reports/annual?year=2026']) {
      const res = await t.call('GET', path, user);
      expect(res.status).toBe(403);
      expect((await res.json()).type).toBe('/problems/reports-forbidden');
    }
  });

  it.each([
    ['/api/v1/reports/monthly?month=2026-13'],
    ['/api/v1/reports/monthly'],
    ['/api/v1/reports/monthly?month=2026-03&format=xlsx'],
    ['/api/v1/reports/annual?year=26'],
  ])('answers 400 for %s', async (path) => {
    const res = await t.call('GET', path, 'head1');
    expect(res.status).toBe(400);
    expect((await res.json()).type).toBe('/problems/malformed-request');
  });

  it('answers 400 for a malformed submission before checking the role', async () => {
    const res = await t.call('POST', '/api/v1/reports/submissions', 'handler1', { kind: 'weekly', period: '2026-03' });
    expect(res.status).toBe(400);
    expect((await t.call('GET', '/api/v1/reports/monthly?month=2026-03')).status).toBe(401);
  });
});

describe('overturned decisions', () => {
  it('counts a recorded court revocation in the month of the court’s decision', async () => {
    const decided = (await getJson(t, '/api/v1/cases?state=decided', 'head1')).items.find(
      (c: { decision: { outcome: string } }) => c.decision.outcome === 'penalty',
    );
    const res = await t.call('POST', `/api/v1/cases/${decided.id}/outcomes`, 'auditor1', {
      forum: 'litigation',
      result: 'revoked',
      causes: ['procedure'],
      body: '西宁市城中区人民法院',
      documentRef: '（2026）青0103行初12号',
      decidedOn: '2026-03-27',
    });
    expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
    const march = await getJson(t, '/api/v1/reports/monthly?month=2026-03', 'head1');
    expect(march.figures.overturnedDecisions).toBe(1);
    expect((await getJson(t, '/api/v1/reports/monthly?month=2026-04', 'head1')).figures.overturnedDecisions).toBe(0);
    expect((await getJson(t, '/api/v1/reports/annual?year=2026', 'head1')).totals.overturnedDecisions).toBe(1);
  });
});

describe('§27 staffing ratio', () => {
  it('reports qualified reviewers against certified enforcement staff, flagged below 5% [T]', async () => {
    const ok = await getJson(t, '/api/v1/reports/monthly?month=2026-03', 'head1');
    // The demo's three handlers (two in the 支队, handler3 in a county 大队) hold 执法证, its two reviewers 法律职业资格.
    expect(ok.staffing).toMatchObject({
      onDate: '2026-03-31',
      certifiedStaff: 3,
      qualifiedReviewers: 2,
      ratio: 0.6667,
      minRatio: 0.05,
      belowMinimum: false,
    });
    expect(ok.staffing.basis).toContain('§27');
    for (let i = 0; i < 38; i++) {
      await t.services.users.create({
        username: `officer${i}`,
        password: 'officer-password',
        roles: ['handler'],
        certificateNo: `QH-ZF-1${i}`,
        certificateValidUntil: '2030-12-31',
      });
    }
    // A certificate expired before the month ended does not count.
    await t.services.users.create({
      username: 'retired',
      password: 'retired-password',
      roles: ['handler'],
      certificateNo: 'OLD',
      certificateValidUntil: '2026-03-30',
    });
    const low = await getJson(t, '/api/v1/reports/monthly?month=2026-03', 'head1');
    expect(low.staffing).toMatchObject({ certifiedStaff: 41, qualifiedReviewers: 2, ratio: 0.0488, belowMinimum: true });
    const csv = await (await t.call('GET', '/api/v1/reports/monthly?month=2026-03&format=csv', 'head1')).text();
    expect(csv).toContain('reviewerRatioBelowMinimum,占比低于要求,1');
  });
});
