// A review that is lawful in substance, through the real stack: the seven items agree with the outcome, the
// decision agrees with the review and the draft (no 以罚代刑), and whoever reviewed a case may not decide it.
import { noticeSend, onClockOf } from '../../helpers/party-commands.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewItems } from '../../../machines/case/case.events.js';
import { createTestApp, discussionBody, sampleDraft, type TestApp } from '../../helpers/test-app.js';
import { inReview, ok, open, refused } from './review-law-helpers.js';
import { demoUnitIds } from '../../../server/demo/demo-units.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const approve = (hash: string, findings = {}) => ({
  type: 'review.approve',
  draftHash: hash,
  opinion: '同意',
  items: reviewItems(findings),
});

describe('the opinion agrees with its seven items (交通 art 72; ReviewItemsSchema, refuseReviewOutcome, isReviewOutcomeConsistent)', () => {
  it('answers 400 to an approval without items, and 422 review-outcome-inconsistent to contradicting content', async () => {
    const c = await inReview(t);
    const { items: _none, ...bare } = approve(c.draft.hash);
    await refused(t, c.id, 'reviewer1', bare, 400, 'malformed-request');
    await refused(t, c.id, 'reviewer1', approve(c.draft.hash, { factsEvidence: '证据不足' }), 422, 'review-outcome-inconsistent');
    await refused(
      t,
      c.id,
      'reviewer1',
      { type: 'review.return', opinion: '退回', items: reviewItems() },
      422,
      'review-outcome-inconsistent',
    );
    const referral = { type: 'review.refer', opinion: '建议移送', items: reviewItems(), target: 'judicial' };
    const problem = await refused(t, c.id, 'reviewer1', referral, 422, 'review-outcome-inconsistent');
    expect(problem).toMatchObject({ reason: 'referral_needs_crime_finding', fields: ['target', 'items.crimeTransfer'] });
  });
});

describe('the decision agrees with the review (行政处罚法 art 82; 移送规定 art 11; isOutcomeConsistentWithReview, refuseDecisionOutcome, DecisionOutcomeSchema)', () => {
  it('refuses a penalty after a judicial referral with 422 decision-outcome-inconsistent, and issues the transfer', async () => {
    const c = await inReview(t);
    const referral = {
      type: 'review.refer',
      opinion: '涉嫌危险驾驶罪',
      items: reviewItems({ crimeTransfer: '涉嫌犯罪' }),
      target: 'judicial',
    };
    await ok(t, c.id, 'reviewer1', referral);
    await ok(t, c.id, 'head1', discussionBody(t));
    const problem = await refused(
      t,
      c.id,
      'head1',
      { type: 'decision.issue', draftHash: c.draft.hash, outcome: 'penalty' },
      422,
      'decision-outcome-inconsistent',
    );
    expect(problem).toMatchObject({ reason: 'decision_after_referral', fields: ['outcome'] });
    const decided = await ok(t, c.id, 'head1', { type: 'decision.issue', draftHash: c.draft.hash, outcome: 'transfer' });
    expect(decided.decision.outcome).toBe('transfer');
    // The 移送书 goes to the recipient of the policy (policy.documents.transfer), with no remedies of a penalty.
    const doc = await (await t.call('GET', `/api/v1/cases/${c.id}/decision-document`, 'head1')).json();
    expect(doc.document).toMatchObject({ title: '涉嫌犯罪案件移送书', outcome: 'transfer', measures: [], remedies: '' });
    expect(doc.document.compliance[0]).toContain('西宁市公安局');
  });

  it('refuses an outcome the approved draft does not propose: another outcome needs a revised draft and a new review', async () => {
    const c = await inReview(t);
    await ok(t, c.id, 'reviewer1', approve(c.draft.hash));
    await ok(t, c.id, 'head1', discussionBody(t));
    for (const outcome of ['no_penalty_minor', 'no_penalty_unfounded', 'transfer', 'no_penalty']) {
      const problem = await refused(
        t,
        c.id,
        'head1',
        { type: 'decision.issue', draftHash: c.draft.hash, outcome },
        422,
        'decision-outcome-inconsistent',
      );
      expect(problem.reason).toBe('decision_not_as_proposed');
    }
    const revised = await t.call(
      'PUT',
      `/api/v1/cases/${c.id}/draft`,
      'handler1',
      sampleDraft({ proposed: { outcome: 'no_penalty_minor' } }),
    );
    expect((await revised.json()).state).toBe('ready');
  });

  it('decides the 不予处罚 a new draft proposes, with its ground (交通 art 73)', async () => {
    const draft = sampleDraft({ proposed: { outcome: 'no_penalty_unfounded' }, flags: { publicInterest: true } });
    const c = await inReview(t, draft);
    expect(c.proposedOutcome).toBe('no_penalty_unfounded');
    await ok(t, c.id, 'reviewer1', approve(c.draft.hash));
    const decided = await ok(t, c.id, 'head1', { type: 'decision.issue', draftHash: c.draft.hash });
    expect(decided.decision.outcome).toBe('no_penalty_unfounded');
  });

  it('keeps the non-major path to the same rule: a decision without review is still the draft’s outcome', async () => {
    const c = await open(t, sampleDraft({ party: { name: '马某', kind: 'person' }, proposed: { kind: 'fine', amountYuan: 500 } }));
    await ok(t, c.id, 'handler1', noticeSend(onClockOf(t)(0)));
    await ok(t, c.id, 'handler1', { type: 'rights.waive' });
    await refused(
      t,
      c.id,
      'head1',
      { type: 'decision.issue', draftHash: c.draft.hash, outcome: 'transfer' },
      422,
      'decision-outcome-inconsistent',
    );
    expect((await ok(t, c.id, 'head1', { type: 'decision.issue', draftHash: c.draft.hash })).decision.outcome).toBe('penalty');
  });
});

