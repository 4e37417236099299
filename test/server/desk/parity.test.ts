// API and desk answer every refused action the same way: the same status and the same rule's code, because
// both reach the machine's rules through the one case service. Each refused desk form is replayed through
// the API as the command it maps to; both attempts land on the record with the same refusal code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReviewItemKeys, reviewItems } from '../../../machines/case/case.events.js';
import { createTestApp, type DemoUserName, type TestApp } from '../../helpers/test-app.js';
import { DeskClient } from './desk-client.js';
import { caseInReview, sendOk } from './desk-fixtures.js';
import { decisionServe, today } from '../../helpers/party-commands.js';
import { coercionReviewItems } from '../../../machines/coercion/coercion.events.js';
import { approve as coercionApprove, coercionDraft } from '../coercion/coercion-fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

type Case = { id: string; version: number; draft: { hash: string } };

/** The review form a reviewer posts: items passed unless named in `findings`. */
function reviewForm(version: number, outcome: string, findings: Record<string, string>, extra: Record<string, string> = {}) {
  const form: Record<string, string> = { version: String(version), outcome, opinion: '审核意见', ...extra };
  for (const key of ReviewItemKeys) {
    form[`item_${key}`] = findings[key] !== undefined ? 'finding' : 'passed';
    form[`finding_${key}`] = findings[key] ?? '';
  }
  return form;
}

/** One refused action: the case it needs, the desk form it posts, and the API request it maps to. */
interface Refusal {
  name: string;
  user: DemoUserName;
  prepare: () => Promise<Case>;
  desk: (c: Case) => { path: string; form: Record<string, string> };
  api: (c: Case) => { method: string; path: string; body: unknown; headers?: Record<string, string> };
  status: number;
  code: string;
}

/** A major case (public interest) that needs review but no collective discussion, claimed by reviewer1. */
async function claimed(): Promise<Case> {
  const c = await caseInReview(t, { proposed: { kind: 'fine', amountYuan: 5000 }, flags: { publicInterest: true } });
  return sendOk(t, c.id, 'reviewer1', { type: 'review.assign', reviewerId: t.users.reviewer1.id });
}

async function approved(): Promise<Case> {
  const c = await claimed();
  return sendOk(t, c.id, 'reviewer1', { type: 'review.approve', draftHash: c.draft.hash, opinion: '同意', items: reviewItems() });
}

/** Referred to judicial organs (item 7: suspected crime). */
async function referred(): Promise<Case> {
  const c = await claimed();
  const items = reviewItems({ crimeTransfer: '涉嫌犯罪' });
  return sendOk(t, c.id, 'reviewer1', { type: 'review.refer', opinion: '建议移送', items, target: 'judicial' });
}

/** Awaiting the reviewer while the handler supplements materials (补充材料). */
async function awaitingMaterials(): Promise<Case> {
  const c = await claimed();
  return sendOk(t, c.id, 'reviewer1', { type: 'review.requestMaterials', request: '补充称重记录' });
}

async function extended(): Promise<Case> {
  const c = await approved();
  return sendOk(t, c.id, 'head1', { type: 'decision.extend', reason: '案情复杂' });
}

/** A transfer the case team proposed from review (移送规定 art 5), awaiting the head. */
async function transferProposed(): Promise<Case> {
  const c = await claimed();
  return sendOk(t, c.id, 'handler1', { type: 'transfer.report', officers: [t.users.handler1.id, t.users.handler2.id], report: '涉嫌犯罪' });
}

/** A transfer sent to the police, awaiting their answer. */
async function transferSent(): Promise<Case> {
  const c = await transferProposed();
  await sendOk(t, c.id, 'head1', { type: 'transfer.approve' });
  return sendOk(t, c.id, 'handler1', { type: 'transfer.send', recipient: '西宁市公安局', materials: ['调查报告'], seizedItems: [] });
}

