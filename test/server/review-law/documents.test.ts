// The 法制审核意见书 and 决定书 through the real stack: numbered from the policy's pattern per kind and year
// without gaps or duplicates (also under concurrent reviews), their SHA-256 on the record, readable only by the
// case's handler, its reviewers, heads and auditors, printable in Chinese, and in the case-file export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewItems } from '../../../machines/case/case.events.js';
import { sha256Canonical } from '../../../machines/shared/canonical-hash.js';
import { loadPolicy } from '../../../server/policy/load-policy.js';
import { createTestApp, discussionBody, sampleDraft, type DemoUserName, type TestApp } from '../../helpers/test-app.js';
import { testClock } from '../deadlines/deadline-stack.js';
import { inReview, ok, type Json } from './review-law-helpers.js';

const clock = testClock('2026-05-11');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: clock.now });
  clock.use(t);
});
afterAll(async () => {
  await t.close();
});

const get = async (path: string, user: DemoUserName) => t.call('GET', path, user);
const approve = (hash: string) => ({
  type: 'review.approve',
  draftHash: hash,
  opinion: '事实清楚，证据确凿，同意。',
  items: reviewItems(),
});
const entriesOf = async (id: string, type: string) =>
  ((await (await get(`/api/v1/cases/${id}/events`, 'auditor1')).json()).items as Json[]).filter((e) => e.type === type);

describe('审核意见书', () => {
  let c: Json;

  it('numbers each opinion from the pattern and puts its SHA-256 on the record', async () => {
    c = await inReview(t);
    await ok(t, c.id, 'reviewer1', {
      type: 'review.return',
      opinion: '请补充称重记录。',
      items: reviewItems({ factsEvidence: '缺少称重记录' }),
    });
    await ok(t, c.id, 'handler1', { type: 'review.submit', attestation: true });
    await ok(t, c.id, 'reviewer1', approve(c.draft.hash));
    const res = await get(`/api/v1/cases/${c.id}/opinions`, 'handler1');
    expect(res.status).toBe(200);
    const { items } = await res.json();
    expect(items.map((o: Json) => [o.number, o.kind])).toEqual([
      ['宁交执法审〔2026〕1号', 'returned'],
      ['宁交执法审〔2026〕2号', 'approved'],
    ]);
    expect(items[1]).toMatchObject({ draftHash: c.draft.hash, reviewerId: t.users.reviewer1.id, reviewerName: '张审核', effective: true });
    const recorded = [...(await entriesOf(c.id, 'review.return')), ...(await entriesOf(c.id, 'review.approve'))];
    expect(recorded.map((e) => e.payload.document)).toEqual(
      items.map((o: Json) => ({ kind: 'opinion', number: o.number, hash: o.documentHash })),
    );
    const one = await (await get(`/api/v1/cases/${c.id}/opinions/${encodeURIComponent(items[1].number)}`, 'reviewer1')).json();
    expect(sha256Canonical(one.document)).toBe(items[1].documentHash);
    expect(one.document).toMatchObject({
      kind: 'legal-review/opinion',
      outcome: 'approved',
      outcomeLabel: '同意',
      opinion: '事实清楚，证据确凿，同意。',
      reviewer: { name: '张审核', qualificationNo: 'A20180001', qualified: true },
    });
    expect(one.document.items).toHaveLength(7);
  });

  it('prints an opinion as a Chinese A4 page', async () => {
    const res = await get(`/api/v1/cases/${c.id}/opinions/${encodeURIComponent('宁交执法审〔2026〕1号')}?format=html`, 'auditor1');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    for (const text of [
      '<html lang="zh-CN">',
      '重大执法决定法制审核意见书',
      '宁交执法审〔2026〕1号',
      '存在问题',
      '缺少称重记录',
      '@page{size:A4',
    ])
      expect(html).toContain(text);
  });

  it('answers 403 not-case-reader to others, 404 to an unknown number or case, 400 to an unknown format', async () => {
    for (const user of ['handler2', 'clerk1', 'reviewer2', 'admin1'] as const) {
      const res = await get(`/api/v1/cases/${c.id}/opinions`, user);
      expect(res.status).toBe(403);
      expect((await res.json()).type).toBe('/problems/not-case-reader');
    }
    for (const user of ['handler1', 'reviewer1', 'head4', 'auditor1'] as const)
      expect((await get(`/api/v1/cases/${c.id}/opinions`, user)).status).toBe(200);
    const unknown = await get(`/api/v1/cases/${c.id}/opinions/${encodeURIComponent('宁交执法审〔2026〕99号')}`, 'head1');
    expect([unknown.status, (await unknown.json()).type]).toEqual([404, '/problems/document-not-found']);
    const noCase = await get('/api/v1/cases/nope/opinions', 'head1');
    expect([noCase.status, (await noCase.json()).type]).toEqual([404, '/problems/case-not-found']);
    const format = await get(`/api/v1/cases/${c.id}/opinions/${encodeURIComponent('宁交执法审〔2026〕1号')}?format=pdf`, 'head1');
    expect([format.status, (await format.json()).type]).toEqual([400, '/problems/malformed-request']);
  });
});

