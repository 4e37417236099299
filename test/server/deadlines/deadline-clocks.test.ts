// Deadline clocks driven through HTTP with a controlled clock: each clock runs while the case is in the
// state it measures; a return completes a review round and a re-submission starts a new one with the full
// period (国办发〔2018〕118号 (十三)); the scheduler warns, marks overdue and escalates.
// Expected dates were counted by hand from the 2026 State Council schedule (国办发明电〔2025〕7号).
import { reviewItems } from '../../../machines/case/case.events.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, discussionBody, sampleDraft, type TestApp } from '../../helpers/test-app.js';
import { deadlineOf, eventsOf, getJson, send, testClock } from './deadline-stack.js';
import { noticeSend, decisionServe, filingSubmit } from '../../helpers/party-commands.js';

const clock = testClock('2026-03-02');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: clock.now });
  clock.use(t);
});
afterAll(async () => {
  await t.close();
});

async function openCase(over = {}) {
  const res = await t.call('POST', '/api/v1/cases', 'handler1', sampleDraft(over));
  expect(res.status).toBe(201);
  return res.json();
}

describe('a major case with a returned review', () => {
  let c: { id: string; draft: { hash: string } };

  it('starts the 90-day decision clock at 立案; its last day, a Sunday, moves to Monday', async () => {
    await clock.set('2026-03-02');
    c = await openCase();
    const decision = await deadlineOf(t, c.id, 'decision');
    expect(decision).toMatchObject({ status: 'running', startDate: '2026-03-02', dueDate: '2026-06-01', provisional: false });
    expect(decision?.period).toMatchObject({ days: 90, unit: 'calendar', policyKey: 'decision' });
    expect(String((decision?.period as { basis: string } | undefined)?.basis)).toContain('行政处罚法 art 60');
  });

  it('lists the deadlines in the case response itself', async () => {
    const view = await getJson(t, `/api/v1/cases/${c.id}`, 'head1');
    expect(view.deadlines.map((d: { kind: string }) => d.kind)).toEqual(['decision']);
    const noticed = await send(t, c.id, 'handler1', noticeSend(clock.today()));
    expect(noticed.deadlines.map((d: { kind: string }) => d.kind).sort()).toEqual(['decision', 'hearingRequest']);
  });

  it('gives the party 5 working days to ask for a hearing, closed when the rights are waived', async () => {
    expect(await deadlineOf(t, c.id, 'hearingRequest')).toMatchObject({ dueDate: '2026-03-09', warnDate: null, status: 'running' });
    await clock.set('2026-03-03');
    await send(t, c.id, 'handler1', { type: 'rights.waive' });
    expect(await deadlineOf(t, c.id, 'hearingRequest')).toMatchObject({
      state: 'closed',
      outcome: 'met',
      status: 'met',
      closedBy: 'rights.waive',
    });
  });

  it('starts the 5-working-day review clock on submission', async () => {
    await send(t, c.id, 'handler1', { type: 'review.submit', attestation: true });
    expect(await deadlineOf(t, c.id, 'review')).toMatchObject({
      startDate: '2026-03-03',
      dueDate: '2026-03-10',
      warnDate: '2026-03-06',
      escalateDate: '2026-03-12',
      status: 'running',
    });
  });

  it("completes the review round on a return (存在问题): the clock closes, the correction is not the reviewer's time", async () => {
    await send(t, c.id, 'reviewer1', { type: 'review.assign', reviewerId: t.users.reviewer1.id });
    await clock.set('2026-03-05');
    await send(t, c.id, 'reviewer1', { type: 'review.return', opinion: '证据不充分', items: reviewItems({ factsEvidence: '证据不充分' }) });
    expect(await deadlineOf(t, c.id, 'review')).toMatchObject({ state: 'closed', outcome: 'met', closedBy: 'review.return' });
    await clock.set('2026-03-10'); // the first round's due date: no reminder for a closed round
    const scan = await t.services.scheduler.scan();
    expect(scan.sent.filter((s) => s.caseId === c.id)).toEqual([]);
  });

  it('starts a new round with the full 5 working days on re-submission', async () => {
    await send(t, c.id, 'handler1', { type: 'review.submit', attestation: true });
    expect(await deadlineOf(t, c.id, 'review')).toMatchObject({
      state: 'running',
      startDate: '2026-03-10',
      dueDate: '2026-03-17',
      warnDate: '2026-03-13',
      escalateDate: '2026-03-19',
      pausedDays: 0,
      usedDays: 0,
    });
    const { items } = await getJson(t, `/api/v1/cases/${c.id}/deadlines`, 'auditor1');
    const rounds = (items as { kind: string; state: string }[]).filter((d) => d.kind === 'review').map((d) => d.state);
    expect(rounds.sort()).toEqual(['closed', 'running']);
    expect((await t.services.scheduler.scan()).sent.filter((s) => s.caseId === c.id)).toEqual([]);
  });

  it('warns once inside the reminder window, through the case service as the system actor', async () => {
    await clock.set('2026-03-13');
    const first = await t.services.scheduler.scan();
    expect(first.sent.filter((s) => s.caseId === c.id)).toEqual([expect.objectContaining({ type: 'deadline.notify', status: 'warning' })]);
    expect((await t.services.scheduler.scan()).sent).toEqual([]);
    const notices = await eventsOf(t, c.id, 'deadline.notify');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      actorId: 'system',
      actorRole: 'system',
      payload: { kind: 'review', status: 'warning', dueDate: '2026-03-17' },
    });
    const view = await getJson(t, `/api/v1/cases/${c.id}`, 'head1');
    expect(view.deadlines.find((d: { kind: string; state: string }) => d.kind === 'review' && d.state !== 'closed')).toMatchObject({
      status: 'due-soon',
      notice: 'warning',
    });
  });

  it('marks the review overdue the day after its due date, then escalates it to the head', async () => {
    await clock.set('2026-03-18');
    expect((await t.services.scheduler.scan()).sent.map((s) => s.status)).toEqual(['overdue']);
    expect(await deadlineOf(t, c.id, 'review')).toMatchObject({ status: 'overdue', notice: 'overdue' });
    await clock.set('2026-03-19');
    expect((await t.services.scheduler.scan()).sent.map((s) => s.status)).toEqual(['escalated']);
    const forHead = await getJson(t, '/api/v1/deadlines?status=escalated', 'head1');
    expect(forHead.items.map((d: { caseId: string; kind: string }) => [d.caseId, d.kind])).toEqual([[c.id, 'review']]);
    const overdue = await getJson(t, '/api/v1/deadlines?status=overdue', 'clerk1');
    expect(overdue.items.map((d: { kind: string }) => d.kind)).toEqual(['review']);
    expect(overdue.reports).toEqual([]); // report reminders are for heads
    expect((await eventsOf(t, c.id, 'deadline.notify')).map((e) => e.payload.status)).toEqual(['warning', 'overdue', 'escalated']);
  });

  it('closes the review as late on approval, and the decision starts service, publication and filing', async () => {
    await clock.set('2026-03-20');
    await send(t, c.id, 'reviewer1', { type: 'review.approve', draftHash: c.draft.hash, opinion: '同意', items: reviewItems() });
    expect(await deadlineOf(t, c.id, 'review')).toMatchObject({ state: 'closed', outcome: 'late', closedBy: 'review.approve' });
    await send(t, c.id, 'head1', discussionBody(t, '同意'));
    await send(t, c.id, 'head1', { type: 'decision.issue', draftHash: c.draft.hash });
    expect(await deadlineOf(t, c.id, 'decision')).toMatchObject({ outcome: 'met', closedBy: 'decision.issue' });
    expect(await deadlineOf(t, c.id, 'service')).toMatchObject({
      dueDate: '2026-03-31',
      period: expect.objectContaining({ days: 7, unit: 'working' }),
    });
    expect(await deadlineOf(t, c.id, 'publication')).toMatchObject({
      dueDate: '2026-03-31',
      period: expect.objectContaining({ policyKey: 'publication.penalty' }),
    });
    // 15 days lands on Saturday 2026-04-04, inside 清明 (04-04..06): the period ends on Tuesday 04-07.
    expect(await deadlineOf(t, c.id, 'filing')).toMatchObject({
      dueDate: '2026-04-07',
      period: expect.objectContaining({ days: 15, unit: 'calendar' }),
    });
  });

  it('closes each duty clock with its duty and ends with no open deadline', async () => {
    await clock.set('2026-03-23');
    await send(t, c.id, 'clerk1', decisionServe(clock.today()));
    await send(t, c.id, 'clerk1', { type: 'publication.publish' });
    await clock.set('2026-04-08');
    await send(t, c.id, 'clerk1', filingSubmit(clock.today()));
    await send(t, c.id, 'clerk1', { type: 'case.close' });
    const { items } = await getJson(t, `/api/v1/cases/${c.id}/deadlines`, 'handler1');
    expect(Object.fromEntries(items.map((d: { kind: string; outcome: string }) => [d.kind, d.outcome]))).toEqual({
      decision: 'met',
      hearingRequest: 'met',
      review: 'late',
      service: 'met',
      publication: 'met',
      filing: 'late',
    });
  });
});

