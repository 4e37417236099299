// The 查封、扣押 case page of the desk through the real stack: a reviewer opens a coercion case from its queue
// link, and every step from submission to closing is done with the page's forms, each offered only when the
// service's allowedEvents has it, each landing on the same record the API writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoercionReviewItemKeys } from '../../../machines/coercion/coercion.events.js';
import { createTestApp, type DemoUserName, type TestApp } from '../../helpers/test-app.js';
import { coercionDraft } from '../coercion/coercion-fixtures.js';
import { DeskClient } from './desk-client.js';
import { caseInReview } from './desk-fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

type Coercion = { id: string; version: number; state: string; draft: { hash: string }; allowedEvents: string[] };
const page = (id: string) => `/desk/coercion-cases/${id}`;
const read = async (id: string): Promise<Coercion> => (await t.call('GET', `/api/v1/coercion-cases/${id}`, 'auditor1')).json();

async function open(): Promise<Coercion> {
  const res = await t.call('POST', '/api/v1/coercion-cases', 'handler1', coercionDraft(t));
  expect(res.status).toBe(201);
  return res.json();
}

async function signedIn(user: DemoUserName): Promise<DeskClient> {
  const desk = new DeskClient(t);
  await desk.signIn(user);
  return desk;
}

/** Posts one form of the coercion page at the case's current version. */
async function post(desk: DeskClient, id: string, form: Record<string, string>): Promise<Response> {
  const version = String((await read(id)).version);
  return desk.post(`${page(id)}/events`, { version, ...form, _csrf: await desk.csrf(page(id)) });
}

/** The review form: the seven items passed unless named in `findings`. */
function reviewForm(outcome: string, hash: string, findings: Record<string, string> = {}): Record<string, string> {
  const form: Record<string, string> = { type: 'review', outcome, draftHash: hash, opinion: '审核意见' };
  for (const key of CoercionReviewItemKeys) {
    form[`item_${key}`] = findings[key] === undefined ? 'passed' : 'finding';
    form[`finding_${key}`] = findings[key] ?? '';
  }
  return form;
}

async function expectStep(res: Response, id: string, state: string) {
  expect(res.status, await res.clone().text()).toBe(303);
  expect(res.headers.get('location')).toMatch(new RegExp(`^${page(id)}\\?done=`));
  expect((await read(id)).state).toBe(state);
}

describe('the 查封扣押 case page', () => {
  it('is where the case link of the queue leads, in Chinese, with the draft, its objects and hash', async () => {
    const c = await open();
    const head = await signedIn('head1');
    const redirect = await head.get(`/desk/cases/${c.id}`);
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe(page(c.id));
    const html = await (await head.get(page(c.id))).text();
    expect(html).toContain('<html lang="zh-CN"');
    expect(html).toContain('查封、扣押决定书代拟稿');
    expect(html).toContain('大型客车 青A·12345');
    expect(html).toContain(c.draft.hash);
    expect(html).toContain('拟定代拟稿');
  });

  it('speaks English from the catalog when the user switches language', async () => {
    const c = await open();
    const head = await signedIn('head1');
    await head.post('/desk/lang', { _csrf: await head.csrf(), lang: 'en', next: '/desk' });
    const html = await (await head.get(page(c.id))).text();
    expect(html).toContain('Draft sealing/seizure decision');
    expect(html).toContain('Seizure (扣押)');
  });

  it('offers only the forms of allowedEvents: the handler submits, a reviewer claims, no one else reviews', async () => {
    const c = await open();
    const handler = await signedIn('handler1');
    const handlerPage = await (await handler.get(page(c.id))).text();
    expect(handlerPage).toContain('data-action="review.submit"');
    expect(handlerPage).not.toContain('data-action="review"');
    await expectStep(await post(handler, c.id, { type: 'review.submit', attestation: 'yes' }), c.id, 'inReview');
    const reviewer2 = await signedIn('reviewer2');
    const reviewer1 = await signedIn('reviewer1');
    await expectStep(await post(reviewer1, c.id, { type: 'review.assign' }), c.id, 'inReview');
    expect(await (await reviewer2.get(page(c.id))).text()).not.toContain('data-action="review"');
    expect(await (await reviewer1.get(page(c.id))).text()).toContain('data-action="review"');
  });

  it('runs a major case from submission to closing through the forms, a return included', async () => {
    const c = await open();
    const handler = await signedIn('handler1');
    const reviewer = await signedIn('reviewer1');
    const head = await signedIn('head1');
    const clerk = await signedIn('clerk1');
    await expectStep(await post(handler, c.id, { type: 'review.submit', attestation: 'yes' }), c.id, 'inReview');
    await expectStep(await post(head, c.id, { type: 'review.assign', reviewerId: t.users.reviewer1.id }), c.id, 'inReview');
    const back = reviewForm('return', c.draft.hash, { proportionality: '应选择损害较小的方式' });
    await expectStep(await post(reviewer, c.id, back), c.id, 'correcting');
    expect(await (await handler.get(page(c.id))).text()).toContain('应选择损害较小的方式');
    await expectStep(await post(handler, c.id, { type: 'review.submit', attestation: 'yes' }), c.id, 'inReview');
    await expectStep(await post(reviewer, c.id, reviewForm('approve', c.draft.hash)), c.id, 'awaitingDecision');
    await expectStep(await post(head, c.id, { type: 'decision.issue', draftHash: c.draft.hash }), c.id, 'inForce');
    const inForce = await (await head.get(page(c.id))).text();
    expect(inForce).toContain('data-clock="coercionPeriod"');
    expect(inForce).toContain('data-action="measure.extend"');
    await expectStep(await post(head, c.id, { type: 'measure.extend', days: '15', reason: '需要技术鉴定' }), c.id, 'inForce');
    await expectStep(await post(clerk, c.id, { type: 'filing.submit' }), c.id, 'inForce');
    await expectStep(await post(head, c.id, { type: 'measure.conclude', result: 'released', reason: '解除扣押' }), c.id, 'concluded');
    await expectStep(await post(clerk, c.id, { type: 'case.close' }), c.id, 'closed');
    const record = await (await head.get(page(c.id))).text();
    // The record names the coercion events in Chinese, not by their keys.
    expect(record).toContain('延长查封扣押期限');
    expect(record).toContain('查封扣押处理（解除、没收或销毁）');
  });

  it('refuses a blank or unknown form with 400 and records nothing', async () => {
    const c = await open();
    const handler = await signedIn('handler1');
    const forms: Record<string, string>[] = [
      { type: 'review.submit' },
      { type: 'constructor' },
      { type: '__proto__' },
      { type: 'case.withdraw', reason: ' ' },
    ];
    for (const form of forms) {
      const res = await post(handler, c.id, form);
      expect(res.status, form.type).toBe(400);
    }
    expect(await t.services.store.events(c.id, true)).toHaveLength(1);
    expect((await read(c.id)).state).toBe('drafting');
  });

  it('answers a missing case, and a penalty case id, as not found', async () => {
    const head = await signedIn('head1');
    expect((await head.get(page('no-such-case'))).status).toBe(404);
    const penalty = await caseInReview(t);
    expect((await head.get(page(penalty.id))).status).toBe(404);
  });
});