describe('objection and coordination (118号 (十四); isReturnStanding), shown with the opinion', () => {
  it('records the handler’s objection to a return and the head’s coordination on the returned opinion', async () => {
    const c = await inReview(t);
    await ok(t, c.id, 'reviewer1', { type: 'review.return', opinion: '裁量过重。', items: reviewItems({ lawDiscretion: '裁量过重' }) });
    const disputed = await ok(t, c.id, 'handler1', { type: 'review.object', reason: '已按基准第12项取中间值，不属过重。' });
    expect(disputed.state).toBe('disputed');
    // The party's statements and 回避 stay open until the decision, whatever the review's state (issue 13).
    expect(disputed.allowedEvents).toEqual([
      'statement.record',
      'recusal.apply',
      'conflict.declare',
      'case.withdraw',
      'transfer.report',
      'clue.transfer',
    ]);
    const coordinated = await ok(t, c.id, 'head1', {
      type: 'review.coordinate',
      result: 'handler_upheld',
      note: '经协调，采纳承办机构意见，重新送审。',
    });
    expect(coordinated).toMatchObject({ state: 'correcting', dispute: { coordination: { result: 'handler_upheld' } } });
    const { items } = await (await get(`/api/v1/cases/${c.id}/opinions`, 'head1')).json();
    expect(items[0]).toMatchObject({
      kind: 'returned',
      objection: { reason: '已按基准第12项取中间值，不属过重。', by: t.users.handler1.id },
      coordination: { result: 'handler_upheld', byName: '陈局长' },
    });
    const html = await (await get(`/api/v1/cases/${c.id}/opinions/${encodeURIComponent(items[0].number)}?format=html`, 'head1')).text();
    expect(html).toContain('采纳承办机构意见，可重新送审');
    expect(html).toContain('承办人异议');
    expect((await ok(t, c.id, 'handler1', { type: 'review.submit', attestation: true })).state).toBe('inReview');
  });
});

describe('决定书', () => {
  // policy.documents.agency, policy.documents.decision, policy.documents.remedies and deadlines.payment print on it.
  it('issues the decision document with the content of 交通 art 77 and its own number', async () => {
    const c = await inReview(t, sampleDraft({ discretionItem: '青海省交通运输行政处罚裁量基准 第12项' }));
    await ok(t, c.id, 'reviewer1', approve(c.draft.hash));
    await ok(t, c.id, 'head1', discussionBody(t));
    await ok(t, c.id, 'head1', { type: 'decision.issue', draftHash: c.draft.hash });
    for (const user of ['handler2', 'admin1'] as const)
      expect((await get(`/api/v1/cases/${c.id}/decision-document`, user)).status).toBe(403);
    const res = await get(`/api/v1/cases/${c.id}/decision-document`, 'clerk1');
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.number).toBe('宁交执法罚决〔2026〕1号');
    expect(doc.document).toMatchObject({
      title: '行政处罚决定书',
      party: { name: '西宁某物流有限公司' },
      outcome: 'penalty',
      measures: [{ kind: 'fine', label: '罚款', amountYuan: 150000 }],
      legalBasis: ['《公路安全保护条例》第三十条'],
      discretion: '青海省交通运输行政处罚裁量基准 第12项',
      decidedBy: { name: '陈局长' },
    });
    expect(doc.document.review.opinionNumber).toMatch(/^宁交执法审〔2026〕\d+号$/);
    expect(doc.document.compliance.join('')).toContain('15日内');
    expect(doc.document.remedies).toContain('60日内向西宁市人民政府申请行政复议');
    expect(doc.document.remedies).toContain('6个月内');
    const [entry] = await entriesOf(c.id, 'decision.issue');
    expect(entry!.payload.document).toEqual({ kind: 'decision', number: doc.number, hash: sha256Canonical(doc.document) });
    const html = await (await get(`/api/v1/cases/${c.id}/decision-document?format=html`, 'head1')).text();
    for (const text of ['行政处罚决定书', '宁交执法罚决〔2026〕1号', '申请行政复议', '（印章）', '2026年5月11日'])
      expect(html).toContain(text);
  });

  it('puts the printable documents into the case-file export', async () => {
    const c = await inReview(
      t,
      sampleDraft({ flags: { publicInterest: true }, proposed: { outcome: 'penalty', measures: [{ kind: 'warning' }] } }),
    );
    await ok(t, c.id, 'reviewer1', approve(c.draft.hash));
    await ok(t, c.id, 'head1', { type: 'decision.issue', draftHash: c.draft.hash });
    const json = await (await get(`/api/v1/cases/${c.id}/export?format=json`, 'auditor1')).json();
    expect(json.documents.opinions).toHaveLength(1);
    expect(json.documents.decision.document.measures).toEqual([{ kind: 'warning', label: '警告', amountYuan: null, durationDays: null }]);
    const html = await (await get(`/api/v1/cases/${c.id}/export?format=html`, 'auditor1')).text();
    expect(html).toContain('十一、法制审核意见书、决定书、移送书与移交清单');
    expect(html).toContain(json.documents.opinions[0].number);
    expect(html).toContain(json.documents.decision.number);
  });
});

