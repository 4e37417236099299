// The handover after the police's 立案 (移送规定 art 12, case version 8) through the real stack with a controlled
// clock: the 立案 ends the administrative track (its clocks cancelled) and starts a 3-day handover clock from the
// receipt of the 立案通知书; the scheduler reminds of it; the case's handler hands over, dated, with who signed
// for it and the lists; only then does the case end. Refusals change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sampleDraft, type DemoUserName, type TestApp } from '../../helpers/test-app.js';
import { deadlineOf, eventsOf, getJson, send, testClock } from '../deadlines/deadline-stack.js';
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

/** A case the police filed (立案), the notice received on `receivedOn`. */
async function filedCase(receivedOn: string): Promise<string> {
  const res = await t.call('POST', '/api/v1/cases', 'handler1', sampleDraft({ proposed: { kind: 'fine', amountYuan: 150000 } }));
  const { id } = (await res.json()) as { id: string };
  await send(t, id, 'handler1', { type: 'transfer.report', officers: [t.users.handler1.id, t.users.handler2.id], report: '涉嫌犯罪' });
  await send(t, id, 'head1', { type: 'transfer.approve' });
  await send(t, id, 'handler1', { type: 'transfer.send', recipient: '西宁市公安局', materials: ['调查报告'], seizedItems: [] });
  await send(t, id, 'handler1', { type: 'transfer.answer', result: 'filed', receivedOn });
  return id;
}

const handover = (handedOverOn: string) => ({
  type: 'transfer.handover',
  handedOverOn,
  receivedBy: '西宁市公安局 王警官',
  materials: ['案件调查报告', '现场检测记录'],
  seizedItems: [{ name: '涉案车辆', quantity: '1辆' }],
});
const post = (id: string, user: DemoUserName, body: unknown) => t.call('POST', `/api/v1/cases/${id}/events`, user, body);

describe('after the police file the case (立案), the handover within 3 days (art 12)', () => {
  it('ends the administrative track, cancels its clocks and starts the handover clock from the notice’s receipt', async () => {
    await clock.set('2026-03-09');
    const id = await filedCase('2026-03-09');
    const view = await getJson(t, `/api/v1/cases/${id}`, 'handler1');
    expect(view).toMatchObject({
      state: 'transfer',
      stateValue: { transfer: 'handingOver' },
      endedAt: null,
      transfer: { status: 'filed' },
    });
    expect(view.allowedEvents).toContain('transfer.handover');
    expect(view.allowedEvents).not.toContain('decision.issue');
    expect(await deadlineOf(t, id, 'decision')).toMatchObject({ state: 'closed', outcome: 'cancelled' });
    expect(await deadlineOf(t, id, 'policeFiling')).toMatchObject({ state: 'closed', outcome: 'met' });
    expect(await deadlineOf(t, id, 'transferHandover')).toMatchObject({
      state: 'running',
      startDate: '2026-03-09',
      dueDate: '2026-03-12',
      period: { days: 3, unit: 'calendar', policyKey: 'criminalTransferHandover', basis: expect.stringContaining('art 12') },
    });
  });

  it('refuses another handler (403), a date in the future or before the 立案 notice (422), and an empty list (400), changing nothing', async () => {
    await clock.set('2026-03-09');
    const id = await filedCase('2026-03-09');
    const before = await t.services.store.get(id);
    const refusals: [Response, number, string][] = [
      [await post(id, 'handler2', handover('2026-03-09')), 403, '/problems/not-handler'],
      [await post(id, 'head1', handover('2026-03-09')), 403, '/problems/wrong-role'],
      [await post(id, 'handler1', handover('2026-03-10')), 422, '/problems/legal-date-invalid'],
      [await post(id, 'handler1', handover('2026-03-08')), 422, '/problems/legal-date-invalid'],
      [await post(id, 'handler1', { ...handover('2026-03-09'), materials: [] }), 400, '/problems/malformed-request'],
    ];
    for (const [res, status, type] of refusals) {
      const body = (await res.json()) as { type: string };
      expect([res.status, body.type]).toEqual([status, type]);
    }
    expect(await t.services.store.get(id)).toEqual(before);
  });

  it('reminds of an overdue handover, then ends the case with the handover on the record, closed late', async () => {
    await clock.set('2026-03-16');
    const id = await filedCase('2026-03-16');
    await clock.set('2026-03-20');
    const clockView = ((await getJson(t, `/api/v1/cases/${id}`, 'handler1')).deadlines as { kind: string }[]).find(
      (d) => d.kind === 'transferHandover',
    );
    expect(clockView).toMatchObject({ status: 'overdue' });
    const scan = await t.services.scheduler.scan();
    expect(scan.sent.filter((s) => s.caseId === id)).toEqual([expect.objectContaining({ type: 'deadline.notify', status: 'overdue' })]);
    const done = await send(t, id, 'handler1', handover('2026-03-20'));
    expect(done).toMatchObject({
      state: 'transferred',
      transfer: { status: 'handedOver', handover: { handedOverOn: '2026-03-20', receivedBy: '西宁市公安局 王警官' } },
    });
    expect(done.endedAt).not.toBeNull();
    expect(await deadlineOf(t, id, 'transferHandover')).toMatchObject({ state: 'closed', outcome: 'late', closedBy: 'transfer.handover' });
    const [entry] = await eventsOf(t, id, 'transfer.handover');
    expect(entry).toMatchObject({ actorId: t.users.handler1.id, payload: { seizedItems: [{ name: '涉案车辆', quantity: '1辆' }] } });
  });

  it('offers the handover form at the desk and posts it through the same service', async () => {
    await clock.set('2026-03-23');
    const id = await filedCase('2026-03-23');
    const desk = new DeskClient(t);
    await desk.signIn('handler1');
    const page = await desk.get(`/desk/cases/${id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('name="handedOverOn"');
    expect(html).toContain('移交涉案物品和材料');
    const version = String((await t.services.store.get(id))!.version);
    const res = await desk.post(`/desk/cases/${id}/events`, {
      _csrf: await desk.csrf(`/desk/cases/${id}`),
      version,
      type: 'transfer.handover',
      handedOverOn: '2026-03-23',
      receivedBy: '西宁市公安局 王警官',
      materials: '案件调查报告\n现场检测记录',
      seizedItems: '涉案车辆，1辆',
    });
    expect(res.status).toBe(303);
    expect((await t.services.store.get(id))?.snapshot.value).toBe('transferred');
  });
});
