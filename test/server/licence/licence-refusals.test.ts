// Every refusal of a 行政许可 撤销 / 撤回 case through the real stack, with its status and problem type; a refused
// request changes nothing (the case version stays) and is itself on the record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type DemoUserName, type TestApp } from '../../helpers/test-app.js';
import { licenceReviewItems } from '../../../machines/licence/licence.events.js';
import type { LicenceDraft } from '../../../machines/licence/licence.draft.js';
import { approve, licenceDraft, statement } from './licence-fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const send = (id: string, user: DemoUserName, body: unknown) => t.call('POST', `/api/v1/licence-cases/${id}/events`, user, body);
const openAs = (user: DemoUserName, body: unknown) => t.call('POST', '/api/v1/licence-cases', user, body);
const versionOf = async (id: string) => (await (await t.call('GET', `/api/v1/licence-cases/${id}`, 'head1')).json()).version;

async function expectProblem(res: Response, status: number, type: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect((await res.json()).type).toBe(type);
}

async function open(draft: LicenceDraft = licenceDraft(), openedOn?: string) {
  const res = await openAs('handler1', { ...draft, ...(openedOn ? { openedOn } : {}) });
  expect(res.status).toBe(201);
  return res.json();
}

async function heard(draft?: LicenceDraft) {
  const opened = await open(draft);
  await send(opened.id, 'handler1', { type: 'notice.serve' });
  await send(opened.id, 'handler1', statement);
  await send(opened.id, 'handler1', { type: 'hearing.close' });
  return opened;
}

async function inReview() {
  const opened = await heard();
  await send(opened.id, 'handler1', { type: 'review.submit', attestation: true });
  await send(opened.id, 'reviewer1', { type: 'review.assign', reviewerId: t.users.reviewer1.id });
  return opened;
}

describe('opening refusals: what the law allows a draft to propose', () => {
  it('refuses a reviewer opening a case (403 wrong-role)', async () => {
    await expectProblem(await openAs('reviewer1', licenceDraft()), 403, '/problems/wrong-role');
  });

  it('refuses 不予撤销 of a licence obtained by fraud without public-interest reasons (art 69 ¶2–3, 422)', async () => {
    const fraud = licenceDraft({ outcome: 'notRevoke', grounds: ['improperMeans'] });
    const res = await openAs('handler1', fraud);
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ type: '/problems/licence-not-revoke-unfounded', reason: 'improper_means' });
    const unreasoned = licenceDraft({ outcome: 'notRevoke', grounds: ['beyondAuthority'] });
    await expectProblem(await openAs('handler1', unreasoned), 422, '/problems/licence-not-revoke-unfounded');
  });

  it('refuses 撤销 on art 8 grounds, 撤回 on art 69 grounds, and grounds not established (422 licence-grounds-mismatch)', async () => {
    await expectProblem(await openAs('handler1', licenceDraft({ grounds: ['lawChanged'] })), 422, '/problems/licence-grounds-mismatch');
    const withdraw = licenceDraft({ outcome: 'withdraw', grounds: ['abuseOfPower'] });
    await expectProblem(await openAs('handler1', withdraw), 422, '/problems/licence-grounds-mismatch');
    const unfounded = licenceDraft({ groundsEstablished: false });
    await expectProblem(await openAs('handler1', unfounded), 422, '/problems/licence-grounds-mismatch');
  });

  it('refuses 撤销 that would gravely harm the public interest (art 69 ¶3, 422 licence-revocation-barred)', async () => {
    const harmful = licenceDraft({ publicInterestHarm: '撤销将中断唯一客运线路。' });
    await expectProblem(await openAs('handler1', harmful), 422, '/problems/licence-revocation-barred');
  });

  it('refuses an unknown outcome or empty grounds (400 malformed-request)', async () => {
    await expectProblem(await openAs('handler1', { ...licenceDraft(), outcome: 'suspend' }), 400, '/problems/malformed-request');
    await expectProblem(await openAs('handler1', { ...licenceDraft(), grounds: [] }), 400, '/problems/malformed-request');
  });
});

describe('notice and statements refusals (arts 7, 36)', () => {
  it('refuses a decision before the licensee was told and heard (422 event-not-allowed), recording the refusal only', async () => {
    const opened = await open(licenceDraft({}, false));
    const res = await send(opened.id, 'head1', { type: 'decision.issue', draftHash: opened.draft.hash });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ type: '/problems/event-not-allowed', allowedEvents: ['case.withdraw'] });
    expect(await versionOf(opened.id)).toBe(1);
    const record = await (await t.call('GET', `/api/v1/cases/${opened.id}/events?include=refused`, 'head1')).json();
    expect(record.items.at(-1)).toMatchObject({ type: 'decision.issue', accepted: false, refusal: { code: 'event_not_allowed' } });
  });

  it('refuses closing the hearing while the period runs with no statement (422 licence-statements-pending)', async () => {
    const opened = await open();
    await send(opened.id, 'handler1', { type: 'notice.serve' });
    await expectProblem(await send(opened.id, 'handler1', { type: 'hearing.close' }), 422, '/problems/licence-statements-pending');
    await expectProblem(await send(opened.id, 'handler2', statement), 403, '/problems/not-handler');
    expect(await versionOf(opened.id)).toBe(2);
  });

  it('refuses a draft that turns to another outcome or adds grounds after the notice (422 licence-notice-mismatch)', async () => {
    const opened = await heard();
    const other = licenceDraft({ outcome: 'withdraw', grounds: ['circumstancesChanged'] });
    await expectProblem(
      await send(opened.id, 'handler1', { type: 'draft.revise', draft: other }),
      422,
      '/problems/licence-notice-mismatch',
    );
    const more = licenceDraft({ grounds: ['unqualifiedApplicant', 'beyondAuthority'] });
    await expectProblem(await send(opened.id, 'handler1', { type: 'draft.revise', draft: more }), 422, '/problems/licence-notice-mismatch');
    expect(await versionOf(opened.id)).toBe(4);
  });
});

