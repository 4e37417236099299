// The party's rights and the duties after a decision (issue 13, "Done when"), through the real stack: the
// hearing-request period counted from receipt on legal dates, no lapse before it ends, statements until the
// decision, no heavier draft after 告知, no service clock or 备案 where the duty does not apply, and the public
// register with redacted content.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewItems } from '../../machines/case/case.events.js';
import { createTestApp, discussionBody, sampleDraft, type TestApp } from '../helpers/test-app.js';
import { deadlineOf, getJson, send, testClock } from './deadlines/deadline-stack.js';
import { noticeSend, served } from '../helpers/party-commands.js';
import { footprint } from './desk/desk-fixtures.js';

const clock = testClock('2026-11-30');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: clock.now });
  clock.use(t);
});
afterAll(async () => {
  await t.close();
});

async function openCase(over = {}, openedOn = '2026-09-01') {
  const res = await t.call('POST', '/api/v1/cases', 'handler1', { ...sampleDraft(over), openedOn });
  const json = await res.json();
  expect(res.status, JSON.stringify(json)).toBe(201);
  return json;
}

/** A case through 告知 and waiver, approved by review: ready for the head's decision. */
async function approvedCase(over = {}) {
  const c = await openCase(over);
  await send(t, c.id, 'handler1', noticeSend('2026-09-10'));
  await send(t, c.id, 'handler1', { type: 'rights.waive' });
  await send(t, c.id, 'handler1', { type: 'review.submit', attestation: true });
  await send(t, c.id, 'reviewer1', { type: 'review.assign', reviewerId: t.users.reviewer1.id });
  return send(t, c.id, 'reviewer1', { type: 'review.approve', draftHash: c.draft.hash, opinion: '同意', items: reviewItems() });
}

async function refused(id: string, user: 'handler1' | 'head1' | 'clerk1', body: object, status: number, type: string) {
  const res = await t.call('POST', `/api/v1/cases/${id}/events`, user, body);
  expect(res.status).toBe(status);
  expect((await res.json()).type).toBe(type);
}

describe('the hearing-request period', () => {
  it('refuses rights.lapse straight after notice.send (422), and nothing changes', async () => {
    const c = await openCase({}, '2026-11-20');
    await send(t, c.id, 'handler1', noticeSend(clock.today()));
    const before = await footprint(t, c.id);
    await refused(c.id, 'handler1', { type: 'rights.lapse' }, 422, '/problems/hearing-window-open');
    expect(await footprint(t, c.id)).toEqual(before);
  });

  it.each([
    ['2026-09-18', '2026-09-24', 'Sunday 09-20 is a 调休 working day and counts'],
    ['2026-09-28', '2026-10-10', '国庆 10-01..07 skipped; Saturday 10-10 is a 调休 working day'],
  ])('received %s: the party may ask for a hearing until %s (%s)', async (receivedOn, endsOn) => {
    const c = await openCase();
    const view = await send(t, c.id, 'handler1', noticeSend(receivedOn));
    expect(view.rights).toMatchObject({ receivedOn, hearingWindow: { endsOn, provisional: false } });
    expect(await deadlineOf(t, c.id, 'hearingRequest')).toMatchObject({ dueDate: endsOn });
    // The period is over, counted from the legal date: the right lapses now, not on the entry day.
    await send(t, c.id, 'handler1', { type: 'rights.lapse' });
  });

  it('recounts the period from a corrected receipt date (notice.receipt)', async () => {
    const c = await openCase();
    await send(t, c.id, 'handler1', noticeSend('2026-09-15'));
    const view = await send(t, c.id, 'handler1', { type: 'notice.receipt', receivedOn: '2026-09-28' });
    expect(view.rights.hearingWindow.endsOn).toBe('2026-10-10');
    await refused(c.id, 'handler1', { type: 'notice.receipt', receivedOn: '2026-12-01' }, 422, '/problems/legal-date-invalid');
  });
});

describe('statements and the draft after 告知', () => {
  it('records a statement in ready (200) and after the approval, which stands and is flagged', async () => {
    const c = await openCase();
    await send(t, c.id, 'handler1', noticeSend('2026-09-10'));
    const ready = await send(t, c.id, 'handler1', { type: 'rights.waive' });
    expect(ready.state).toBe('ready');
    expect((await send(t, c.id, 'handler1', { type: 'statement.record', summary: '当事人称车辆系临时借用。' })).rights.statements).toBe(1);
    const approved = await approvedCaseFrom(c.id, c.draft.hash);
    await clock.set('2026-11-30', '10:00');
    const after = await send(t, c.id, 'handler1', { type: 'statement.record', summary: '当事人补充陈述。' });
    expect(after).toMatchObject({ state: approved.state, statementAfterReview: true, review: { draftHash: c.draft.hash } });
  });

  it('refuses a draft raising the fine after notice (422) and accepts one lowering it (200)', async () => {
    const c = await openCase();
    await send(t, c.id, 'handler1', noticeSend('2026-09-10'));
    await send(t, c.id, 'handler1', { type: 'rights.waive' });
    const higher = await t.call(
      'PUT',
      `/api/v1/cases/${c.id}/draft`,
      'handler1',
      sampleDraft({ proposed: { kind: 'fine', amountYuan: 200000 } }),
    );
    expect(higher.status).toBe(422);
    expect((await higher.json()).type).toBe('/problems/penalty-heavier-after-notice');
    const lower = await t.call(
      'PUT',
      `/api/v1/cases/${c.id}/draft`,
      'handler1',
      sampleDraft({ proposed: { kind: 'fine', amountYuan: 100000 } }),
    );
    expect(lower.status).toBe(200);
  });
});