describe('numbering under concurrency and across years', () => {
  it('numbers opinions given at the same moment on many cases without a gap or a duplicate', async () => {
    const cases = [];
    for (let i = 0; i < 8; i++) cases.push(await inReview(t));
    const before = Number(
      (await t.services.database.client.execute("SELECT max(seq) AS n FROM case_documents WHERE kind = 'opinion'")).rows[0]!.n,
    );
    const answers = await Promise.all(cases.map((c) => t.call('POST', `/api/v1/cases/${c.id}/events`, 'reviewer1', approve(c.draft.hash))));
    expect(answers.map((r) => r.status)).toEqual(cases.map(() => 200));
    const rs = await t.services.database.client.execute(
      "SELECT seq FROM case_documents WHERE kind = 'opinion' AND year = 2026 ORDER BY seq",
    );
    const seqs = rs.rows.map((r) => Number(r.seq));
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect(seqs.at(-1)).toBe(before + cases.length);
  });

  it('starts a new sequence in a new year', async () => {
    await clock.set('2027-01-04');
    const c = await inReview(t);
    await ok(t, c.id, 'reviewer1', approve(c.draft.hash));
    const { items } = await (await get(`/api/v1/cases/${c.id}/opinions`, 'head1')).json();
    expect(items.map((o: Json) => o.number)).toEqual(['宁交执法审〔2027〕1号']);
    await clock.set('2026-05-11');
  });
});

// policy.review.opinionSignOff: isSignOffRequired routes an opinion to inReview.awaitingSignOff, isSignOffAgreed out of it.
describe('sign-off by the 法制审核机构’s head, where the policy asks for it', () => {
  let s: TestApp;
  beforeAll(async () => {
    const policy = loadPolicy();
    s = await createTestApp({ policy: { ...policy, review: { ...policy.review, opinionSignOff: true } } });
  });
  afterAll(async () => {
    await s.close();
  });

  it('lets an opinion take effect only once signed off; a refusal sends it back to its reviewer', async () => {
    const c = await inReview(s);
    const pending = await ok(s, c.id, 'reviewer1', approve(c.draft.hash));
    expect(pending.stateValue).toEqual({ inReview: 'awaitingSignOff' });
    expect(pending.procedure.opinionSignOff).toBe(true);
    const head = await (await s.call('GET', `/api/v1/cases/${c.id}`, 'head1')).json();
    expect(head.allowedEvents).toContain('review.signOff');
    expect(head.allowedEvents).not.toContain('decision.issue');
    let list = await (await s.call('GET', `/api/v1/cases/${c.id}/opinions`, 'head1')).json();
    expect(list.items[0]).toMatchObject({ signOffRequired: true, effective: false, signOff: null });
    expect((await ok(s, c.id, 'head4', { type: 'review.signOff', agree: false, comment: '理由不充分' })).stateValue).toEqual({
      inReview: 'assigned',
    });
    await ok(s, c.id, 'reviewer1', approve(c.draft.hash));
    const author = await s.services.users.create({
      username: 'reviewer-head',
      password: 'pw-123456',
      roles: ['reviewer', 'head'],
      qualificationNo: 'Q-RH',
      qualificationValidUntil: '2099-12-31',
    });
    const token = await s.services.users.issueToken(author.id);
    const as = (body: unknown) =>
      s.app.request(`/api/v1/cases/${c.id}/events`, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      });
    expect((await ok(s, c.id, 'head1', { type: 'review.signOff', agree: false })).stateValue).toEqual({ inReview: 'assigned' });
    await ok(s, c.id, 'head1', { type: 'review.assign', reviewerId: author.id });
    expect((await as(approve(c.draft.hash))).status).toBe(200);
    const own = await as({ type: 'review.signOff', agree: true });
    expect([own.status, (await own.json()).type]).toEqual([403, '/problems/self-sign-off']);
    const effective = await ok(s, c.id, 'head4', { type: 'review.signOff', agree: true });
    expect(effective.state).toBe('awaitingDecision');
    list = await (await s.call('GET', `/api/v1/cases/${c.id}/opinions`, 'head1')).json();
    expect(list.items.map((o: Json) => [o.effective, o.signOff?.agree])).toEqual([
      [false, false],
      [false, false],
      [true, true],
    ]);
  });
});
