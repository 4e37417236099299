// The criminal transfer (行刑衔接, 移送规定 arts 5–12) through the real stack with a controlled clock: a
// 专案组's report from any state before the decision, the head's approval or refusal within 3 days (a durable
// clock), the 移送书 within 24 hours, the police's answer, 复议 and 立案监督, and the return to the
// administrative track after a final 不予立案, where the decision needs a fresh review.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewItems } from '../../../machines/case/case.events.js';
import { createTestApp, discussionBody, sampleDraft, type DemoUserName, type TestApp } from '../../helpers/test-app.js';
import { noticeSend } from '../../helpers/party-commands.js';
import { deadlineOf, eventsOf, getJson, send, testClock } from '../deadlines/deadline-stack.js';
import { DeskClient } from '../desk/desk-client.js';

const clock = testClock('2026-03-02');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: clock.now });
  clock.use(t);
});
afterAll(async () => {
  await t.close();
});

type View = { id: string; state: string; draft: { hash: string }; allowedEvents: string[]; major: { discussionRequired: boolean } };

async function openCase(amountYuan = 150000): Promise<View> {
  const res = await t.call('POST', '/api/v1/cases', 'handler1', sampleDraft({ proposed: { kind: 'fine', amountYuan } }));
  expect(res.status).toBe(201);
  return res.json();
}

const post = (id: string, user: DemoUserName, body: unknown) => t.call('POST', `/api/v1/cases/${id}/events`, user, body);
const report = () => ({
  type: 'transfer.report',
  officers: [t.users.handler1.id, t.users.handler2.id],
  report: '涉嫌危险驾驶罪，建议移送',
});
const sendBody = {
  type: 'transfer.send',
  recipient: '西宁市公安局',
  materials: ['案件调查报告', '现场检测记录'],
  seizedItems: [{ name: '涉案车辆', quantity: '1辆' }],
};
const notFiled = () => ({ type: 'transfer.answer', result: 'not_filed', receivedOn: clock.today(), reasons: '不构成犯罪' });

/** Sends the transfer from its report to a final 不予立案 and the head's resumption. */
async function transferAndDecline(id: string) {
  await send(t, id, 'handler1', report());
  await send(t, id, 'head1', { type: 'transfer.approve' });
  await send(t, id, 'handler1', sendBody);
  await send(t, id, 'handler1', notFiled());
  return send(t, id, 'head1', { type: 'transfer.resume', reason: '公安机关不予立案，继续行政处罚程序' });
}

async function approveReview(id: string, hash: string) {
  await send(t, id, 'handler1', { type: 'review.submit', attestation: true });
  await send(t, id, 'reviewer1', { type: 'review.assign', reviewerId: t.users.reviewer1.id });
  return send(t, id, 'reviewer1', { type: 'review.approve', draftHash: hash, opinion: '同意', items: reviewItems() });
}

