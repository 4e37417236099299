// The desk's criminal-transfer forms through the real app without a browser: the 专案组's report, the head's
// approval, the sending with the 移送书's lists, the police's answers as the agency received them, the 复议
// request, the procuratorate's supervision and a clue. Each post lands on the record as the API's command would;
// a refused form comes back with its field marked and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sampleDraft, type DemoUserName, type TestApp } from '../../helpers/test-app.js';
import { testClock } from '../deadlines/deadline-stack.js';
import { DeskClient } from './desk-client.js';
import { footprint } from './desk-fixtures.js';

const clock = testClock('2026-11-30');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: clock.now });
  clock.use(t);
});
afterAll(async () => {
  await t.close();
});

async function openCase(): Promise<string> {
  const res = await t.call('POST', '/api/v1/cases', 'handler1', sampleDraft({ proposed: { kind: 'fine', amountYuan: 150000 } }));
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function signedIn(user: DemoUserName) {
  const client = new DeskClient(t);
  await client.signIn(user);
  return client;
}

/** Posts a case-page form as `client` with the page's CSRF token and the case's current version. */
async function postForm(client: DeskClient, id: string, form: Record<string, string>) {
  const csrf = await client.csrf(`/desk/cases/${id}`);
  const version = (await t.services.store.get(id))!.version;
  return client.post(`/desk/cases/${id}/events`, { _csrf: csrf, version: String(version), ...form });
}

/** The payload of the latest accepted record entry of `type`. */
async function recorded(id: string, type: string): Promise<Record<string, unknown>> {
  const { items } = (await (await t.call('GET', `/api/v1/cases/${id}/events`, 'auditor1')).json()) as {
    items: { type: string; payload: Record<string, unknown> }[];
  };
  return items.filter((e) => e.type === type).at(-1)!.payload;
}

const stateOf = async (id: string) => (await (await t.call('GET', `/api/v1/cases/${id}`, 'head1')).json()) as Record<string, any>;

describe('the transfer on the desk', () => {
  it('takes the report, approval, sending, 不予立案, 复议, supervision, 立案 and the handover through the case page, each on the record', async () => {
    const id = await openCase();
    const handler = await signedIn('handler1');
    const head = await signedIn('head1');
    const page = await (await handler.get(`/desk/cases/${id}`)).text();
    expect(page).toContain('data-action="transfer.report"');
    expect(page).toContain('name="officers_1"');

    const team = { type: 'transfer.report', officers_0: t.users.handler1.id, officers_1: t.users.handler2.id, report: '涉嫌危险驾驶罪' };
    expect((await postForm(handler, id, team)).status).toBe(303);
    expect(await recorded(id, 'transfer.report')).toMatchObject({
      officers: [t.users.handler1.id, t.users.handler2.id],
      report: '涉嫌危险驾驶罪',
    });
    expect((await postForm(head, id, { type: 'transfer.approve' })).status).toBe(303);

    const send = {
      type: 'transfer.send',
      recipient: '西宁市公安局',
      materials: '案件调查报告\r\n现场检测记录\r\n',
      seizedItems: '涉案车辆，1辆\n行驶证, 1本',
      expertReports: '',
    };
    expect((await postForm(handler, id, send)).status).toBe(303);
    expect(await recorded(id, 'transfer.send')).toMatchObject({
      recipient: '西宁市公安局',
      materials: ['案件调查报告', '现场检测记录'],
      seizedItems: [
        { name: '涉案车辆', quantity: '1辆' },
        { name: '行驶证', quantity: '1本' },
      ],
      document: { kind: 'transfer', number: expect.stringMatching(/^宁交执法移〔\d{4}〕\d+号$/) },
    });

    const answer = { type: 'transfer.answer', result: 'not_filed', receivedOn: clock.today(), reasons: '不构成犯罪' };
    expect((await postForm(handler, id, answer)).status).toBe(303);
    expect(await recorded(id, 'transfer.answer')).toMatchObject({ result: 'not_filed', receivedOn: clock.today(), reasons: '不构成犯罪' });
    expect((await postForm(head, id, { type: 'transfer.reconsider', request: '证据足以证明涉嫌犯罪' })).status).toBe(303);
    expect(await recorded(id, 'transfer.reconsider')).toMatchObject({ request: '证据足以证明涉嫌犯罪' });
    expect((await postForm(handler, id, answer)).status).toBe(303);
    expect((await stateOf(id)).transfer.status).toBe('upheld');

    const supervise = { type: 'transfer.supervise', result: 'filing_ordered', note: '检察院通知公安机关立案' };
    expect((await postForm(head, id, supervise)).status).toBe(303);
    expect(await recorded(id, 'transfer.supervise')).toMatchObject({ result: 'filing_ordered', note: '检察院通知公安机关立案' });
    expect((await postForm(handler, id, { type: 'transfer.answer', result: 'filed', receivedOn: clock.today() })).status).toBe(303);
    expect((await stateOf(id)).stateValue).toEqual({ transfer: 'handingOver' });
    const handover = {
      type: 'transfer.handover',
      handedOverOn: clock.today(),
      receivedBy: '王警官',
      materials: '调查报告',
      seizedItems: '',
    };
    expect((await postForm(handler, id, handover)).status).toBe(303);
    expect(await recorded(id, 'transfer.handover')).toMatchObject({ receivedBy: '王警官', materials: ['调查报告'], seizedItems: [] });
    expect((await stateOf(id)).state).toBe('transferred');
  });

  it('records a clue to 纪检监察 from the case page', async () => {
    const id = await openCase();
    const head = await signedIn('head1');
    expect((await postForm(head, id, { type: 'clue.transfer', recipient: '西宁市纪委监委', summary: '执法人员涉嫌收受财物' })).status).toBe(
      303,
    );
    expect(await recorded(id, 'clue.transfer')).toMatchObject({ recipient: '西宁市纪委监委', summary: '执法人员涉嫌收受财物' });
  });
});

describe('refused transfer forms change nothing', () => {
  it('marks a one-officer team (422), a missing report (400) and a seized item without quantity (400)', async () => {
    const id = await openCase();
    const handler = await signedIn('handler1');
    const before = await footprint(t, id);
    const alone = await postForm(handler, id, { type: 'transfer.report', officers_0: t.users.handler1.id, report: '涉嫌犯罪' });
    expect(alone.status).toBe(422);
    const html = await alone.text();
    expect(html).toMatch(/<details[^>]*data-action="transfer.report"[^>]*open/);
    expect(html).toContain('专案组须由至少两名不同的执法人员组成。');
    expect(html).toContain('涉嫌犯罪</textarea>');
    const empty = await postForm(handler, id, {
      type: 'transfer.report',
      officers_0: t.users.handler1.id,
      officers_1: t.users.handler2.id,
    });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('id="err-report"');
    const uncertified = await postForm(handler, id, {
      type: 'transfer.report',
      officers_0: t.users.handler1.id,
      officers_1: t.users.reviewer1.id,
      report: '涉嫌犯罪',
    });
    expect(uncertified.status).toBe(422);
    expect(await uncertified.text()).toContain('id="err-officers_1"');
    expect(await footprint(t, id)).toEqual(before);

    const head = await signedIn('head1');
    await postForm(handler, id, {
      type: 'transfer.report',
      officers_0: t.users.handler1.id,
      officers_1: t.users.handler2.id,
      report: '涉嫌犯罪',
    });
    await postForm(head, id, { type: 'transfer.approve' });
    const approved = await footprint(t, id);
    const noQuantity = await postForm(handler, id, {
      type: 'transfer.send',
      recipient: '西宁市公安局',
      materials: '调查报告',
      seizedItems: '涉案车辆',
    });
    expect(noQuantity.status).toBe(400);
    expect(await noQuantity.text()).toContain('每行须写明物品名称和数量');
    expect(await footprint(t, id)).toEqual(approved);
  });

  it('marks a police answer dated after today (422) and refuses a clerk’s report (403)', async () => {
    const id = await openCase();
    const handler = await signedIn('handler1');
    const head = await signedIn('head1');
    await postForm(handler, id, {
      type: 'transfer.report',
      officers_0: t.users.handler1.id,
      officers_1: t.users.handler2.id,
      report: '涉嫌犯罪',
    });
    await postForm(head, id, { type: 'transfer.approve' });
    await postForm(handler, id, { type: 'transfer.send', recipient: '西宁市公安局', materials: '调查报告', seizedItems: '' });
    const sent = await footprint(t, id);
    const future = await postForm(handler, id, { type: 'transfer.answer', result: 'not_filed', receivedOn: '2026-12-02' });
    expect(future.status).toBe(422);
    expect(await future.text()).toContain('id="err-receivedOn"');
    expect(await footprint(t, id)).toEqual(sent);

    const other = await openCase();
    const clerk = await signedIn('clerk1');
    const clean = await footprint(t, other);
    const res = await postForm(clerk, other, {
      type: 'transfer.report',
      officers_0: t.users.handler1.id,
      officers_1: t.users.handler2.id,
      report: 'x',
    });
    expect(res.status).toBe(403);
    expect(await footprint(t, other)).toEqual(clean);
  });
});