const events = (c: Case) => `/api/v1/cases/${c.id}/events`;
/** A legal date a week after today: never a date a receipt could bear yet. */
const nextWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
/** The service fields of a desk form (送达回证), as a clerk fills them in. */
const serveForm = { service_method: 'direct', service_date: today(), service_recipient: '当事人', service_receiptRef: '回证-1' };
const ifMatch = (c: Case) => ({ 'If-Match': String(c.version) });

const refusals: Refusal[] = [
  {
    name: 'approval with an item not passed',
    user: 'reviewer1',
    prepare: claimed,
    desk: (c) => ({
      path: `/desk/cases/${c.id}/review`,
      form: reviewForm(c.version, 'approve', { documents: '文书不规范' }, { draftHash: c.draft.hash }),
    }),
    api: (c) => ({
      method: 'POST',
      path: events(c),
      body: { type: 'review.approve', draftHash: c.draft.hash, opinion: '审核意见', items: reviewItems({ documents: '文书不规范' }) },
      headers: ifMatch(c),
    }),
    status: 422,
    code: 'review_outcome_inconsistent',
  },
  {
    name: 'return with every item passed',
    user: 'reviewer1',
    prepare: claimed,
    desk: (c) => ({ path: `/desk/cases/${c.id}/review`, form: reviewForm(c.version, 'return', {}) }),
    api: (c) => ({
      method: 'POST',
      path: events(c),
      body: { type: 'review.return', opinion: '审核意见', items: reviewItems() },
      headers: ifMatch(c),
    }),
    status: 422,
    code: 'review_outcome_inconsistent',
  },
  {
    name: 'judicial referral with no suspected crime',
    user: 'reviewer1',
    prepare: claimed,
    desk: (c) => ({ path: `/desk/cases/${c.id}/review`, form: reviewForm(c.version, 'refer', {}, { target: 'judicial' }) }),
    api: (c) => ({
      method: 'POST',
      path: events(c),
      body: { type: 'review.refer', opinion: '审核意见', items: reviewItems(), target: 'judicial' },
      headers: ifMatch(c),
    }),
    status: 422,
    code: 'review_outcome_inconsistent',
  },
  {
    name: 'review of a case assigned to another reviewer',
    user: 'reviewer2',
    prepare: claimed,
    desk: (c) => ({ path: `/desk/cases/${c.id}/review`, form: reviewForm(c.version, 'return', { procedure: '未依法告知' }) }),
    api: (c) => ({
      method: 'POST',
      path: events(c),
      body: { type: 'review.return', opinion: '审核意见', items: reviewItems({ procedure: '未依法告知' }) },
      headers: ifMatch(c),
    }),
    status: 403,
    code: 'not_assigned_reviewer',
  },
  {
    name: 'a stale form (the version moved on)',
    user: 'reviewer1',
    prepare: claimed,
    desk: (c) => ({ path: `/desk/cases/${c.id}/review`, form: reviewForm(c.version - 1, 'return', { procedure: '未依法告知' }) }),
    api: (c) => ({
      method: 'POST',
      path: events(c),
      body: { type: 'review.return', opinion: '审核意见', items: reviewItems({ procedure: '未依法告知' }) },
      headers: { 'If-Match': String(c.version - 1) },
    }),
    status: 409,
    code: 'version_mismatch',
  },
  {
    name: 'service before any decision',
    user: 'clerk1',
    prepare: claimed,
    desk: (c) => ({ path: `/desk/cases/${c.id}/events`, form: { type: 'decision.serve', version: String(c.version), ...serveForm } }),
    api: (c) => ({ method: 'POST', path: events(c), body: decisionServe(), headers: ifMatch(c) }),
    status: 422,
    code: 'event_not_allowed',
  },
  {
    name: 'a decision by the handler of the case',
    user: 'handler1',
    prepare: approved,
    desk: (c) => ({
      path: `/desk/cases/${c.id}/events`,
      form: { type: 'decision.issue', draftHash: c.draft.hash, version: String(c.version) },
    }),
    api: (c) => ({ method: 'POST', path: events(c), body: { type: 'decision.issue', draftHash: c.draft.hash }, headers: ifMatch(c) }),
    status: 403,
    code: 'wrong_role',
  },
  {
    name: 'a decision on a hash that is not the approved draft',
    user: 'head1',
    prepare: approved,
    desk: (c) => ({
      path: `/desk/cases/${c.id}/events`,
      form: { type: 'decision.issue', draftHash: 'f'.repeat(64), version: String(c.version) },
    }),
    api: (c) => ({ method: 'POST', path: events(c), body: { type: 'decision.issue', draftHash: 'f'.repeat(64) }, headers: ifMatch(c) }),
    status: 409,
    code: 'stale_draft_hash',
  },
  {
    name: 'a penalty after a judicial referral (以罚代刑)',
    user: 'head1',
    prepare: referred,
    desk: (c) => ({
      path: `/desk/cases/${c.id}/events`,
      form: { type: 'decision.issue', draftHash: c.draft.hash, outcome: 'penalty', version: String(c.version) },
    }),
    api: (c) => ({
      method: 'POST',
      path: events(c),
      body: { type: 'decision.issue', draftHash: c.draft.hash, outcome: 'penalty' },
      headers: ifMatch(c),
    }),
    status: 422,
    code: 'decision_outcome_inconsistent',
  },
  {
    name: 'a collective discussion below the quorum',
    user: 'head1',
    prepare: approved,
    desk: (c) => ({
      path: `/desk/cases/${c.id}/events`,
      form: {
        type: 'discussion.record',
        version: String(c.version),
        member_user_0: t.users.head1.id,
        member_vote_0: 'agree',
        member_opinion_0: '同意',
        chairId: t.users.head1.id,
        conclusion: '同意',
      },
    }),
    api: (c) => ({
      method: 'POST',
      path: events(c),
      body: {
        type: 'discussion.record',
        members: [{ userId: t.users.head1.id, vote: 'agree', opinion: '同意' }],
        chairId: t.users.head1.id,
        conclusion: '同意',
      },
      headers: ifMatch(c),
    }),
    status: 422,
    code: 'discussion_invalid',
  },
  {
    name: 'materials supplied by a handler not on the case',
    user: 'handler2',
    prepare: awaitingMaterials,
    desk: (c) => ({
      path: `/desk/cases/${c.id}/events`,
      form: { type: 'materials.supplement', note: '补充', attestation: 'yes', version: String(c.version) },
    }),
    api: (c) => ({
      method: 'POST',
      path: events(c),
      body: { type: 'materials.supplement', note: '补充', attestation: true },
      headers: ifMatch(c),
    }),
    status: 403,
    code: 'not_handler',
  },
  {
    name: 'a second extension of the decision period',
    user: 'head1',
    prepare: extended,
    desk: (c) => ({ path: `/desk/cases/${c.id}/events`, form: { type: 'decision.extend', reason: '再延长', version: String(c.version) } }),
    api: (c) => ({ method: 'POST', path: events(c), body: { type: 'decision.extend', reason: '再延长' }, headers: ifMatch(c) }),
    status: 422,
    code: 'event_not_allowed',
  },
  {
    name: 'an objection when no return stands',
    user: 'handler1',
    prepare: approved,
    desk: (c) => ({ path: `/desk/cases/${c.id}/events`, form: { type: 'review.object', reason: '不同意', version: String(c.version) } }),
    api: (c) => ({ method: 'POST', path: events(c), body: { type: 'review.object', reason: '不同意' }, headers: ifMatch(c) }),
    status: 422,
    code: 'event_not_allowed',
  },
  {
    name: 'a transfer report by one officer (专案组 under two)',
    user: 'handler1',
    prepare: claimed,
    desk: (c) => ({
      path: `/desk/cases/${c.id}/events`,
      form: { type: 'transfer.report', officers_0: t.users.handler1.id, report: '涉嫌犯罪', version: String(c.version) },
    }),
    api: (c) => ({
      method: 'POST',
      path: events(c),
      body: { type: 'transfer.report', officers: [t.users.handler1.id], report: '涉嫌犯罪' },
      headers: ifMatch(c),
    }),
    status: 422,
    code: 'transfer_team_invalid',
  },
  {
    name: 'a transfer approved by the handler who proposed it',
    user: 'handler1',
    prepare: transferProposed,
    desk: (c) => ({ path: `/desk/cases/${c.id}/events`, form: { type: 'transfer.approve', version: String(c.version) } }),
    api: (c) => ({ method: 'POST', path: events(c), body: { type: 'transfer.approve' }, headers: ifMatch(c) }),
    status: 403,
    code: 'wrong_role',
  },
  {
    name: 'a police answer received after today',
    user: 'handler1',
    prepare: transferSent,
    desk: (c) => ({
      path: `/desk/cases/${c.id}/events`,
      form: { type: 'transfer.answer', result: 'not_filed', receivedOn: nextWeek, version: String(c.version) },
    }),
    api: (c) => ({
      method: 'POST',
      path: events(c),
      body: { type: 'transfer.answer', result: 'not_filed', receivedOn: nextWeek },
      headers: ifMatch(c),
    }),
    status: 422,
    code: 'legal_date_invalid',
  },
  {
    name: 'a 复议 request before any 不予立案',
    user: 'head1',
    prepare: transferSent,
    desk: (c) => ({
      path: `/desk/cases/${c.id}/events`,
      form: { type: 'transfer.reconsider', request: '提请复议', version: String(c.version) },
    }),
    api: (c) => ({ method: 'POST', path: events(c), body: { type: 'transfer.reconsider', request: '提请复议' }, headers: ifMatch(c) }),
    status: 422,
    code: 'event_not_allowed',
  },
];

