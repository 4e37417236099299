// 回避 of a reviewer before the case is sent for review (docs/access.md, "Reviewers and 回避 before review"):
// the case is out of the reviewer's reach until it is submitted, so their own declaration is 404 and records
// nothing; before submission the handler records the party's application and the head decides it; once the
// case is in review the reviewer declares 回避 themself and is kept off it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sampleDraft, type TestApp } from '../../helpers/test-app.js';
import { footprint, sendOk } from '../desk/desk-fixtures.js';
import { noticeSend, onClockOf } from '../../helpers/party-commands.js';

let t: TestApp;

const open = async (): Promise<string> => {
  const res = await t.call('POST', '/api/v1/cases', 'handler1', sampleDraft());
  expect(res.status).toBe(201);
  return (await res.json()).id;
};
const declare = (id: string) =>
  t.call('POST', `/api/v1/cases/${id}/events`, 'reviewer1', { type: 'conflict.declare', reason: '与当事人有亲属关系' });

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('a reviewer’s 回避 before review', () => {
  it('answers the reviewer’s own declaration on a case not yet sent for review 404, recording nothing', async () => {
    const id = await open();
    const before = await footprint(t, id);
    const refusedBefore = (await t.services.store.events(id, true)).length;
    const res = await declare(id);
    expect(res.status).toBe(404);
    expect((await res.json()).type).toBe('/problems/case-not-found');
    expect(await footprint(t, id)).toEqual(before);
    expect((await t.services.store.events(id, true)).length).toBe(refusedBefore);
  });

  it('lets the handler record the application against the reviewer before submission and the head grant it', async () => {
    const id = await open();
    const today = onClockOf(t)(0);
    await sendOk(t, id, 'handler1', {
      type: 'recusal.apply',
      againstId: t.users.reviewer1.id,
      reason: '审核人员系当事人亲属',
      appliedOn: today,
    });
    await sendOk(t, id, 'head1', { type: 'recusal.decide', applicationNo: 1, granted: true, reason: '申请理由成立' });
    await sendOk(t, id, 'handler1', noticeSend(today));
    await sendOk(t, id, 'handler1', { type: 'rights.waive' });
    await sendOk(t, id, 'handler1', { type: 'review.submit', attestation: true });
    const claim = await t.call('POST', `/api/v1/cases/${id}/events`, 'reviewer1', {
      type: 'review.assign',
      reviewerId: t.users.reviewer1.id,
    });
    expect(claim.status).toBe(403);
    expect((await claim.json()).type).toBe('/problems/recused');
  });

  it('lets the reviewer declare 回避 themself once the case is in review', async () => {
    const id = await open();
    await sendOk(t, id, 'handler1', noticeSend(onClockOf(t)(0)));
    await sendOk(t, id, 'handler1', { type: 'rights.waive' });
    await sendOk(t, id, 'handler1', { type: 'review.submit', attestation: true });
    const res = await declare(id);
    expect(res.status).toBe(200);
    expect((await res.json()).recusals).toContain(t.users.reviewer1.id);
  });
});
