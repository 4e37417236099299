// The desk's forms for the party's rights and the duties, through the real app without a browser: a handler
// records the notice's service, a refused date or lapse comes back on the form and changes nothing, a head
// decides the party's 回避 application, and a clerk serves and publishes with the redacted preview.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewItems } from '../../../machines/case/case.events.js';
import { createTestApp, discussionBody, sampleDraft, type TestApp } from '../../helpers/test-app.js';
import { testClock } from '../deadlines/deadline-stack.js';
import { noticeSend } from '../../helpers/party-commands.js';
import { DeskClient } from './desk-client.js';
import { footprint, sendOk } from './desk-fixtures.js';

const clock = testClock('2026-11-30');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: clock.now });
  clock.use(t);
});
afterAll(async () => {
  await t.close();
});

const person = {
  party: { name: '张三丰', kind: 'person' as const, address: '西宁市城中区南大街1号' },
  facts: '张三丰（身份证号630102198001011234，电话13912345678）驾驶车辆超限运输。',
};

async function openCase(over = {}) {
  const res = await t.call('POST', '/api/v1/cases', 'handler1', { ...sampleDraft(over), openedOn: '2026-09-01' });
  expect(res.status).toBe(201);
  return res.json();
}

async function signedIn(user: 'handler1' | 'head1' | 'clerk1') {
  const client = new DeskClient(t);
  await client.signIn(user);
  return client;
}

/** Posts a case-page form as `client`, with the page's CSRF token and the case's current version. */
async function postForm(client: DeskClient, id: string, form: Record<string, string>) {
  const page = await client.get(`/desk/cases/${id}`);
  const html = await page.text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
  const version = (await t.services.store.get(id))!.version;
  return client.post(`/desk/cases/${id}/events`, { _csrf: csrf, version: String(version), ...form });
}

const service = (date: string) => ({
  service_method: 'post',
  service_date: date,
  service_recipient: '张三丰',
  service_receiptRef: '挂号信XA123',
});

