// Every refusal of a 行政强制执行 case through the real stack, with its status and problem type; a refused request
// changes nothing (the case version stays). The app's clock is fixed at Tuesday 10 March 2026.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { approve, executionCalls, executionDraft, minorDraft, notice, testNow } from './execution-fixtures.js';

let t: TestApp;
let x: ReturnType<typeof executionCalls>;
beforeAll(async () => {
  t = await createTestApp({ now: () => new Date(testNow) });
  x = executionCalls(t);
});
afterAll(async () => {
  await t.close();
});

async function expectProblem(res: Response, status: number, type: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect((await res.json()).type).toBe(type);
}

/** Sends `body` as `user`, expects the problem, and checks the case did not move. */
async function refused(id: string, user: Parameters<typeof x.send>[1], body: unknown, status: number, type: string) {
  const before = await x.versionOf(id);
  await expectProblem(await x.send(id, user, body), status, type);
  expect(await x.versionOf(id)).toBe(before);
}

const decide = (hash: string) => ({ type: 'decision.issue', draftHash: hash });

describe('opening refusals', () => {
  it('refuses a reviewer opening a case (403 wrong-role)', async () => {
    await expectProblem(await t.call('POST', '/api/v1/execution-cases', 'reviewer1', executionDraft()), 403, '/problems/wrong-role');
  });

  it('refuses a money duty without its amount, a surcharge above it (art 45) and no time of execution (art 37)', async () => {
    const duty = { ...executionDraft().duty, kind: 'money' as const };
    const open = (draft: unknown) => t.call('POST', '/api/v1/execution-cases', 'handler1', draft);
    await expectProblem(await open(minorDraft({ duty })), 422, '/problems/execution-amount-missing');
    const surcharge = minorDraft({ means: 'surcharge', duty: { ...duty, amountYuan: 5_000 }, surchargeYuan: 6_000 });
    await expectProblem(await open(surcharge), 422, '/problems/execution-surcharge-over-amount');
    await expectProblem(await open(minorDraft({ plannedOn: undefined })), 422, '/problems/execution-time-missing');
  });
});

describe('催告 first (arts 35, 37, 54)', () => {
  it('refuses a decision before any 催告 (422 event-not-allowed): the case waits for its notice', async () => {
    const c = await x.open(minorDraft());
    await refused(c.id, 'head1', decide(c.draft.hash), 422, '/problems/event-not-allowed');
  });

  it('refuses a decision while the 催告 period runs, and does not offer it (422 execution-notice-period-running)', async () => {
    const c = await x.noticed(minorDraft(), '2026-03-09', 10);
    const view = await (await t.call('GET', `/api/v1/execution-cases/${c.id}`, 'head1')).json();
    expect(view.allowedEvents).not.toContain('decision.issue');
    expect(view.clocks[0]).toMatchObject({ kind: 'executionNotice', done: false });
    await refused(c.id, 'head1', decide(c.draft.hash), 422, '/problems/execution-notice-period-running');
  });

  it('refuses a money 催告 without its amount (art 35(3))', async () => {
    const duty = { ...executionDraft().duty, kind: 'money' as const, amountYuan: 5_000 };
    const c = await x.open(minorDraft({ means: 'transfer', duty }));
    await refused(c.id, 'handler1', notice(), 422, '/problems/execution-amount-missing');
  });

  it('refuses a court application before the art 54 wait and after the art 53 three months', async () => {
    const court = { route: 'court' as const, means: 'other' as const, plannedOn: undefined, plannedTime: undefined };
    const waiting = await x.noticed(minorDraft(court), '2026-03-02', 1);
    await refused(waiting.id, 'head1', decide(waiting.draft.hash), 422, '/problems/execution-notice-period-running');
    const duty = { ...executionDraft().duty, dueOn: '2025-10-01', remedyEndsOn: '2025-11-01' };
    const late = await x.noticed(minorDraft({ ...court, duty }));
    await refused(late.id, 'head1', decide(late.draft.hash), 422, '/problems/execution-court-deadline-passed');
  });
});