describe('other clocks', () => {
  it('records that the hearing rights lapsed when the window passed unused, once', async () => {
    await clock.set('2026-04-02');
    const c = await openCase();
    await send(t, c.id, 'handler1', noticeSend(clock.today()));
    // 04-02 + 5 working days: 04-03, 04-07 (after 清明), 04-08, 04-09, 04-10.
    expect(await deadlineOf(t, c.id, 'hearingRequest')).toMatchObject({ dueDate: '2026-04-10' });
    await clock.set('2026-04-10', '23:59');
    expect((await t.services.scheduler.scan()).sent.filter((s) => s.caseId === c.id)).toEqual([]);
    await clock.set('2026-04-11', '00:01');
    expect((await t.services.scheduler.scan()).sent.filter((s) => s.caseId === c.id)).toEqual([
      expect.objectContaining({ type: 'rights.lapse' }),
    ]);
    expect((await t.services.scheduler.scan()).sent.filter((s) => s.caseId === c.id)).toEqual([]);
    expect((await getJson(t, `/api/v1/cases/${c.id}`, 'handler1')).state).toBe('ready');
    expect(await deadlineOf(t, c.id, 'hearingRequest')).toMatchObject({ outcome: 'lapsed', closedBy: 'rights.lapse' });
    expect(await eventsOf(t, c.id, 'rights.lapse')).toEqual([expect.objectContaining({ actorId: 'system', actorRole: 'system' })]);
  });

  it('gives a non-penalty decision 20 working days to publish and a non-major case no filing clock', async () => {
    await clock.set('2026-04-13');
    const c = await openCase({ party: { name: '马某', kind: 'person' }, proposed: { kind: 'no_penalty' } });
    await send(t, c.id, 'handler1', noticeSend(clock.today()));
    await send(t, c.id, 'handler1', { type: 'rights.waive' });
    const decided = await send(t, c.id, 'head1', { type: 'decision.issue', draftHash: c.draft.hash });
    expect(decided.deadlines.map((d: { kind: string }) => d.kind).sort()).toEqual(['decision', 'hearingRequest', 'publication', 'service']);
    // 20 working days from Monday 04-13: 劳动节 05-01..05-05 skipped, the 补班 Saturday 05-09 counted: Wednesday 05-13.
    expect(await deadlineOf(t, c.id, 'publication')).toMatchObject({
      dueDate: '2026-05-13',
      period: expect.objectContaining({ policyKey: 'publication.other' }),
    });
  });

  it('cancels every open clock when the case is withdrawn during review', async () => {
    await clock.set('2026-04-14');
    const c = await openCase();
    await send(t, c.id, 'handler1', noticeSend(clock.today()));
    await send(t, c.id, 'handler1', { type: 'rights.waive' });
    await send(t, c.id, 'handler1', { type: 'review.submit', attestation: true });
    await send(t, c.id, 'reviewer2', { type: 'review.assign', reviewerId: t.users.reviewer2.id });
    await send(t, c.id, 'head1', { type: 'case.withdraw', reason: '当事人已纠正' });
    const { items } = await getJson(t, `/api/v1/cases/${c.id}/deadlines`, 'head1');
    expect(items.filter((d: { state: string }) => d.state !== 'closed')).toEqual([]);
    expect(items.find((d: { kind: string }) => d.kind === 'review')).toMatchObject({
      outcome: 'cancelled',
      closedBy: 'case.withdraw',
      pausedSince: null,
    });
  });

  it('starts a new review clock when the approving reviewer declares 回避 and the case goes back to review', async () => {
    await clock.set('2026-04-20');
    const c = await openCase();
    await send(t, c.id, 'handler1', noticeSend(clock.today()));
    await send(t, c.id, 'handler1', { type: 'rights.waive' });
    await send(t, c.id, 'handler1', { type: 'review.submit', attestation: true });
    await send(t, c.id, 'reviewer1', { type: 'review.assign', reviewerId: t.users.reviewer1.id });
    await send(t, c.id, 'reviewer1', { type: 'review.approve', draftHash: c.draft.hash, opinion: '同意', items: reviewItems() });
    expect(await deadlineOf(t, c.id, 'review')).toMatchObject({ state: 'closed', outcome: 'met', closedBy: 'review.approve' });
    await clock.set('2026-04-22');
    const recused = await send(t, c.id, 'reviewer1', { type: 'conflict.declare', reason: '与当事人有利害关系' });
    expect(recused.stateValue).toEqual({ inReview: 'unassigned' });
    // 5 working days from Wednesday 04-22: 04-23, 04-24, 04-27, 04-28, 04-29.
    expect(await deadlineOf(t, c.id, 'review')).toMatchObject({ state: 'running', startDate: '2026-04-22', dueDate: '2026-04-29' });
    const { items } = await getJson(t, `/api/v1/cases/${c.id}/deadlines`, 'auditor1');
    expect((items as { kind: string }[]).filter((d) => d.kind === 'review')).toHaveLength(2);
  });
});

