// Every refusal of a 查封、扣押 case through the real stack, with its status and problem type; a refused request
// changes nothing (the case version stays) and is itself on the record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type DemoUserName, type TestApp } from '../../helpers/test-app.js';
import { coercionReviewItems } from '../../../machines/coercion/coercion.events.js';
import { approve, coercionDraft } from './coercion-fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const send = (id: string, user: DemoUserName, body: unknown) => t.call('POST', `/api/v1/coercion-cases/${id}/events`, user, body);

async function expectProblem(res: Response, status: number, type: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect((await res.json()).type).toBe(type);
}

async function open(over = {}, openedOn?: string) {
  const res = await t.call('POST', '/api/v1/coercion-cases', 'handler1', { ...coercionDraft(t, over), ...(openedOn ? { openedOn } : {}) });
  return res.json();
}

async function inReview() {
  const opened = await open();
  await send(opened.id, 'handler1', { type: 'review.submit', attestation: true });
  await send(opened.id, 'reviewer1', { type: 'review.assign', reviewerId: t.users.reviewer1.id });
  return opened;
}

const versionOf = async (id: string) => (await (await t.call('GET', `/api/v1/coercion-cases/${id}`, 'head1')).json()).version;

describe('opening refusals', () => {
  it('refuses a reviewer opening a case (403 wrong-role)', async () => {
    await expectProblem(await t.call('POST', '/api/v1/coercion-cases', 'reviewer1', coercionDraft(t)), 403, '/problems/wrong-role');
  });

  it('refuses a living necessity (art 23) and a single officer (art 18) with 422, and a longer period than 30 days with 400', async () => {
    const necessity = coercionDraft(t, {
      objects: [{ name: '口粮', kind: 'goods', quantity: '10斤', valueYuan: 50, livingNecessity: true }],
    });
    await expectProblem(await t.call('POST', '/api/v1/coercion-cases', 'handler1', necessity), 422, '/problems/coercion-object-excluded');
    const alone = coercionDraft(t, { officers: [t.users.handler1.id, t.users.handler1.id] });
    await expectProblem(await t.call('POST', '/api/v1/coercion-cases', 'handler1', alone), 422, '/problems/coercion-officers-too-few');
    await expectProblem(
      await t.call('POST', '/api/v1/coercion-cases', 'handler1', coercionDraft(t, { periodDays: 31 })),
      400,
      '/problems/malformed-request',
    );
  });
});