describe('statements (art 36) and times of execution (art 43)', () => {
  it('refuses a decision while a statement that holds is not adopted by a revision', async () => {
    const c = await x.noticed(minorDraft());
    await x.send(c.id, 'handler1', { type: 'statement.record', summary: '已整改。', finding: '属实。', holds: true });
    await refused(c.id, 'head1', decide(c.draft.hash), 422, '/problems/execution-statement-not-adopted');
  });

  it('refuses execution planned on a holiday or at night without urgency, and takes it when urgent with a reason', async () => {
    const holiday = await x.noticed(minorDraft({ plannedOn: '2026-10-01' }));
    await refused(holiday.id, 'head1', decide(holiday.draft.hash), 422, '/problems/execution-rest-day');
    const night = await x.noticed(minorDraft({ plannedTime: '23:30' }));
    await refused(night.id, 'head1', decide(night.draft.hash), 422, '/problems/execution-rest-day');
    const urgent = await x.noticed(minorDraft({ plannedOn: '2026-10-01', urgentReason: '违法建筑物有倒塌危险，危及公共安全。' }));
    expect((await x.send(urgent.id, 'head1', decide(urgent.draft.hash))).status).toBe(200);
  });

  it('refuses carrying out on a rest day without urgency (2026-03-08 is a Sunday)', async () => {
    const c = await x.noticed(minorDraft());
    await x.send(c.id, 'head1', { type: 'decision.issue', draftHash: c.draft.hash, decidedOn: '2026-03-02' });
    await refused(c.id, 'handler1', { type: 'execution.carry', carriedOn: '2026-03-08' }, 422, '/problems/execution-rest-day');
    const urgent = { type: 'execution.carry', carriedOn: '2026-03-08', urgentReason: '堵塞应急通道。' };
    expect((await x.send(c.id, 'handler1', urgent)).status).toBe(200);
  });
});

describe('people and the review', () => {
  it('refuses a wrong role (403 wrong-role) and another handler (403 not-handler)', async () => {
    const c = await x.open(minorDraft());
    await refused(c.id, 'head1', notice(), 403, '/problems/wrong-role');
    await refused(c.id, 'handler2', notice(), 403, '/problems/not-handler');
  });

  it('refuses the handler as reviewer (403 self-review)', async () => {
    const c = await x.noticed(executionDraft());
    await x.send(c.id, 'handler1', { type: 'review.submit', attestation: true });
    await refused(c.id, 'head1', { type: 'review.assign', reviewerId: t.users.handler1.id }, 403, '/problems/self-review');
  });

  it('refuses an approval and a decision on a stale draft hash (409 stale-draft-hash)', async () => {
    const c = await x.noticed(executionDraft());
    await x.send(c.id, 'handler1', { type: 'review.submit', attestation: true });
    await x.send(c.id, 'reviewer1', { type: 'review.assign', reviewerId: t.users.reviewer1.id });
    await refused(c.id, 'reviewer1', approve('f'.repeat(64)), 409, '/problems/stale-draft-hash');
    await x.send(c.id, 'reviewer1', approve(c.draft.hash));
    await refused(c.id, 'head1', decide('f'.repeat(64)), 409, '/problems/stale-draft-hash');
  });

  it('refuses the reviewer deciding (403) and a major decision without review (422 event-not-allowed)', async () => {
    const c = await x.approved();
    await refused(c.id, 'reviewer1', decide(c.draft.hash), 403, '/problems/wrong-role');
    const unreviewed = await x.noticed(executionDraft());
    await refused(unreviewed.id, 'head1', decide(unreviewed.draft.hash), 422, '/problems/event-not-allowed');
  });

  it('refuses a revision that changes the duty enforced (422 execution-duty-changed)', async () => {
    const c = await x.open(minorDraft());
    const other = minorDraft({ duty: { ...minorDraft().duty, decisionRef: '另案〔2025〕1号' } });
    await refused(c.id, 'handler1', { type: 'draft.revise', draft: other }, 422, '/problems/execution-duty-changed');
  });
});