describe('starting a transfer', () => {
  it('lets the handler start a transfer from a freshly opened case without any notice (告知)', async () => {
    const c = await openCase();
    expect(c.state).toBe('investigating');
    const handlerView = await getJson(t, `/api/v1/cases/${c.id}`, 'handler1');
    expect(handlerView.allowedEvents).toContain('transfer.report');
    const after = await send(t, c.id, 'handler1', report());
    expect(after.state).toBe('transfer');
    expect(after.stateValue).toEqual({ transfer: 'proposed' });
    expect(after.rights.noticedAt).toBeNull();
    expect(after.transfer).toMatchObject({
      from: 'investigating',
      status: 'proposed',
      officers: [t.users.handler1.id, t.users.handler2.id],
    });
    const head = await getJson(t, `/api/v1/cases/${c.id}`, 'head1');
    expect(head.allowedEvents).toEqual(expect.arrayContaining(['transfer.approve', 'transfer.refuse']));
    expect(head.allowedEvents).not.toContain('decision.issue');
  });

  it('refuses a report by one officer with 422 transfer-team-invalid and changes nothing', async () => {
    const c = await openCase();
    const res = await post(c.id, 'handler1', { type: 'transfer.report', officers: [t.users.handler1.id], report: '涉嫌犯罪' });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body).toMatchObject({ type: '/problems/transfer-team-invalid', code: 'transfer_team_invalid', reason: 'team_too_small' });
    const twice = await post(c.id, 'handler1', { ...report(), officers: [t.users.handler1.id, t.users.handler1.id] });
    expect(twice.status).toBe(422);
    expect((await getJson(t, `/api/v1/cases/${c.id}`, 'handler1')).state).toBe('investigating');
  });

  it('refuses an officer without a valid 执法证 (422), an unknown officer (400), and a report by another handler (403)', async () => {
    const c = await openCase();
    const uncertified = await post(c.id, 'handler1', { ...report(), officers: [t.users.handler1.id, t.users.reviewer1.id] });
    expect(uncertified.status).toBe(422);
    expect(await uncertified.json()).toMatchObject({
      code: 'transfer_team_invalid',
      reason: 'officer_uncertified',
      fields: ['officers.1'],
    });
    const unknown = await post(c.id, 'handler1', { ...report(), officers: [t.users.handler1.id, 'nobody'] });
    expect(unknown.status).toBe(400);
    const other = await post(c.id, 'handler2', report());
    expect(other.status).toBe(403);
    expect((await other.json()).type).toBe('/problems/not-handler');
  });

  it('starts a transfer from a noticed case and from review, and a refusal returns it to the review as it stood', async () => {
    const c = await openCase();
    await send(t, c.id, 'handler1', noticeSend(clock.today()));
    expect((await send(t, c.id, 'handler1', report())).transfer.from).toBe('noticed');
    const r = await openCase();
    await send(t, r.id, 'handler1', noticeSend(clock.today()));
    await send(t, r.id, 'handler1', { type: 'rights.waive' });
    await send(t, r.id, 'handler1', { type: 'review.submit', attestation: true });
    await send(t, r.id, 'reviewer1', { type: 'review.assign', reviewerId: t.users.reviewer1.id });
    expect((await send(t, r.id, 'handler1', report())).transfer.from).toBe('inReview');
    const back = await send(t, r.id, 'head1', { type: 'transfer.refuse', reasons: '不涉嫌犯罪' });
    expect(back.stateValue).toEqual({ inReview: 'assigned' });
  });
});

describe('the head decides within 3 days', () => {
  it('shows the approval clock overdue after 3 days, and closes it late on approval', async () => {
    await clock.set('2026-03-02');
    const c = await openCase();
    await send(t, c.id, 'handler1', report());
    expect(await deadlineOf(t, c.id, 'transferApproval')).toMatchObject({ status: 'running', dueDate: '2026-03-05' });
    await clock.set('2026-03-06');
    const view = await getJson(t, `/api/v1/cases/${c.id}`, 'head1');
    expect(view.deadlines.find((d: { kind: string }) => d.kind === 'transferApproval')).toMatchObject({ status: 'overdue' });
    await send(t, c.id, 'head1', { type: 'transfer.approve' });
    expect(await deadlineOf(t, c.id, 'transferApproval')).toMatchObject({ state: 'closed', outcome: 'late' });
    // 24 hours (art 6): due the next day, a Saturday, not rolled to Monday as a period of days would be.
    expect(await deadlineOf(t, c.id, 'transferSend')).toMatchObject({ state: 'running', dueDate: '2026-03-07' });
  });

  it('refuses the handler approving their own report (403) and returns a refused transfer to where it was, reasons on the record', async () => {
    const c = await openCase();
    await send(t, c.id, 'handler1', noticeSend(clock.today()));
    await send(t, c.id, 'handler1', report());
    expect((await post(c.id, 'handler1', { type: 'transfer.approve' })).status).toBe(403);
    expect((await post(c.id, 'head1', { type: 'transfer.refuse' })).status).toBe(400);
    const back = await send(t, c.id, 'head1', { type: 'transfer.refuse', reasons: '现有证据不足以证明涉嫌犯罪' });
    expect(back.state).toBe('noticed');
    expect(back.transfer).toMatchObject({ status: 'refused', refusal: { reasons: '现有证据不足以证明涉嫌犯罪' } });
    expect((await eventsOf(t, c.id, 'transfer.refuse'))[0]?.payload).toMatchObject({ reasons: '现有证据不足以证明涉嫌犯罪' });
    expect(await deadlineOf(t, c.id, 'transferApproval')).toMatchObject({ state: 'closed', closedBy: 'transfer.refuse' });
  });
});