describe('review and decision refusals', () => {
  it('refuses self-review (403), a wrong role (403) and another reviewer than the assigned one (403)', async () => {
    const opened = await inReview();
    const before = await versionOf(opened.id);
    await expectProblem(await send(opened.id, 'handler1', approve(opened.draft.hash)), 403, '/problems/wrong-role');
    await expectProblem(
      await send(opened.id, 'head1', { type: 'review.assign', reviewerId: t.users.handler1.id }),
      403,
      '/problems/self-review',
    );
    await expectProblem(await send(opened.id, 'reviewer2', approve(opened.draft.hash)), 403, '/problems/not-assigned-reviewer');
    expect(await versionOf(opened.id)).toBe(before);
  });

  it('refuses an approval with a failed item (422) and one of a stale hash (409 stale-draft-hash)', async () => {
    const opened = await inReview();
    const failed = { ...approve(opened.draft.hash), items: licenceReviewItems({ crimeReferral: '涉嫌伪造公文，应当移送。' }) };
    await expectProblem(await send(opened.id, 'reviewer1', failed), 422, '/problems/review-outcome-inconsistent');
    await expectProblem(await send(opened.id, 'reviewer1', approve('a'.repeat(64))), 409, '/problems/stale-draft-hash');
  });

  it('refuses the decision on a stale hash (409), by the reviewer (403), and after the approved draft was revised (422)', async () => {
    const opened = await inReview();
    await send(opened.id, 'reviewer1', approve(opened.draft.hash));
    const before = await versionOf(opened.id);
    await expectProblem(
      await send(opened.id, 'head1', { type: 'decision.issue', draftHash: 'b'.repeat(64) }),
      409,
      '/problems/stale-draft-hash',
    );
    await expectProblem(
      await send(opened.id, 'reviewer1', { type: 'decision.issue', draftHash: opened.draft.hash }),
      403,
      '/problems/wrong-role',
    );
    expect(await versionOf(opened.id)).toBe(before);
    await send(opened.id, 'handler1', { type: 'draft.revise', draft: licenceDraft({ facts: '修改后的事实。' }) });
    await expectProblem(
      await send(opened.id, 'head1', { type: 'decision.issue', draftHash: opened.draft.hash }),
      422,
      '/problems/event-not-allowed',
    );
  });
});

describe('after the decision', () => {
  it('shows publication past 7 working days as overdue, refuses a second service, filing a minor case and closing early', async () => {
    const opened = await open(licenceDraft({}, false), '2026-01-05');
    await send(opened.id, 'handler1', { type: 'notice.serve', servedOn: '2026-01-05' });
    await send(opened.id, 'handler1', { ...statement, receivedOn: '2026-01-06' });
    await send(opened.id, 'handler1', { type: 'hearing.close' });
    const decided = await (
      await send(opened.id, 'head1', { type: 'decision.issue', draftHash: opened.draft.hash, decidedOn: '2026-01-07' })
    ).json();
    expect(decided.clocks.find((c: { kind: string }) => c.kind === 'licencePublication')).toMatchObject({
      dueOn: '2026-01-16',
      overdue: true,
    });
    expect(decided.overdue).toBe(true);
    await expectProblem(await send(opened.id, 'clerk1', { type: 'case.close' }), 422, '/problems/event-not-allowed');
    await expectProblem(await send(opened.id, 'clerk1', { type: 'filing.submit' }), 422, '/problems/event-not-allowed');
    await expectProblem(
      await send(opened.id, 'clerk1', { type: 'service.record', method: '送达', servedOn: '2026-01-06' }),
      422,
      '/problems/legal-date-invalid',
    );
    expect((await send(opened.id, 'clerk1', { type: 'service.record', method: '直接送达' })).status).toBe(200);
    await expectProblem(
      await send(opened.id, 'clerk1', { type: 'service.record', method: '再次送达' }),
      422,
      '/problems/event-not-allowed',
    );
    await expectProblem(await send(opened.id, 'handler1', { type: 'publication.record', channel: '网站' }), 403, '/problems/wrong-role');
  });

  it('refuses an unknown case and a case of another kind on this API (404)', async () => {
    await expectProblem(await t.call('GET', '/api/v1/licence-cases/nope', 'head1'), 404, '/problems/case-not-found');
  });
});