/** The refusal codes on a case's record, oldest first. */
async function refusalCodes(caseId: string): Promise<string[]> {
  const entries = await t.services.store.events(caseId, true);
  return entries.filter((e) => !e.accepted).map((e) => (e.refusal as { code: string }).code);
}

describe('API and desk refuse alike', () => {
  it.each(refusals)('$name: $status $code from both', async (r) => {
    const c = await r.prepare();
    const desk = new DeskClient(t);
    await desk.signIn(r.user);
    const { path, form } = r.desk(c);
    const deskAnswer = await desk.post(path, { ...form, _csrf: await desk.csrf(`/desk/cases/${c.id}`) });
    const api = r.api(c);
    const apiAnswer = await t.call(api.method, api.path, r.user, api.body, api.headers);
    const problem = await apiAnswer.json();
    expect([apiAnswer.status, problem.code]).toEqual([r.status, r.code]);
    expect(deskAnswer.status).toBe(r.status);
    // Both attempts are on the record, refused by the same rule.
    expect(await refusalCodes(c.id)).toEqual([r.code, r.code]);
    expect((await t.services.store.get(c.id))!.version).toBe(c.version);
  });
});

// 查封、扣押 cases: the desk page posts to /desk/coercion-cases/:id/events, the API to /api/v1/coercion-cases/:id/events.
const coercionEvents = (c: Case) => `/api/v1/coercion-cases/${c.id}/events`;
const coercionPage = (c: Case) => `/desk/coercion-cases/${c.id}/events`;
const goods = { objects: [{ name: '货物', kind: 'goods' as const, quantity: '1批', valueYuan: 100, livingNecessity: false }] };