describe('sending, the police answer, 复议 and 立案监督', () => {
  it('sends the 移送书 with the materials and seized items; a 立案 ends the administrative track, awaiting the handover', async () => {
    const c = await openCase();
    await send(t, c.id, 'handler1', report());
    await send(t, c.id, 'head1', { type: 'transfer.approve' });
    expect((await post(c.id, 'handler1', { ...sendBody, materials: [] })).status).toBe(400);
    const sent = await send(t, c.id, 'handler1', sendBody);
    expect(sent.transfer).toMatchObject({ status: 'sent', sent: { recipient: '西宁市公安局', sentOn: clock.today() } });
    expect((await eventsOf(t, c.id, 'transfer.send'))[0]?.payload).toMatchObject({ seizedItems: [{ name: '涉案车辆' }] });
    const filed = await send(t, c.id, 'handler1', { type: 'transfer.answer', result: 'filed', receivedOn: clock.today() });
    expect(filed.stateValue).toEqual({ transfer: 'handingOver' });
    expect(filed.allowedEvents).toContain('transfer.handover');
  });

  it('issues a numbered 移送书 with the lists, printable, on the record of the sending event; readers only', async () => {
    const c = await openCase();
    expect((await t.call('GET', `/api/v1/cases/${c.id}/transfer-document`, 'head1')).status).toBe(404);
    await send(t, c.id, 'handler1', report());
    await send(t, c.id, 'head1', { type: 'transfer.approve' });
    await send(t, c.id, 'handler1', { ...sendBody, expertReports: ['车辆检验报告'] });
    const issued = await getJson(t, `/api/v1/cases/${c.id}/transfer-document`, 'head1');
    expect(issued.number).toMatch(/^宁交执法移〔\d{4}〕\d+号$/);
    expect(issued.document).toMatchObject({
      title: '涉嫌犯罪案件移送书',
      recipient: '西宁市公安局',
      materials: sendBody.materials,
      seizedItems: sendBody.seizedItems,
      expertReports: ['车辆检验报告'],
      approval: { by: t.users.head1.id },
    });
    const [entry] = await eventsOf(t, c.id, 'transfer.send');
    expect(entry?.payload.document).toMatchObject({ kind: 'transfer', number: issued.number, hash: issued.documentHash });
    const page = await t.call('GET', `/api/v1/cases/${c.id}/transfer-document?format=html`, 'handler1');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('涉嫌犯罪案件移送书');
    expect(html).toContain(issued.number);
    expect(html).toContain('涉案车辆');
    expect((await t.call('GET', `/api/v1/cases/${c.id}/transfer-document`, 'clerk1')).status).toBe(403);
  });

  it('records a 不予立案, a request for 复议 within 3 days (a clock), and the procuratorate’s supervision', async () => {
    await clock.set('2026-03-09');
    const c = await openCase();
    await send(t, c.id, 'handler1', report());
    await send(t, c.id, 'head1', { type: 'transfer.approve' });
    await send(t, c.id, 'handler1', sendBody);
    const future = await post(c.id, 'handler1', { ...notFiled(), receivedOn: '2026-03-10' });
    expect(future.status).toBe(422);
    expect((await future.json()).code).toBe('legal_date_invalid');
    await send(t, c.id, 'handler1', notFiled());
    expect(await deadlineOf(t, c.id, 'transferReconsideration')).toMatchObject({ status: 'running', dueDate: '2026-03-12' });
    await send(t, c.id, 'head1', { type: 'transfer.reconsider', request: '提请复议' });
    expect(await deadlineOf(t, c.id, 'transferReconsideration')).toMatchObject({ state: 'closed', outcome: 'met' });
    const upheld = await send(t, c.id, 'handler1', notFiled());
    expect(upheld.transfer.status).toBe('upheld');
    expect(upheld.allowedEvents).not.toContain('transfer.reconsider');
    await send(t, c.id, 'head1', { type: 'transfer.supervise', result: 'filing_ordered', note: '检察院通知公安机关立案' });
    const filed = await send(t, c.id, 'handler1', { type: 'transfer.answer', result: 'filed', receivedOn: clock.today() });
    expect(filed.stateValue).toEqual({ transfer: 'handingOver' });
  });
});

