// The police's own periods on a criminal transfer (移送规定 arts 8, 9) through the real stack with a controlled
// clock: durable clocks derived from the transfer's states, shown overdue to the agency as a reminder to chase,
// closed met or late by the date the answer was received, and never a bar to recording the answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sampleDraft, type TestApp } from '../../helpers/test-app.js';
import { deadlineOf, getJson, send, testClock } from '../deadlines/deadline-stack.js';
import { DeskClient } from '../desk/desk-client.js';

const clock = testClock('2026-03-09');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: clock.now });
  clock.use(t);
});
afterAll(async () => {
  await t.close();
});

/** A case sent to the police on the clock's day. */
async function sentCase(): Promise<string> {
  const res = await t.call('POST', '/api/v1/cases', 'handler1', sampleDraft({ proposed: { kind: 'fine', amountYuan: 150000 } }));
  const { id } = (await res.json()) as { id: string };
  await send(t, id, 'handler1', { type: 'transfer.report', officers: [t.users.handler1.id, t.users.handler2.id], report: '涉嫌犯罪' });
  await send(t, id, 'head1', { type: 'transfer.approve' });
  await send(t, id, 'handler1', { type: 'transfer.send', recipient: '西宁市公安局', materials: ['调查报告'], seizedItems: [] });
  return id;
}

const answer = (result: 'filed' | 'not_filed', receivedOn: string) => ({
  type: 'transfer.answer',
  result,
  receivedOn,
  reasons: '审查意见',
});
const viewClock = async (id: string, kind: string) =>
  ((await getJson(t, `/api/v1/cases/${id}`, 'handler1')).deadlines as { kind: string }[]).find((d) => d.kind === kind);

describe('the police decide 立案 or 不予立案 within 3 days (art 8)', () => {
  it('runs from the sending, shows overdue to the agency, still takes the late answer and closes late by its receipt', async () => {
    await clock.set('2026-03-09');
    const id = await sentCase();
    expect(await deadlineOf(t, id, 'policeFiling')).toMatchObject({
      state: 'running',
      startDate: '2026-03-09',
      dueDate: '2026-03-12',
      period: { days: 3, unit: 'calendar', policyKey: 'criminalTransferPoliceFiling', basis: expect.stringContaining('art 8') },
    });
    await clock.set('2026-03-13');
    expect(await viewClock(id, 'policeFiling')).toMatchObject({ status: 'overdue' });
    // The scheduler's overdue notice reaches the agency like any other clock's.
    const scan = await t.services.scheduler.scan();
    expect(scan.sent.filter((s) => s.caseId === id)).toEqual([expect.objectContaining({ type: 'deadline.notify', status: 'overdue' })]);
    expect(await deadlineOf(t, id, 'policeFiling')).toMatchObject({ notice: 'overdue' });
    const declined = await send(t, id, 'handler1', answer('not_filed', '2026-03-13'));
    expect(declined.transfer.status).toBe('declined');
    expect(await deadlineOf(t, id, 'policeFiling')).toMatchObject({ state: 'closed', outcome: 'late', closedBy: 'transfer.answer' });
  });

  it('closes met, not cancelled, when a 立案 received in time ends the administrative case', async () => {
    await clock.set('2026-03-16');
    const id = await sentCase();
    await clock.set('2026-03-18');
    const filed = await send(t, id, 'handler1', answer('filed', '2026-03-18'));
    expect(filed.stateValue).toEqual({ transfer: 'handingOver' });
    expect(await deadlineOf(t, id, 'policeFiling')).toMatchObject({ state: 'closed', outcome: 'met' });
    // The case's own decision clock ends with its administrative track.
    expect(await deadlineOf(t, id, 'decision')).toMatchObject({ state: 'closed', outcome: 'cancelled' });
  });
});

describe('the police answer a 复议 within 3 days (art 9)', () => {
  it('runs from the request while the reconsideration is open, overdue after 3 days, closed by the answer', async () => {
    await clock.set('2026-03-23');
    const id = await sentCase();
    await send(t, id, 'handler1', answer('not_filed', '2026-03-23'));
    expect(await deadlineOf(t, id, 'policeReconsideration')).toBeUndefined();
    await clock.set('2026-03-24');
    await send(t, id, 'head1', { type: 'transfer.reconsider', request: '提请复议' });
    expect(await deadlineOf(t, id, 'policeReconsideration')).toMatchObject({
      state: 'running',
      dueDate: '2026-03-27',
      period: { policyKey: 'criminalTransferPoliceReconsideration', basis: expect.stringContaining('art 9') },
    });
    await clock.set('2026-03-30');
    expect(await viewClock(id, 'policeReconsideration')).toMatchObject({ status: 'overdue' });
    const upheld = await send(t, id, 'handler1', answer('not_filed', '2026-03-27'));
    expect(upheld.transfer.status).toBe('upheld');
    expect(await deadlineOf(t, id, 'policeReconsideration')).toMatchObject({ state: 'closed', outcome: 'met' });
  });

  it('shows the desk the overdue police clock by name, and starts no 复议 clock before a request', async () => {
    await clock.set('2026-03-30');
    const id = await sentCase();
    await clock.set('2026-04-07');
    const desk = new DeskClient(t);
    await desk.signIn('handler1');
    const page = await desk.get(`/desk/cases/${id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(/data-urgency="overdue"[^>]*>公安机关立案审查期限/);
    expect(await deadlineOf(t, id, 'policeReconsideration')).toBeUndefined();
  });
});
