// The review and decision clocks under the review-law steps, through HTTP with a fixed clock across 国庆 2026
// (10-01 to 10-07 off; Sunday 09-20 and Saturday 10-10 worked): a re-submission after a return gets a new full
// review period (118号 (十三)); a materials request (补充材料) pauses the period and the supplement resumes it;
// decision.extend adds the policy's 30 days once (交通 art 78). Dates counted by hand from the 2026 schedule.
import { noticeSend, onClockOf } from '../../helpers/party-commands.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewItems } from '../../../machines/case/case.events.js';
import { createTestApp, discussionBody, sampleDraft, type TestApp } from '../../helpers/test-app.js';
import { deadlineOf, send, testClock } from '../deadlines/deadline-stack.js';
import { refused } from './review-law-helpers.js';

const clock = testClock('2026-07-01');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: clock.now });
  clock.use(t);
});
afterAll(async () => {
  await t.close();
});

async function openCase() {
  const res = await t.call('POST', '/api/v1/cases', 'handler1', sampleDraft());
  expect(res.status).toBe(201);
  return res.json();
}

describe('decision.extend (交通 art 78)', () => {
  it('adds the configured 30 days once to the decision clock, by a head with a reason', async () => {
    await clock.set('2026-07-01');
    const c = await openCase();
    expect(await deadlineOf(t, c.id, 'decision')).toMatchObject({ dueDate: '2026-09-29', period: expect.objectContaining({ days: 90 }) });
    await refused(t, c.id, 'handler1', { type: 'decision.extend', reason: '案情复杂' }, 403, 'wrong-role');
    await clock.set('2026-09-01');
    const extended = await send(t, c.id, 'head1', { type: 'decision.extend', reason: '需补充鉴定，案情复杂' });
    expect(extended.decisionExtension).toMatchObject({ by: t.users.head1.id, reason: '需补充鉴定，案情复杂' });
    const decision = await deadlineOf(t, c.id, 'decision');
    expect(decision).toMatchObject({ dueDate: '2026-10-29', state: 'running', notice: 'none' });
    expect(decision?.period).toMatchObject({ days: 120, policyKey: 'decision+decisionExtension' });
    expect(String((decision?.period as { basis?: string } | undefined)?.basis)).toContain('art 78');
    await refused(t, c.id, 'head1', { type: 'decision.extend', reason: '再次延长' }, 422, 'event-not-allowed');
  });
});

describe('review rounds and materials across 国庆 2026', () => {
  let c: { id: string; draft: { hash: string } };

  it('counts the first round over the holiday: submitted Monday 09-28, due on the worked Saturday 10-10', async () => {
    await clock.set('2026-09-28');
    c = await openCase();
    await send(t, c.id, 'handler1', noticeSend(onClockOf(t)(0)));
    await send(t, c.id, 'handler1', { type: 'rights.waive' });
    await send(t, c.id, 'handler1', { type: 'review.submit', attestation: true });
    await send(t, c.id, 'reviewer1', { type: 'review.assign', reviewerId: t.users.reviewer1.id });
    expect(await deadlineOf(t, c.id, 'review')).toMatchObject({ startDate: '2026-09-28', dueDate: '2026-10-10', state: 'running' });
  });

  it('gives the re-submission after a return a new, full 5 working days', async () => {
    await clock.set('2026-09-30');
    await send(t, c.id, 'reviewer1', {
      type: 'review.return',
      opinion: '缺少称重记录',
      items: reviewItems({ factsEvidence: '缺少称重记录' }),
    });
    expect(await deadlineOf(t, c.id, 'review')).toMatchObject({ state: 'closed', outcome: 'met', closedBy: 'review.return' });
    await clock.set('2026-10-09');
    await send(t, c.id, 'handler1', { type: 'review.submit', attestation: true });
    expect(await deadlineOf(t, c.id, 'review')).toMatchObject({
      startDate: '2026-10-09',
      dueDate: '2026-10-15',
      usedDays: 0,
      state: 'running',
    });
  });

  it('pauses the period while the handler supplements materials (inReview.awaitingMaterials)', async () => {
    await clock.set('2026-10-12');
    const paused = await send(t, c.id, 'reviewer1', { type: 'review.requestMaterials', request: '请补充车辆称重检测原始记录' });
    expect(paused.stateValue).toEqual({ inReview: 'awaitingMaterials' });
    expect(paused.materials).toMatchObject({ request: '请补充车辆称重检测原始记录', suppliedAt: null });
    expect(await deadlineOf(t, c.id, 'review')).toMatchObject({
      state: 'paused',
      status: 'paused',
      usedDays: 2,
      pausedSince: '2026-10-12',
    });
    const review = { type: 'review.approve', draftHash: c.draft.hash, opinion: '同意', items: reviewItems() };
    await refused(t, c.id, 'reviewer1', review, 422, 'event-not-allowed');
    await refused(t, c.id, 'handler2', { type: 'materials.supplement', note: '补充', attestation: true }, 403, 'not-handler');
  });

  it('resumes with the days left when the handler supplies them: 3 working days from Friday 10-16', async () => {
    await clock.set('2026-10-16');
    const resumed = await send(t, c.id, 'handler1', {
      type: 'materials.supplement',
      note: '已补充称重检测原始记录一份',
      attestation: true,
    });
    expect(resumed.stateValue).toEqual({ inReview: 'assigned' });
    expect(resumed.materials.suppliedAt).not.toBeNull();
    expect(await deadlineOf(t, c.id, 'review')).toMatchObject({ state: 'running', dueDate: '2026-10-21', usedDays: 2, pausedDays: 4 });
    await clock.set('2026-10-21');
    await send(t, c.id, 'reviewer1', { type: 'review.approve', draftHash: c.draft.hash, opinion: '同意', items: reviewItems() });
    expect(await deadlineOf(t, c.id, 'review')).toMatchObject({ state: 'closed', outcome: 'met' });
    await send(t, c.id, 'head1', discussionBody(t));
    expect((await send(t, c.id, 'head1', { type: 'decision.issue', draftHash: c.draft.hash })).state).toBe('decided');
  });
});
