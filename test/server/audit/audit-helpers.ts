// Shared steps of the audit tests: a major case taken through a hearing, a return for correction, a
// re-submission, approval, collective discussion and the decision, all through the HTTP API.
import { expect } from 'vitest';
import { discussionBody, sampleDraft, type DemoUserName, type TestApp } from '../../helpers/test-app.js';
import { reviewItems } from '../../../machines/case/case.events.js';
import { decisionServe, noticeSend, onClockOf, pastHearing } from '../../helpers/party-commands.js';
import { hearingRecord } from '../evidence/evidence-helpers.js';

/** Posts one case event and expects it accepted; returns the case view. */
export async function send(t: TestApp, id: string, user: DemoUserName, body: Record<string, unknown>, token?: string) {
  const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  const res = await t.call('POST', `/api/v1/cases/${id}/events`, token ? null : user, body, headers);
  const json = await res.json();
  expect(res.status, JSON.stringify(json)).toBe(200);
  return json;
}

/** One member of a collective discussion as the API takes it. */
export type Member = { userId: string; vote: 'agree' | 'disagree' | 'abstain'; opinion: string };

/** A further head (负责人) with `displayName`, e.g. a hostile one for escaping tests; answers their id. */
export async function extraHead(t: TestApp, username: string, displayName: string): Promise<string> {
  const user = await t.services.users.create({ username, displayName, password: 'pw-123456', roles: ['head'] });
  return user.id;
}

export interface DecidedCase {
  id: string;
  v1: string;
  v2: string;
}

/**
 * A license revocation (major, discussion required): notice, hearing, submit, returned for missing
 * evidence, revised, re-submitted, approved, discussed and decided by `head` (a demo head or a token).
 */
export async function runReturnedHeardDiscussedCase(
  t: TestApp,
  opts: { headToken?: string; members?: Member[]; publish?: boolean } = {},
): Promise<DecidedCase> {
  // Dated on the app's clock: 立案 70 days back, the notice received 50 days back, the hearing 20 days back.
  const ago = onClockOf(t);
  const draft = { ...sampleDraft({ proposed: { kind: 'license_revocation' } }), openedOn: ago(70) };
  const created = await t.call('POST', '/api/v1/cases', 'handler1', draft);
  expect(created.status).toBe(201);
  const c = await created.json();
  await send(t, c.id, 'handler1', noticeSend(ago(50)));
  await send(t, c.id, 'handler1', { type: 'hearing.request' });
  const hearing = pastHearing(t.users.reviewer2.id, t.users.clerk1.id, ago);
  await send(t, c.id, 'head1', hearing.schedule, opts.headToken);
  const records = [await hearingRecord(t, c.id)];
  await send(t, c.id, 'handler1', { ...hearing.hold, transcript: '听证笔录：当事人对超限事实无异议。', records });
  await send(t, c.id, 'handler1', { type: 'review.submit', attestation: true });
  await send(t, c.id, 'reviewer1', { type: 'review.assign', reviewerId: t.users.reviewer1.id });
  await send(t, c.id, 'reviewer1', {
    type: 'review.return',
    opinion: '证据不充分，请补充询问笔录',
    items: reviewItems({ factsEvidence: '缺询问笔录' }),
  });
  const revised = await t.call(
    'PUT',
    `/api/v1/cases/${c.id}/draft`,
    'handler1',
    sampleDraft({
      proposed: { kind: 'license_revocation' },
      evidence: [
        { kind: '询问笔录', description: '补充询问驾驶员' },
        { kind: '现场检测记录', description: '称重检测单' },
      ],
    }),
  );
  expect(revised.status).toBe(200);
  const v2 = (await revised.json()).draft.hash as string;
  await send(t, c.id, 'handler1', { type: 'review.submit', attestation: true });
  await send(t, c.id, 'reviewer1', {
    type: 'review.approve',
    draftHash: v2,
    opinion: '同意。事实清楚，证据确凿。',
    items: reviewItems(),
  });
  const body = discussionBody(t, '同意吊销');
  await send(t, c.id, 'head1', { ...body, members: opts.members ?? body.members }, opts.headToken);
  await send(t, c.id, 'head1', { type: 'decision.issue', draftHash: v2 }, opts.headToken);
  if (opts.publish) {
    await send(t, c.id, 'clerk1', decisionServe(ago(0)));
    await send(t, c.id, 'clerk1', { type: 'publication.publish' });
  }
  return { id: c.id, v1: c.draft.hash, v2 };
}

/** GETs JSON as `user` and expects `status`. */
export async function getJson(t: TestApp, path: string, user: DemoUserName, status = 200) {
  const res = await t.call('GET', path, user);
  const json = await res.json();
  expect(res.status, JSON.stringify(json)).toBe(status);
  return json;
}