describe('review refusals', () => {
  it('refuses the handler reviewing their own case (403 self-review) and a wrong role (403 wrong-role)', async () => {
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

  it('refuses an approval with a failed item (422 review-outcome-inconsistent) and one of a stale hash (409)', async () => {
    const opened = await inReview();
    const failed = { ...approve(opened.draft.hash), items: coercionReviewItems({ period: '期限超过三十日' }) };
    await expectProblem(await send(opened.id, 'reviewer1', failed), 422, '/problems/review-outcome-inconsistent');
    await expectProblem(await send(opened.id, 'reviewer1', approve('a'.repeat(64))), 409, '/problems/stale-draft-hash');
  });
});

describe('decision refusals', () => {
  it('refuses deciding a major case that was never approved (422 event-not-allowed), with nothing recorded but the refusal', async () => {
    const opened = await open();
    const res = await send(opened.id, 'head1', { type: 'decision.issue', draftHash: opened.draft.hash });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.type).toBe('/problems/event-not-allowed');
    expect(body.allowedEvents).toEqual(['case.withdraw']);
    const decisions = await t.services.database.client.execute({
      sql: 'SELECT count(*) AS n FROM decisions WHERE case_id = ?',
      args: [opened.id],
    });
    expect(Number(decisions.rows[0]!.n)).toBe(0);
    const record = await (await t.call('GET', `/api/v1/cases/${opened.id}/events?include=refused`, 'head1')).json();
    expect(record.items.at(-1)).toMatchObject({ type: 'decision.issue', accepted: false, refusal: { code: 'event_not_allowed' } });
  });

  it('refuses the decision on a stale hash (409), by the reviewer (403), and after the approved draft was revised (422)', async () => {
    const opened = await inReview();
    await send(opened.id, 'reviewer1', approve(opened.draft.hash));
    await expectProblem(
      await send(opened.id, 'head1', { type: 'decision.issue', draftHash: 'b'.repeat(64) }),
      409,
      '/problems/stale-draft-hash',
    );
    await expectProblem(
      await send(opened.id, 'handler1', { type: 'decision.issue', draftHash: opened.draft.hash }),
      403,
      '/problems/wrong-role',
    );
    await send(opened.id, 'handler1', { type: 'draft.revise', draft: coercionDraft(t, { periodDays: 20 }) });
    await expectProblem(
      await send(opened.id, 'head1', { type: 'decision.issue', draftHash: opened.draft.hash }),
      422,
      '/problems/event-not-allowed',
    );
  });

  it('refuses a decision date in the future (422 legal-date-invalid)', async () => {
    const opened = await open({ objects: [{ name: '货物', kind: 'goods', quantity: '1批', valueYuan: 100, livingNecessity: false }] });
    const res = await send(opened.id, 'head1', { type: 'decision.issue', draftHash: opened.draft.hash, decidedOn: '2099-01-01' });
    await expectProblem(res, 422, '/problems/legal-date-invalid');
  });
});

describe('period refusals', () => {
  async function inForce(implementedOn?: string) {
    const goods = { objects: [{ name: '货物', kind: 'goods', quantity: '1批', valueYuan: 100, livingNecessity: false }] };
    const opened = await open(goods, implementedOn);
    const res = await send(opened.id, 'head1', {
      type: 'decision.issue',
      draftHash: opened.draft.hash,
      ...(implementedOn ? { decidedOn: implementedOn, implementedOn } : {}),
    });
    expect(res.status).toBe(200);
    return res.json();
  }

  it('refuses a second extension (422 event-not-allowed) and an extension of more than 30 days (400)', async () => {
    const c = await inForce();
    await expectProblem(
      await send(c.id, 'head1', { type: 'measure.extend', days: 31, reason: '复杂' }),
      400,
      '/problems/malformed-request',
    );
    expect((await send(c.id, 'head1', { type: 'measure.extend', days: 10, reason: '复杂' })).status).toBe(200);
    await expectProblem(
      await send(c.id, 'head1', { type: 'measure.extend', days: 10, reason: '再延长' }),
      422,
      '/problems/event-not-allowed',
    );
  });

  it('shows an expired period as overdue and refuses extending it (422 coercion-period-expired)', async () => {
    const c = await inForce('2026-01-05');
    expect(c.clocks[0]).toMatchObject({ kind: 'coercionPeriod', dueOn: '2026-02-04', overdue: true });
    expect(c.overdue).toBe(true);
    expect(c.allowedEvents).not.toContain('measure.extend');
    await expectProblem(
      await send(c.id, 'head1', { type: 'measure.extend', days: 10, reason: '复杂' }),
      422,
      '/problems/coercion-period-expired',
    );
    const late = await (await send(c.id, 'head1', { type: 'measure.conclude', result: 'released', reason: '解除' })).json();
    expect(late.conclusion.withinPeriod).toBe(false);
  });

  it('refuses the handler extending their own measure (403 wrong-role) and a clerk filing a minor case (422)', async () => {
    const c = await inForce();
    await expectProblem(await send(c.id, 'handler1', { type: 'measure.extend', days: 10, reason: '复杂' }), 403, '/problems/wrong-role');
    await expectProblem(await send(c.id, 'clerk1', { type: 'filing.submit' }), 422, '/problems/event-not-allowed');
  });

  it('refuses an unknown case and a penalty case on this API (404)', async () => {
    await expectProblem(await t.call('GET', '/api/v1/coercion-cases/nope', 'head1'), 404, '/problems/case-not-found');
  });
});