async function coercionSend(id: string, user: DemoUserName, body: unknown): Promise<Case> {
  const res = await t.call('POST', `/api/v1/coercion-cases/${id}/events`, user, body);
  expect(res.status).toBe(200);
  return res.json();
}

async function coercionOpened(over = {}): Promise<Case> {
  const res = await t.call('POST', '/api/v1/coercion-cases', 'handler1', coercionDraft(t, over));
  expect(res.status).toBe(201);
  return res.json();
}

/** A major coercion case submitted and claimed by reviewer1. */
async function coercionClaimed(): Promise<Case> {
  const c = await coercionOpened();
  await coercionSend(c.id, 'handler1', { type: 'review.submit', attestation: true });
  return coercionSend(c.id, 'reviewer1', { type: 'review.assign', reviewerId: t.users.reviewer1.id });
}

async function coercionApproved(): Promise<Case> {
  const c = await coercionClaimed();
  return coercionSend(c.id, 'reviewer1', coercionApprove(c.draft.hash));
}

/** A minor measure (goods of little value) in force, extended once. */
async function coercionExtended(): Promise<Case> {
  const c = await coercionOpened(goods);
  await coercionSend(c.id, 'head1', { type: 'decision.issue', draftHash: c.draft.hash });
  return coercionSend(c.id, 'head1', { type: 'measure.extend', days: 10, reason: '情况复杂' });
}