describe('refusals', () => {
  it('refuses the cross-case deadline list to roles other than head and clerk', async () => {
    for (const user of ['handler1', 'reviewer1', 'auditor1', 'admin1'] as const) {
      const res = await t.call('GET', '/api/v1/deadlines', user);
      expect(res.status).toBe(403);
      expect((await res.json()).type).toBe('/problems/deadlines-forbidden');
    }
    expect((await t.call('GET', '/api/v1/deadlines')).status).toBe(401);
    const bad = await t.call('GET', '/api/v1/deadlines?status=late', 'head1');
    expect(bad.status).toBe(400);
    expect((await bad.json()).type).toBe('/problems/malformed-request');
  });

  it('answers 404 for the deadlines of an unknown case', async () => {
    const res = await t.call('GET', '/api/v1/cases/no-such-case/deadlines', 'head1');
    expect(res.status).toBe(404);
    expect((await res.json()).type).toBe('/problems/case-not-found');
  });

  it('refuses deadline.notify from a client: it is a system-only command, not part of the API', async () => {
    await clock.set('2026-04-15');
    const c = await openCase();
    const before = await getJson(t, `/api/v1/cases/${c.id}/deadlines`, 'head1');
    const decision = before.items[0];
    const res = await t.call('POST', `/api/v1/cases/${c.id}/events`, 'head1', {
      type: 'deadline.notify',
      deadlineId: decision.id,
      kind: 'decision',
      status: 'escalated',
      dueDate: decision.dueDate,
    });
    expect(res.status).toBe(400);
    expect((await res.json()).type).toBe('/problems/malformed-request');
    expect(await getJson(t, `/api/v1/cases/${c.id}/deadlines`, 'head1')).toEqual(before);
  });
});