async function approvedCaseFrom(id: string, hash: string) {
  await send(t, id, 'handler1', { type: 'review.submit', attestation: true });
  await send(t, id, 'reviewer1', { type: 'review.assign', reviewerId: t.users.reviewer1.id });
  return send(t, id, 'reviewer1', { type: 'review.approve', draftHash: hash, opinion: '同意', items: reviewItems() });
}

describe('duties that do not apply', () => {
  it('starts no service clock and needs no 备案 for a transfer', async () => {
    const c = await openCase();
    await send(t, c.id, 'handler1', noticeSend('2026-09-10'));
    await send(t, c.id, 'handler1', { type: 'rights.waive' });
    await send(t, c.id, 'handler1', { type: 'review.submit', attestation: true });
    await send(t, c.id, 'reviewer1', { type: 'review.assign', reviewerId: t.users.reviewer1.id });
    await send(t, c.id, 'reviewer1', {
      type: 'review.refer',
      opinion: '涉嫌犯罪',
      items: reviewItems({ crimeTransfer: '涉嫌犯罪' }),
      target: 'judicial',
    });
    await send(t, c.id, 'head1', discussionBody(t, '移送'));
    const view = await send(t, c.id, 'head1', { type: 'decision.issue', draftHash: c.draft.hash, outcome: 'transfer' });
    expect(view.duties).toMatchObject({ serviceRequired: false, filingRequired: false });
    expect(await deadlineOf(t, c.id, 'service')).toBeUndefined();
    expect(await deadlineOf(t, c.id, 'filing')).toBeUndefined();
    expect(view.allowedEvents).not.toContain('decision.serve');
  });

  it('needs no 备案 for a 不予处罚 decision under the default policy', async () => {
    const c = await approvedCase({ proposed: { kind: 'no_penalty' } });
    await send(t, c.id, 'head1', discussionBody(t, '同意'));
    const view = await send(t, c.id, 'head1', { type: 'decision.issue', draftHash: c.draft.hash, outcome: 'no_penalty' });
    expect(view.duties.filingRequired).toBe(false);
    expect(await deadlineOf(t, c.id, 'filing')).toBeUndefined();
    expect(await deadlineOf(t, c.id, 'service')).toMatchObject({ kind: 'service' });
  });
});

describe('the public register', () => {
  const person = {
    party: { name: '张三丰', kind: 'person' as const, address: '西宁市城中区南大街1号' },
    facts: '张三丰（身份证号630102198001011234，电话13912345678，住西宁市城中区南大街1号）驾驶车辆超限运输。',
  };

  it('shows the redacted content of a published decision without a sign-in, and drops it after withdrawal', async () => {
    const c = await approvedCase(person);
    await send(t, c.id, 'head1', discussionBody(t, '同意'));
    await send(t, c.id, 'head1', {
      type: 'decision.issue',
      draftHash: c.draft.hash,
      decidedOn: '2026-11-20',
      documentNo: '宁交罚〔2026〕7号',
    });
    await send(t, c.id, 'clerk1', { type: 'decision.serve', service: served('2026-11-23', '张三丰') });
    await send(t, c.id, 'clerk1', { type: 'publication.publish', publishedOn: '2026-11-24' });
    const res = await t.app.request('/public/decisions');
    expect(res.status).toBe(200);
    const entry = (await res.json()).items.find((i: { id: string }) => i.id === c.id);
    expect(entry.content).toMatchObject({ party: '张某', documentNo: '宁交罚〔2026〕7号', decidedOn: '2026-11-20' });
    const text = JSON.stringify(entry);
    for (const secret of ['张三丰', '630102198001011234', '13912345678', '南大街1号']) expect(text).not.toContain(secret);
    const page = await t.app.request('/public/decisions?format=html');
    const html = await page.text();
    expect(html).toContain('宁交罚〔2026〕7号');
    // The page's own stylesheet is allowed by its hash, and nothing else (no script, no external asset).
    const csp = page.headers.get('Content-Security-Policy') ?? '';
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("default-src 'none'");
    await send(t, c.id, 'clerk1', { type: 'publication.withdraw', reason: '决定已被撤销', withdrawnOn: '2026-11-27' });
    const after = await (await t.app.request('/public/decisions')).json();
    expect(after.items.map((i: { id: string }) => i.id)).not.toContain(c.id);
  });

  it('answers 400 for a malformed page query, without a sign-in', async () => {
    const res = await t.app.request('/public/decisions?limit=0');
    expect(res.status).toBe(400);
  });
});

describe('reports', () => {
  it('makes the November 2026 monthly report due 2026-12-04 (12-05 is a Saturday, moved earlier)', async () => {
    const report = await getJson(t, '/api/v1/reports/monthly?month=2026-11', 'head1');
    expect(report.due).toMatchObject({ nominal: '2026-12-05', date: '2026-12-04', rule: 'previousWorkingDay' });
  });
});