/** The coercion review form: the seven items passed unless named in `findings`. */
function coercionReviewForm(version: number, outcome: string, hash: string, findings: Record<string, string> = {}) {
  const form: Record<string, string> = { type: 'review', version: String(version), outcome, draftHash: hash, opinion: '审核意见' };
  const items = coercionReviewItems(findings);
  for (const [key, item] of Object.entries(items)) {
    form[`item_${key}`] = item.passed ? 'passed' : 'finding';
    form[`finding_${key}`] = item.finding ?? '';
  }
  return form;
}

const coercionRefusals: Refusal[] = [
  {
    name: 'approval with an item not passed',
    user: 'reviewer1',
    prepare: coercionClaimed,
    desk: (c) => ({ path: coercionPage(c), form: coercionReviewForm(c.version, 'approve', c.draft.hash, { period: '期限超过三十日' }) }),
    api: (c) => ({
      method: 'POST',
      path: coercionEvents(c),
      body: { ...coercionApprove(c.draft.hash), opinion: '审核意见', items: coercionReviewItems({ period: '期限超过三十日' }) },
      headers: ifMatch(c),
    }),
    status: 422,
    code: 'review_outcome_inconsistent',
  },
  {
    name: 'approval of a hash that is not the current draft',
    user: 'reviewer1',
    prepare: coercionClaimed,
    desk: (c) => ({ path: coercionPage(c), form: coercionReviewForm(c.version, 'approve', 'a'.repeat(64)) }),
    api: (c) => ({
      method: 'POST',
      path: coercionEvents(c),
      body: { ...coercionApprove('a'.repeat(64)), opinion: '审核意见' },
      headers: ifMatch(c),
    }),
    status: 409,
    code: 'stale_draft_hash',
  },
  {
    name: 'review of a case assigned to another reviewer',
    user: 'reviewer2',
    prepare: coercionClaimed,
    desk: (c) => ({ path: coercionPage(c), form: coercionReviewForm(c.version, 'return', c.draft.hash, { procedure: '未告知' }) }),
    api: (c) => ({
      method: 'POST',
      path: coercionEvents(c),
      body: { type: 'review.return', opinion: '审核意见', items: coercionReviewItems({ procedure: '未告知' }) },
      headers: ifMatch(c),
    }),
    status: 403,
    code: 'not_assigned_reviewer',
  },
  {
    name: 'a stale form (the version moved on)',
    user: 'reviewer1',
    prepare: coercionClaimed,
    desk: (c) => ({ path: coercionPage(c), form: coercionReviewForm(c.version - 1, 'return', c.draft.hash, { procedure: '未告知' }) }),
    api: (c) => ({
      method: 'POST',
      path: coercionEvents(c),
      body: { type: 'review.return', opinion: '审核意见', items: coercionReviewItems({ procedure: '未告知' }) },
      headers: { 'If-Match': String(c.version - 1) },
    }),
    status: 409,
    code: 'version_mismatch',
  },
  {
    name: 'a decision by the handler of the case',
    user: 'handler1',
    prepare: coercionApproved,
    desk: (c) => ({ path: coercionPage(c), form: { type: 'decision.issue', draftHash: c.draft.hash, version: String(c.version) } }),
    api: (c) => ({
      method: 'POST',
      path: coercionEvents(c),
      body: { type: 'decision.issue', draftHash: c.draft.hash },
      headers: ifMatch(c),
    }),
    status: 403,
    code: 'wrong_role',
  },
  {
    name: 'a decision on a hash that is not the approved draft',
    user: 'head1',
    prepare: coercionApproved,
    desk: (c) => ({ path: coercionPage(c), form: { type: 'decision.issue', draftHash: 'f'.repeat(64), version: String(c.version) } }),
    api: (c) => ({
      method: 'POST',
      path: coercionEvents(c),
      body: { type: 'decision.issue', draftHash: 'f'.repeat(64) },
      headers: ifMatch(c),
    }),
    status: 409,
    code: 'stale_draft_hash',
  },
  {
    name: 'a decision dated after today',
    user: 'head1',
    prepare: coercionApproved,
    desk: (c) => ({
      path: coercionPage(c),
      form: { type: 'decision.issue', draftHash: c.draft.hash, decidedOn: nextWeek, version: String(c.version) },
    }),
    api: (c) => ({
      method: 'POST',
      path: coercionEvents(c),
      body: { type: 'decision.issue', draftHash: c.draft.hash, decidedOn: nextWeek },
      headers: ifMatch(c),
    }),
    status: 422,
    code: 'legal_date_invalid',
  },
  {
    name: 'a second extension of the measure (art 25)',
    user: 'head1',
    prepare: coercionExtended,
    desk: (c) => ({ path: coercionPage(c), form: { type: 'measure.extend', days: '5', reason: '再延长', version: String(c.version) } }),
    api: (c) => ({
      method: 'POST',
      path: coercionEvents(c),
      body: { type: 'measure.extend', days: 5, reason: '再延长' },
      headers: ifMatch(c),
    }),
    status: 422,
    code: 'event_not_allowed',
  },
  {
    name: 'filing of a minor measure',
    user: 'clerk1',
    prepare: coercionExtended,
    desk: (c) => ({ path: coercionPage(c), form: { type: 'filing.submit', version: String(c.version) } }),
    api: (c) => ({ method: 'POST', path: coercionEvents(c), body: { type: 'filing.submit' }, headers: ifMatch(c) }),
    status: 422,
    code: 'event_not_allowed',
  },
];

describe('API and desk refuse alike on 查封扣押 cases', () => {
  it.each(coercionRefusals)('$name: $status $code from both', async (r) => {
    const c = await r.prepare();
    const desk = new DeskClient(t);
    await desk.signIn(r.user);
    const { path, form } = r.desk(c);
    const deskAnswer = await desk.post(path, { ...form, _csrf: await desk.csrf(`/desk/coercion-cases/${c.id}`) });
    const api = r.api(c);
    const apiAnswer = await t.call(api.method, api.path, r.user, api.body, api.headers);
    const problem = await apiAnswer.json();
    expect([apiAnswer.status, problem.code]).toEqual([r.status, r.code]);
    expect(deskAnswer.status).toBe(r.status);
    // The desk page names the same problem type the API answers with.
    expect(await deskAnswer.text()).toContain(`data-problem="${r.code}"`);
    expect(problem.type).toBe(`/problems/${r.code.replaceAll('_', '-')}`);
    expect(await refusalCodes(c.id)).toEqual([r.code, r.code]);
    expect((await t.services.store.get(c.id))!.version).toBe(c.version);
  });
});
