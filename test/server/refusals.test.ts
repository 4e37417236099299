// Every refusal of the case API, with its status and problem type, and proof that a refused request
// leaves the case (state, version, snapshot) exactly as it was.
import { reviewItems } from '../../machines/case/case.events.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, discussionBody, sampleDraft, type DemoUserName, type TestApp } from '../helpers/test-app.js';
import { decisionServe, filingSubmit, noticeSend } from '../helpers/party-commands.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

type Json = Record<string, any>;
async function open(user: DemoUserName = 'handler1', draft = sampleDraft()): Promise<Json> {
  const res = await t.call('POST', '/api/v1/cases', user, draft);
  expect(res.status).toBe(201);
  return res.json();
}
async function ok(id: string, user: DemoUserName, body: Json): Promise<Json> {
  const res = await t.call('POST', `/api/v1/cases/${id}/events`, user, body);
  const json = await res.json();
  expect(res.status, JSON.stringify(json)).toBe(200);
  return json;
}
/** A case submitted for review and assigned to reviewer1. */
async function inReview(): Promise<Json> {
  const c = await open();
  await ok(c.id, 'handler1', noticeSend());
  await ok(c.id, 'handler1', { type: 'rights.waive' });
  await ok(c.id, 'handler1', { type: 'review.submit', attestation: true });
  return ok(c.id, 'reviewer1', { type: 'review.assign', reviewerId: t.users.reviewer1.id });
}
async function rowOf(id: string) {
  const rs = await t.services.database.client.execute({ sql: 'SELECT version, snapshot, status FROM cases WHERE id = ?', args: [id] });
  return rs.rows[0];
}

/** Sends a request that must be refused with `status` and `code`, and checks nothing changed. */
async function refused(
  id: string,
  user: DemoUserName | null,
  body: unknown,
  status: number,
  code: string,
  headers: Record<string, string> = {},
) {
  const before = await rowOf(id);
  const res = await t.call('POST', `/api/v1/cases/${id}/events`, user, body, headers);
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const problem = await res.json();
  expect(problem.type).toBe(`/problems/${code}`);
  expect(problem.status).toBe(status);
  expect(await rowOf(id)).toEqual(before);
  return problem;
}

describe('authentication and input', () => {
  it('answers 401 without a token, with a bad token, and for a wrong password', async () => {
    const c = await open();
    await refused(c.id, null, noticeSend(), 401, 'unauthorized');
    const bad = await t.app.request(`/api/v1/cases/${c.id}`, { headers: { Authorization: 'Bearer nope' } });
    expect(bad.status).toBe(401);
    const login = await t.call('POST', '/api/v1/auth/token', null, { username: 'handler1', password: 'wrong' });
    expect(login.status).toBe(401);
    expect((await login.json()).type).toBe('/problems/bad-credentials');
  });

  it('issues a token for the demo password', async () => {
    const res = await t.call('POST', '/api/v1/auth/token', null, { username: 'reviewer1', password: 'demo-password' });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.user).toMatchObject({ username: 'reviewer1', roles: ['reviewer'] });
    expect((await t.app.request('/api/v1/cases', { headers: { Authorization: `Bearer ${body.token}` } })).status).toBe(200);
  });

  it('answers 400 for malformed bodies, unknown events and bad headers before looking at the case', async () => {
    const c = await open();
    await refused(c.id, 'handler1', { type: 'no.such.event' }, 400, 'malformed-request');
    await refused(c.id, 'handler1', { type: 'review.submit', attestation: false }, 400, 'malformed-request');
    await refused(
      c.id,
      'reviewer1',
      { type: 'review.approve', draftHash: 'abc', opinion: 'x', items: reviewItems() },
      400,
      'malformed-request',
    );
    await refused(c.id, 'handler1', noticeSend(), 400, 'malformed-request', { 'If-Match': 'soon' });
    const notJson = await t.app.request(`/api/v1/cases/${c.id}/events`, {
      method: 'POST',
      body: '{',
      headers: { Authorization: `Bearer ${t.tokens.handler1}`, 'Content-Type': 'application/json' },
    });
    expect(notJson.status).toBe(400);
    // Without a Content-Type the body is not JSON at all: 415 (it was parsed as JSON anyway before).
    const untyped = await t.app.request(`/api/v1/cases/${c.id}/events`, {
      method: 'POST',
      body: '{',
      headers: { Authorization: `Bearer ${t.tokens.handler1}` },
    });
    expect([untyped.status, (await untyped.json()).type]).toEqual([415, '/problems/unsupported-media-type']);
    const missing = await t.call('POST', '/api/v1/cases/nope/events', 'handler1', { type: 'bogus' });
    expect(missing.status).toBe(400);
  });

  it('answers 400 when review.assign names nobody, and 403 when a non-handler opens a case', async () => {
    const c = await inReview();
    await refused(c.id, 'head1', { type: 'review.assign', reviewerId: 'no-such-user' }, 400, 'unknown-reviewer');
    const res = await t.call('POST', '/api/v1/cases', 'reviewer1', sampleDraft());
    expect(res.status).toBe(403);
    expect((await res.json()).type).toBe('/problems/wrong-role');
  });

  it('opens a case once for a repeated Idempotency-Key', async () => {
    const headers = { 'Idempotency-Key': 'open-1' };
    const first = await (await t.call('POST', '/api/v1/cases', 'handler2', sampleDraft({ title: '幂等立案' }), headers)).json();
    const second = await (await t.call('POST', '/api/v1/cases', 'handler2', sampleDraft({ title: '幂等立案' }), headers)).json();
    expect(second.id).toBe(first.id);
    const rs = await t.services.database.client.execute({ sql: "SELECT count(*) AS n FROM cases WHERE title = '幂等立案'", args: [] });
    expect(Number(rs.rows[0]!.n)).toBe(1);
  });

  it('answers 404 for an unknown case, even for a role that may never send the event', async () => {
    const res = await t.call('POST', '/api/v1/cases/does-not-exist/events', 'clerk1', noticeSend());
    expect(res.status).toBe(404);
    expect((await res.json()).type).toBe('/problems/case-not-found');
  });
});