describe('separation of review and decision (seed §9(3); reviewer_may_not_decide)', () => {
  async function reviewerHead(username: string) {
    const user = await t.services.users.create({
      username,
      password: 'pw-123456',
      roles: ['reviewer', 'head'],
      // In the 法制审核科, like the demo reviewers: once off the case, they still reach it as a reviewed case.
      unitId: demoUnitIds.review,
      qualificationNo: `Q-${username}`,
      qualificationValidUntil: '2099-12-31',
    });
    const token = await t.services.users.issueToken(user.id);
    const send = (id: string, body: unknown) =>
      t.app.request(`/api/v1/cases/${id}/events`, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      });
    return { user, send };
  }

  it('refuses the approving reviewer’s decision with 403 reviewer-may-not-decide, whatever roles they hold', async () => {
    const { user, send } = await reviewerHead('reviewer-head-1');
    const c = await inReview(t, sampleDraft({ proposed: { kind: 'fine', amountYuan: 5000 }, flags: { publicInterest: true } }));
    await ok(t, c.id, 'head1', { type: 'review.assign', reviewerId: user.id });
    expect((await send(c.id, approve(c.draft.hash))).status).toBe(200);
    const res = await send(c.id, { type: 'decision.issue', draftHash: c.draft.hash });
    expect(res.status).toBe(403);
    expect((await res.json()).type).toBe('/problems/reviewer-may-not-decide');
    const view = await (await t.call('GET', `/api/v1/cases/${c.id}`, 'head1')).json();
    expect(view.state).toBe('awaitingDecision');
    expect((await ok(t, c.id, 'head1', { type: 'decision.issue', draftHash: c.draft.hash })).state).toBe('decided');
  });

  it('refuses the reviewer who returned an earlier draft, even after another reviewer approved the next', async () => {
    const { user, send } = await reviewerHead('reviewer-head-2');
    const c = await inReview(t);
    await ok(t, c.id, 'head1', { type: 'review.assign', reviewerId: user.id });
    const returned = await send(c.id, {
      type: 'review.return',
      opinion: '证据不足',
      items: reviewItems({ factsEvidence: '缺少称重记录' }),
    });
    expect(returned.status).toBe(200);
    await ok(t, c.id, 'handler1', { type: 'review.submit', attestation: true });
    await ok(t, c.id, 'head1', { type: 'review.assign', reviewerId: t.users.reviewer2.id });
    await ok(t, c.id, 'reviewer2', approve(c.draft.hash));
    const discussion = await send(c.id, discussionBody(t));
    expect(discussion.status).toBe(403);
    expect((await discussion.json()).type).toBe('/problems/reviewer-may-not-decide');
    await ok(t, c.id, 'head1', discussionBody(t));
    const decision = await send(c.id, { type: 'decision.issue', draftHash: c.draft.hash });
    expect(decision.status).toBe(403);
    expect((await decision.json()).type).toBe('/problems/reviewer-may-not-decide');
  });
});