describe('notice and rights on the desk', () => {
  it('records the notice’s service (method, date, recipient) and shows the period counted from receipt', async () => {
    const c = await openCase();
    const handler = await signedIn('handler1');
    const res = await postForm(handler, c.id, { type: 'notice.send', ...service('2026-09-28') });
    expect(res.status).toBe(303);
    const view = await (await t.call('GET', `/api/v1/cases/${c.id}`, 'handler1')).json();
    expect(view.rights).toMatchObject({ receivedOn: '2026-09-28', hearingWindow: { endsOn: '2026-10-10' } });
    const page = await (await handler.get(`/desk/cases/${c.id}`)).text();
    expect(page).toContain('data-window-ends="2026-10-10"');
  });

  it('shows a service date in the future on its field (422) and changes nothing', async () => {
    const c = await openCase();
    const handler = await signedIn('handler1');
    const before = await footprint(t, c.id);
    const res = await postForm(handler, c.id, { type: 'notice.send', ...service('2026-12-02') });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/<details[^>]*data-action="notice.send"[^>]*open/);
    expect(html).toContain('id="err-service_date"');
    expect(html).toContain('日期不得晚于今天。');
    expect(html).toContain('value="张三丰"');
    expect(await footprint(t, c.id)).toEqual(before);
  });

  it('refuses a lapse before the period ends with the rule’s message (422)', async () => {
    const c = await openCase();
    await sendOk(t, c.id, 'handler1', noticeSend(clock.today()));
    const handler = await signedIn('handler1');
    const page = await (await handler.get(`/desk/cases/${c.id}`)).text();
    expect(page).not.toContain('value="rights.lapse"');
    const res = await postForm(handler, c.id, { type: 'rights.lapse' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('听证申请期限尚未届满');
  });

  it('records a statement in ready from the case page', async () => {
    const c = await openCase();
    await sendOk(t, c.id, 'handler1', noticeSend('2026-09-10'));
    await sendOk(t, c.id, 'handler1', { type: 'rights.waive' });
    const handler = await signedIn('handler1');
    expect(await (await handler.get(`/desk/cases/${c.id}`)).text()).toContain('data-action="statement.record"');
    const res = await postForm(handler, c.id, { type: 'statement.record', summary: '当事人称系初次违法。' });
    expect(res.status).toBe(303);
    expect((await (await t.call('GET', `/api/v1/cases/${c.id}`, 'handler1')).json()).rights.statements).toBe(1);
  });
});

describe('hearing and 回避 on the desk', () => {
  it('refuses an investigator as host (422, marked), and a head decides the party’s 回避 application', async () => {
    const c = await openCase();
    await sendOk(t, c.id, 'handler1', noticeSend('2026-09-10'));
    await sendOk(t, c.id, 'handler1', { type: 'hearing.request' });
    const head = await signedIn('head1');
    const schedule = {
      type: 'hearing.schedule',
      date: '2026-12-21',
      place: '第一听证室',
      hostId: t.users.handler1.id,
      recorderId: t.users.clerk1.id,
      noticeServedOn: '2026-11-30',
    };
    const barred = await postForm(head, c.id, schedule);
    expect(barred.status).toBe(422);
    expect(await barred.text()).toContain('本案调查人员或已回避人员不得担任主持人、记录员。');
    const handler = await signedIn('handler1');
    const applied = await postForm(handler, c.id, {
      type: 'recusal.apply',
      againstId: t.users.reviewer1.id,
      reason: '审核人员系当事人亲属',
      appliedOn: '2026-11-30',
    });
    expect(applied.status).toBe(303);
    expect(await (await head.get(`/desk/cases/${c.id}`)).text()).toContain('data-action="recusal.decide"');
    const decided = await postForm(head, c.id, { type: 'recusal.decide', applicationNo: '1', granted: 'yes', reason: '申请理由成立' });
    expect(decided.status).toBe(303);
    const view = await (await t.call('GET', `/api/v1/cases/${c.id}`, 'head1')).json();
    expect(view.recusalApplications[0]).toMatchObject({ status: 'granted' });
    expect(view.recusals).toContain(t.users.reviewer1.id);
  });
});

describe('the clerk on the desk', () => {
  async function decided() {
    const c = await openCase(person);
    await sendOk(t, c.id, 'handler1', noticeSend('2026-09-10'));
    await sendOk(t, c.id, 'handler1', { type: 'rights.waive' });
    await sendOk(t, c.id, 'handler1', { type: 'review.submit', attestation: true });
    await sendOk(t, c.id, 'reviewer1', { type: 'review.assign', reviewerId: t.users.reviewer1.id });
    await sendOk(t, c.id, 'reviewer1', { type: 'review.approve', draftHash: c.draft.hash, opinion: '同意', items: reviewItems() });
    await sendOk(t, c.id, 'head1', discussionBody(t, '同意'));
    await sendOk(t, c.id, 'head1', {
      type: 'decision.issue',
      draftHash: c.draft.hash,
      decidedOn: '2026-11-20',
      documentNo: '宁交罚〔2026〕9号',
    });
    return c;
  }

  it('records service of the decision from the case page the clerk’s list links to', async () => {
    const c = await decided();
    const clerk = await signedIn('clerk1');
    expect(await (await clerk.get('/desk/clerk')).text()).toContain(`href="/desk/cases/${c.id}#action-decision-serve"`);
    const res = await postForm(clerk, c.id, { type: 'decision.serve', ...service('2026-11-24') });
    expect(res.status).toBe(303);
    const view = await (await t.call('GET', `/api/v1/cases/${c.id}`, 'clerk1')).json();
    expect(view.duties.servedOn).toBe('2026-11-24');
  });

  it('publishes exactly the redacted preview, which the public page then shows without a sign-in', async () => {
    const c = await decided();
    const clerk = await signedIn('clerk1');
    const page = await (await clerk.get(`/desk/cases/${c.id}`)).text();
    const preview = /<section[^>]*data-preview="publication"[\s\S]*?<\/section>/.exec(page)![0];
    expect(preview).toContain('张某');
    expect(preview).toContain('宁交罚〔2026〕9号');
    for (const secret of ['张三丰', '630102198001011234', '13912345678']) expect(preview).not.toContain(secret);
    const res = await postForm(clerk, c.id, { type: 'publication.publish', publishedOn: '2026-11-30' });
    expect(res.status).toBe(303);
    const published = await (await t.app.request('/public/decisions')).json();
    const entry = published.items.find((i: { id: string }) => i.id === c.id);
    expect(entry.content.facts).toContain('张某');
    expect(preview).toContain(entry.content.facts);
    expect(page).toContain('href="/public/decisions?format=html"');
  });
});
