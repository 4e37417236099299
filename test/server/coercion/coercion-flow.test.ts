// A 查封、扣押 case through the real stack: opened, submitted, reviewed on the seven coercion items, approved,
// decided on the approved draft, its period running and extended once, concluded and filed, then closed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { verifyDatabase } from '../../../server/audit/verify.js';
import { approve, coercionDraft, giveBack } from './coercion-fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const send = (id: string, user: Parameters<TestApp['call']>[2], body: unknown) =>
  t.call('POST', `/api/v1/coercion-cases/${id}/events`, user, body);

async function open(valueYuan = 150_000) {
  const res = await t.call('POST', '/api/v1/coercion-cases', 'handler1', coercionDraft(t, {}, valueYuan));
  expect(res.status).toBe(201);
  return res.json();
}

/** Opens a major case and brings it to `awaitingDecision` with an approval of its draft. */
async function approved() {
  const opened = await open();
  expect((await send(opened.id, 'handler1', { type: 'review.submit', attestation: true })).status).toBe(200);
  expect((await send(opened.id, 'reviewer1', { type: 'review.assign', reviewerId: t.users.reviewer1.id })).status).toBe(200);
  const res = await send(opened.id, 'reviewer1', approve(opened.draft.hash));
  expect(res.status).toBe(200);
  return res.json();
}

describe('a major 查封扣押 case from opening to filing', () => {
  it('opens under the coercion machine, major by the catalog, in drafting', async () => {
    const opened = await open();
    expect(opened).toMatchObject({ kind: 'coercion', machine: { kind: 'coercion', version: 1 }, state: 'drafting' });
    expect(opened.major).toEqual({ isMajor: true, reasons: ['value_over_threshold'] });
    expect(opened.allowedEvents).toEqual(['draft.revise', 'review.submit', 'case.withdraw']);
    const row = await t.services.store.get(opened.id);
    expect(row).toMatchObject({ machineId: 'coercion', machineVersion: 1, isMajor: true });
  });

  it('runs review, decision, extension, conclusion, filing and close through the API', async () => {
    const review = await approved();
    expect(review.state).toBe('awaitingDecision');
    expect(review.review).toMatchObject({ outcome: 'approved', draftHash: review.draft.hash, failed: [] });
    const decided = await send(review.id, 'head1', { type: 'decision.issue', draftHash: review.draft.hash });
    expect(decided.status).toBe(200);
    const inForce = await decided.json();
    expect(inForce.state).toBe('inForce');
    expect(inForce.clocks.map((c: { kind: string }) => c.kind)).toEqual(['coercionPeriod', 'coercionFiling']);
    const period = inForce.clocks[0];
    const days = (Date.parse(period.dueOn) - Date.parse(period.startsOn)) / 86_400_000;
    expect(days).toBe(30);
    expect(inForce.overdue).toBe(false);

    const extended = await (
      await send(review.id, 'head1', { type: 'measure.extend', days: 30, reason: '需要技术鉴定，情况复杂。' })
    ).json();
    expect(extended.period.extension).toMatchObject({ days: 30, by: t.users.head1.id });
    expect((Date.parse(extended.clocks[0].dueOn) - Date.parse(period.dueOn)) / 86_400_000).toBe(30);
    expect(extended.allowedEvents).not.toContain('measure.extend');

    const filed = await (await send(review.id, 'clerk1', { type: 'filing.submit' })).json();
    expect(filed.duties.filedOn).not.toBeNull();
    const concluded = await (
      await send(review.id, 'head1', { type: 'measure.conclude', result: 'released', reason: '违法行为已查清，解除扣押。' })
    ).json();
    expect(concluded).toMatchObject({ state: 'concluded', conclusion: { result: 'released', withinPeriod: true } });
    const closed = await (await send(review.id, 'clerk1', { type: 'case.close' })).json();
    expect(closed.state).toBe('closed');

    const decisions = await t.services.database.client.execute({
      sql: 'SELECT outcome, is_major, draft_hash FROM decisions WHERE case_id = ?',
      args: [review.id],
    });
    expect(decisions.rows.map((r) => ({ ...r }))).toEqual([{ outcome: 'coercion_seize', is_major: 1, draft_hash: review.draft.hash }]);
  });

  it('reads its record through /cases/{id}/events and 404s it on the penalty API', async () => {
    const review = await approved();
    const record = await (await t.call('GET', `/api/v1/cases/${review.id}/events`, 'head1')).json();
    expect(record.items.map((e: { type: string }) => e.type)).toEqual(['case.open', 'review.submit', 'review.assign', 'review.approve']);
    expect((await t.call('GET', `/api/v1/cases/${review.id}`, 'head1')).status).toBe(404);
  });

  it('loops a return back to the handler, who corrects the draft and submits again', async () => {
    const opened = await open();
    await send(opened.id, 'handler1', { type: 'review.submit', attestation: true });
    await send(opened.id, 'reviewer1', { type: 'review.assign', reviewerId: t.users.reviewer1.id });
    const returned = await (await send(opened.id, 'reviewer1', giveBack())).json();
    expect(returned).toMatchObject({ state: 'correcting', review: { outcome: 'returned', failed: ['proportionality'] } });
    const revised = await t.call('POST', `/api/v1/coercion-cases/${opened.id}/events`, 'handler1', {
      type: 'draft.revise',
      draft: coercionDraft(t, { periodDays: 15 }),
    });
    const body = await revised.json();
    expect(body.draft.version).toBe(2);
    expect(body.review).toBeNull();
    const again = await (await send(opened.id, 'handler1', { type: 'review.submit', attestation: true })).json();
    expect(again.state).toBe('inReview');
    expect(again.reviewerId).toBe(t.users.reviewer1.id);
  });

  it('decides a minor measure without review, files nothing, and closes once concluded', async () => {
    const opened = await open(2_000);
    expect(opened.major.isMajor).toBe(false);
    expect(opened.duties.filingRequired).toBe(false);
    const decided = await (await send(opened.id, 'head1', { type: 'decision.issue', draftHash: opened.draft.hash })).json();
    expect(decided.clocks.map((c: { kind: string }) => c.kind)).toEqual(['coercionPeriod']);
    await send(opened.id, 'head1', { type: 'measure.conclude', result: 'released', reason: '解除。' });
    expect((await send(opened.id, 'head1', { type: 'case.close' })).status).toBe(200);
  });

  it('passes audit:verify: chain and projections of every coercion case rebuild from the record', async () => {
    await t.services.writer.drain();
    const report = await verifyDatabase(t.services.database);
    expect(report.projections?.issues).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.projections?.checked).toBeGreaterThanOrEqual(5);
  });
});