describe('separation of duties (403)', () => {
  it('refuses a role that may never send the event before the state check', async () => {
    const c = await open();
    await refused(c.id, 'clerk1', { type: 'decision.issue', draftHash: c.draft.hash }, 403, 'wrong-role');
    // A reviewer sees a case once it is sent for review (before, it is out of reach: 404).
    const sent = await inReview();
    await refused(sent.id, 'reviewer1', noticeSend(), 403, 'wrong-role');
  });

  it('refuses another handler acting on a case that is not theirs', async () => {
    const c = await open();
    await refused(c.id, 'handler2', noticeSend(), 403, 'not-handler');
  });

  it('refuses a handler without a valid enforcement certificate (执法证)', async () => {
    const expired = await t.services.users.create({
      username: 'expired-handler',
      password: 'pw-123456',
      roles: ['handler'],
      certificateNo: 'X',
      certificateValidUntil: '2020-01-01',
    });
    const token = await t.services.users.issueToken(expired.id);
    const res = await t.app.request('/api/v1/cases', {
      method: 'POST',
      body: JSON.stringify(sampleDraft()),
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(403);
    expect((await res.json()).type).toBe('/problems/no-certificate');
  });

  it('refuses self-review: a user who is both handler and reviewer cannot review their own case', async () => {
    const both = await t.services.users.create({
      username: 'dual',
      password: 'pw-123456',
      roles: ['handler', 'reviewer'],
      unitId: t.users.handler1.unitId,
      certificateNo: 'C',
      certificateValidUntil: '2099-01-01',
      qualificationNo: 'Q',
      qualificationValidUntil: '2099-01-01',
    });
    const token = await t.services.users.issueToken(both.id);
    const req = (path: string, body: unknown) =>
      t.app.request(path, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      });
    const c = await (await req('/api/v1/cases', sampleDraft())).json();
    for (const body of [noticeSend(), { type: 'rights.waive' }]) expect((await req(`/api/v1/cases/${c.id}/events`, body)).status).toBe(200);
    expect((await req(`/api/v1/cases/${c.id}/events`, { type: 'review.submit', attestation: true })).status).toBe(200);
    const before = await rowOf(c.id);
    const claim = await req(`/api/v1/cases/${c.id}/events`, { type: 'review.assign', reviewerId: both.id });
    expect(claim.status).toBe(403);
    expect((await claim.json()).type).toBe('/problems/self-review');
    const assignByHead = await t.call('POST', `/api/v1/cases/${c.id}/events`, 'head1', { type: 'review.assign', reviewerId: both.id });
    expect(assignByHead.status).toBe(403);
    expect(await rowOf(c.id)).toEqual(before);
  });

  it('refuses a reviewer without a legal qualification (法律职业资格)', async () => {
    const c = await inReview();
    const unqualified = await t.services.users.create({ username: 'unqualified', password: 'pw-123456', roles: ['reviewer'] });
    const res = await t.call('POST', `/api/v1/cases/${c.id}/events`, 'head1', { type: 'review.assign', reviewerId: unqualified.id });
    expect(res.status).toBe(403);
    expect((await res.json()).type).toBe('/problems/no-qualification');
  });

  it('refuses a reviewer claiming for someone else, and one not assigned to the case', async () => {
    const c = await inReview();
    await refused(
      c.id,
      'reviewer2',
      { type: 'review.approve', draftHash: c.draft.hash, opinion: '同意', items: reviewItems() },
      403,
      'not-assigned-reviewer',
    );
    const fresh = await open();
    await ok(fresh.id, 'handler1', noticeSend());
    await ok(fresh.id, 'handler1', { type: 'rights.waive' });
    await ok(fresh.id, 'handler1', { type: 'review.submit', attestation: true });
    await refused(fresh.id, 'reviewer1', { type: 'review.assign', reviewerId: t.users.reviewer2.id }, 403, 'self-assignment-only');
  });

  it('refuses every action by a user who declared a conflict (回避), and frees the case for another reviewer', async () => {
    const c = await inReview();
    const declared = await ok(c.id, 'reviewer1', { type: 'conflict.declare', reason: '与当事人有亲属关系' });
    expect(declared.stateValue).toEqual({ inReview: 'unassigned' });
    expect(declared.reviewerId).toBeNull();
    await refused(c.id, 'reviewer1', { type: 'review.assign', reviewerId: t.users.reviewer1.id }, 403, 'recused');
    await refused(c.id, 'head1', { type: 'review.assign', reviewerId: t.users.reviewer1.id }, 403, 'recused');
    const reassigned = await ok(c.id, 'reviewer2', { type: 'review.assign', reviewerId: t.users.reviewer2.id });
    expect(reassigned.reviewerId).toBe(t.users.reviewer2.id);
  });
});

describe('withdrawal and late recusal', () => {
  it('refuses 撤销立案 by a handler who is not the case handler', async () => {
    const c = await open();
    await refused(c.id, 'handler2', { type: 'case.withdraw', reason: '不予立案' }, 403, 'not-handler');
    expect((await ok(c.id, 'head1', { type: 'case.withdraw', reason: '不予立案' })).state).toBe('withdrawn');
  });

  it('voids an approval when the approving reviewer later declares 回避, so the case is reviewed again', async () => {
    const c = await inReview();
    await ok(c.id, 'reviewer1', { type: 'review.approve', draftHash: c.draft.hash, opinion: '同意', items: reviewItems() });
    const recused = await ok(c.id, 'reviewer1', { type: 'conflict.declare', reason: '发现与当事人存在利害关系' });
    expect(recused.stateValue).toEqual({ inReview: 'unassigned' });
    expect(recused.review).toBeNull();
    await refused(c.id, 'head1', { type: 'decision.issue', draftHash: c.draft.hash }, 422, 'event-not-allowed');
  });
});

describe('state and version (422, 409)', () => {
  it('refuses a decision before review on a major case with 422 and lists the allowed events', async () => {
    const c = await open();
    await ok(c.id, 'handler1', noticeSend());
    await ok(c.id, 'handler1', { type: 'rights.waive' });
    const problem = await refused(c.id, 'head1', { type: 'decision.issue', draftHash: c.draft.hash }, 422, 'event-not-allowed');
    expect(problem.allowedEvents).toEqual(['recusal.apply', 'conflict.declare', 'decision.extend', 'case.withdraw', 'clue.transfer']);
  });

  it('refuses service, publication and filing before a decision', async () => {
    const c = await open();
    for (const body of [decisionServe(), { type: 'publication.publish' }, filingSubmit(), { type: 'case.close' }]) {
      await refused(c.id, 'clerk1', body, 422, 'event-not-allowed');
    }
  });

  it('refuses approval of a stale or forged draft hash with 409', async () => {
    const c = await inReview();
    await refused(
      c.id,
      'reviewer1',
      { type: 'review.approve', draftHash: 'f'.repeat(64), opinion: '同意', items: reviewItems() },
      409,
      'stale-draft-hash',
    );
  });

  it('voids an approval when the draft changes, and refuses a decision on the old hash', async () => {
    const c = await inReview();
    await ok(c.id, 'reviewer1', { type: 'review.approve', draftHash: c.draft.hash, opinion: '同意', items: reviewItems() });
    const revised = await t.call('PUT', `/api/v1/cases/${c.id}/draft`, 'handler1', sampleDraft({ facts: '改写后的事实' }));
    expect(revised.status).toBe(200);
    const v2 = await revised.json();
    expect(v2.state).toBe('ready');
    expect(v2.review).toBeNull();
    await refused(c.id, 'head1', { type: 'decision.issue', draftHash: c.draft.hash }, 422, 'event-not-allowed');
    await refused(c.id, 'head1', { type: 'decision.issue', draftHash: v2.draft.hash }, 422, 'event-not-allowed');
  });

  it('refuses a decision whose hash is not the approved one with 409 once review passed', async () => {
    const c = await inReview();
    await ok(c.id, 'reviewer1', { type: 'review.approve', draftHash: c.draft.hash, opinion: '同意', items: reviewItems() });
    await ok(c.id, 'head1', discussionBody(t, '同意'));
    await refused(c.id, 'head1', { type: 'decision.issue', draftHash: '0'.repeat(64) }, 409, 'stale-draft-hash');
  });

  it('refuses a stale If-Match with 409 and accepts the current version', async () => {
    const c = await open();
    const problem = await refused(c.id, 'handler1', noticeSend(), 409, 'version-mismatch', {
      'If-Match': String(c.version + 5),
    });
    expect(problem.currentVersion).toBe(c.version);
    const res = await t.call('POST', `/api/v1/cases/${c.id}/events`, 'handler1', noticeSend(), { 'If-Match': String(c.version) });
    expect(res.status).toBe(200);
    expect((await res.json()).version).toBe(c.version + 1);
  });

  it('keeps a case major when the handler trims the draft below the thresholds', async () => {
    const c = await open();
    expect(c.major.isMajor).toBe(true);
    const res = await t.call(
      'PUT',
      `/api/v1/cases/${c.id}/draft`,
      'handler1',
      sampleDraft({ proposed: { kind: 'fine', amountYuan: 100 } }),
    );
    const v2 = await res.json();
    expect(v2.major.isMajor).toBe(true);
    expect(v2.major.reasons).toEqual(['fine_over_threshold']);
  });

  it('refuses a draft edit while the case is in review (422)', async () => {
    const c = await inReview();
    const before = await rowOf(c.id);
    const res = await t.call('PUT', `/api/v1/cases/${c.id}/draft`, 'handler1', sampleDraft({ facts: '偷改' }));
    expect(res.status).toBe(422);
    expect(await rowOf(c.id)).toEqual(before);
  });
});

describe('the record of refusals and idempotency', () => {
  it('records who tried what and why, without moving the case', async () => {
    const c = await open();
    await refused(c.id, 'handler2', noticeSend(), 403, 'not-handler');
    const res = await t.call('GET', `/api/v1/cases/${c.id}/events?include=refused`, 'auditor1');
    const items = (await res.json()).items as Json[];
    const refusal = items.find((e) => !e.accepted)!;
    expect(refusal).toMatchObject({
      type: 'notice.send',
      actorId: t.users.handler2.id,
      seq: null,
      refusal: { kind: 'forbidden', code: 'not_handler' },
    });
    const accepted = await (await t.call('GET', `/api/v1/cases/${c.id}/events`, 'auditor1')).json();
    expect(accepted.items.every((e: Json) => e.accepted)).toBe(true);
  });

  it('answers a repeated Idempotency-Key with the first answer and changes nothing', async () => {
    const c = await open();
    const headers = { 'Idempotency-Key': 'k-1' };
    const first = await t.call('POST', `/api/v1/cases/${c.id}/events`, 'handler1', noticeSend(), headers);
    const second = await t.call('POST', `/api/v1/cases/${c.id}/events`, 'handler1', noticeSend(), headers);
    expect(second.status).toBe(first.status);
    expect(await second.json()).toEqual(await first.json());
    expect(Number((await rowOf(c.id))!.version)).toBe(c.version + 1);
    const refusedFirst = await t.call('POST', `/api/v1/cases/${c.id}/events`, 'handler1', decisionServe(), { 'Idempotency-Key': 'k-2' });
    const refusedAgain = await t.call('POST', `/api/v1/cases/${c.id}/events`, 'handler1', decisionServe(), { 'Idempotency-Key': 'k-2' });
    expect(refusedAgain.status).toBe(refusedFirst.status);
    expect(await refusedAgain.json()).toEqual(await refusedFirst.json());
  });
});