describe('after a final 不予立案', () => {
  it('returns a minor case to the administrative track, decided only through legal review, even after a second transfer is refused', async () => {
    const c = await openCase(1000);
    expect(c.major).toMatchObject({ isMajor: false });
    const back = await transferAndDecline(c.id);
    expect(back.state).toBe('investigating');
    await send(t, c.id, 'handler1', noticeSend(clock.today()));
    await send(t, c.id, 'handler1', { type: 'rights.waive' });
    const issue = await post(c.id, 'head1', { type: 'decision.issue', draftHash: c.draft.hash });
    expect(issue.status).toBe(422);
    expect((await issue.json()).code).toBe('event_not_allowed');
    // A second transfer, refused, does not lift the review the 不予立案 required.
    await send(t, c.id, 'handler1', report());
    expect((await send(t, c.id, 'head1', { type: 'transfer.refuse', reasons: '已不予立案' })).transfer.afterDecline).toBe(true);
    expect((await post(c.id, 'head1', { type: 'decision.issue', draftHash: c.draft.hash })).status).toBe(422);
    await approveReview(c.id, c.draft.hash);
    expect((await send(t, c.id, 'head1', { type: 'decision.issue', draftHash: c.draft.hash })).state).toBe('decided');
  });

  it('voids an approval given before the transfer: the decision is bound to a fresh review', async () => {
    const c = await openCase();
    await send(t, c.id, 'handler1', noticeSend(clock.today()));
    await send(t, c.id, 'handler1', { type: 'rights.waive' });
    const approved = await approveReview(c.id, c.draft.hash);
    expect(approved.state).toBe('awaitingDecision');
    const back = await transferAndDecline(c.id);
    expect(back).toMatchObject({ state: 'ready', review: null, transfer: { status: 'resumed', from: 'awaitingDecision' } });
    const issue = await post(c.id, 'head1', { type: 'decision.issue', draftHash: c.draft.hash });
    expect(issue.status).toBe(422);
    await approveReview(c.id, c.draft.hash);
    if (c.major.discussionRequired) await send(t, c.id, 'head1', discussionBody(t));
    expect((await send(t, c.id, 'head4', { type: 'decision.issue', draftHash: c.draft.hash })).state).toBe('decided');
  });
});

describe('clue transfer to 纪检监察', () => {
  it('records a clue at any stage without moving the case; a clerk may not, a reviewer cannot reach it before review', async () => {
    const c = await openCase();
    const clue = { type: 'clue.transfer', recipient: '西宁市纪委监委', summary: '执法人员涉嫌收受财物' };
    const after = await send(t, c.id, 'head1', clue);
    expect(after.state).toBe('investigating');
    expect(after.clues).toHaveLength(1);
    await send(t, c.id, 'handler1', report());
    expect((await send(t, c.id, 'handler1', clue)).clues).toHaveLength(2);
    expect((await post(c.id, 'clerk1', clue)).status).toBe(403);
    // Never sent for review: out of the reviewer's reach (issue 16), so not found, and nothing is recorded.
    expect((await post(c.id, 'reviewer1', clue)).status).toBe(404);
  });
});

describe('the desk', () => {
  it('offers the head the approval and the refusal with reasons, posted through the same service', async () => {
    const c = await openCase();
    const proposed = await send(t, c.id, 'handler1', report());
    const head = new DeskClient(t);
    await head.signIn('head1');
    const page = await (await head.get(`/desk/cases/${c.id}`)).text();
    expect(page).toContain('data-action="transfer.refuse"');
    expect(page).toContain('value="transfer.approve"');
    const csrf = await head.csrf(`/desk/cases/${c.id}`);
    const empty = await head.post(`/desk/cases/${c.id}/events`, {
      _csrf: csrf,
      type: 'transfer.refuse',
      version: String(proposed.version),
      reason: '',
    });
    expect(empty.status).toBe(400);
    const res = await head.post(`/desk/cases/${c.id}/events`, {
      _csrf: csrf,
      type: 'transfer.refuse',
      version: String(proposed.version),
      reason: '证据不足',
    });
    expect(res.status).toBe(303);
    expect((await getJson(t, `/api/v1/cases/${c.id}`, 'head1')).transfer).toMatchObject({
      status: 'refused',
      refusal: { reasons: '证据不足' },
    });
  });
});
