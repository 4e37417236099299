// The whole pipeline through HTTP on a real libSQL file: a major case with hearing and collective
// discussion, a major case returned once and re-submitted, and a non-major case decided without review.
import { reviewItems } from '../../machines/case/case.events.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, discussionBody, sampleDraft, type DemoUserName, type TestApp } from '../helpers/test-app.js';
import { daysAgo, decisionServe, filingSubmit, noticeSend, pastHearing } from '../helpers/party-commands.js';
import { hearingRecord } from './evidence/evidence-helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function send(id: string, user: DemoUserName, body: Record<string, unknown>) {
  const res = await t.call('POST', `/api/v1/cases/${id}/events`, user, body);
  const json = await res.json();
  expect(res.status, JSON.stringify(json)).toBe(200);
  return json;
}

describe('full pipeline over HTTP', () => {
  it('runs a major case with hearing and collective discussion from 立案 to 结案', async () => {
    // Entered today from documents dated earlier: 立案 70 days ago, the notice received 50 days ago.
    const draft = { ...sampleDraft({ proposed: { kind: 'license_revocation' } }), openedOn: daysAgo(70) };
    const created = await t.call('POST', '/api/v1/cases', 'handler1', draft);
    expect(created.status).toBe(201);
    const c = await created.json();
    expect(c.major.isMajor).toBe(true);
    expect(c.major.reasons).toContain('license_revocation');
    expect(c.openedOn).toBe(daysAgo(70));
    await send(c.id, 'handler1', noticeSend(daysAgo(50)));
    await send(c.id, 'handler1', { type: 'hearing.request' });
    const hearing = pastHearing(t.users.reviewer2.id, t.users.clerk1.id);
    const scheduled = await send(c.id, 'head1', hearing.schedule);
    expect(scheduled.state).toBe('hearingScheduled');
    const heard = await send(c.id, 'handler1', { ...hearing.hold, records: [await hearingRecord(t, c.id)] });
    expect(heard.major.reasons).toContain('hearing_held');
    await send(c.id, 'handler1', { type: 'review.submit', attestation: true });
    await send(c.id, 'reviewer1', { type: 'review.assign', reviewerId: t.users.reviewer1.id });
    const approved = await send(c.id, 'reviewer1', {
      type: 'review.approve',
      draftHash: c.draft.hash,
      opinion: '同意',
      items: reviewItems(),
    });
    expect(approved.state).toBe('awaitingDecision');
    const head = await (await t.call('GET', `/api/v1/cases/${c.id}`, 'head1')).json();
    expect(head.allowedEvents).toEqual([
      'recusal.apply',
      'conflict.declare',
      'discussion.record',
      'decision.extend',
      'case.withdraw',
      'clue.transfer',
    ]);
    await send(c.id, 'head1', discussionBody(t, '同意吊销'));
    const decided = await send(c.id, 'head1', { type: 'decision.issue', draftHash: c.draft.hash });
    expect(decided.state).toBe('decided');
    expect(decided.decision.outcome).toBe('penalty');
    await send(c.id, 'clerk1', decisionServe());
    await send(c.id, 'clerk1', { type: 'publication.publish' });
    await send(c.id, 'clerk1', filingSubmit());
    const closed = await send(c.id, 'clerk1', { type: 'case.close' });
    expect(closed.state).toBe('closed');
    expect(closed.allowedEvents).toEqual([]);
    const record = await (await t.call('GET', `/api/v1/cases/${c.id}/events`, 'auditor1')).json();
    expect(record.items.map((e: { type: string }) => e.type)).toEqual([
      'case.open',
      'notice.send',
      'hearing.request',
      'hearing.schedule',
      'hearing.hold',
      'review.submit',
      'review.assign',
      'review.approve',
      'discussion.record',
      'decision.issue',
      'decision.serve',
      'publication.publish',
      'filing.submit',
      'case.close',
    ]);
    expect(record.items.map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
  });

  it('returns a major case for correction, then approves and decides the re-submitted draft', async () => {
    const c = await (await t.call('POST', '/api/v1/cases', 'handler1', sampleDraft())).json();
    await send(c.id, 'handler1', noticeSend());
    await send(c.id, 'handler1', { type: 'rights.waive' });
    await send(c.id, 'handler1', { type: 'review.submit', attestation: true });
    await send(c.id, 'reviewer2', { type: 'review.assign', reviewerId: t.users.reviewer2.id });
    const returned = await send(c.id, 'reviewer2', {
      type: 'review.return',
      opinion: '证据不充分，请补充询问笔录',
      items: reviewItems({ factsEvidence: '证据不充分，请补充询问笔录' }),
    });
    expect(returned.state).toBe('correcting');
    const revised = await t.call(
      'PUT',
      `/api/v1/cases/${c.id}/draft`,
      'handler1',
      sampleDraft({
        evidence: [
          { kind: '询问笔录', description: '补充' },
          { kind: '现场检测记录', description: '称重' },
        ],
      }),
    );
    expect(revised.status).toBe(200);
    const v2 = await revised.json();
    expect(v2.draft.version).toBe(2);
    expect(v2.draft.hash).not.toBe(c.draft.hash);
    const resubmitted = await send(c.id, 'handler1', { type: 'review.submit', attestation: true });
    expect(resubmitted.stateValue).toEqual({ inReview: 'assigned' });
    await send(c.id, 'reviewer2', { type: 'review.approve', draftHash: v2.draft.hash, opinion: '同意', items: reviewItems() });
    await send(c.id, 'head1', discussionBody(t, '同意'));
    const decided = await send(c.id, 'head1', { type: 'decision.issue', draftHash: v2.draft.hash });
    expect(decided.decision.draftHash).toBe(v2.draft.hash);
  });

  it('decides a non-major case straight after notice without review, and needs no filing', async () => {
    const c = await (
      await t.call(
        'POST',
        '/api/v1/cases',
        'handler2',
        sampleDraft({ party: { name: '马某', kind: 'person' }, proposed: { kind: 'fine', amountYuan: 500 } }),
      )
    ).json();
    expect(c.major).toEqual({ isMajor: false, reasons: [], discussionRequired: false, discussionReasons: [] });
    await send(c.id, 'handler2', noticeSend());
    await send(c.id, 'handler2', { type: 'rights.waive' });
    const decided = await send(c.id, 'head1', { type: 'decision.issue', draftHash: c.draft.hash });
    expect(decided.stateValue).toEqual({ decided: { service: 'due', publication: 'due', filing: 'notRequired' } });
    await send(c.id, 'clerk1', decisionServe());
    await send(c.id, 'clerk1', { type: 'publication.publish' });
    expect((await send(c.id, 'clerk1', { type: 'case.close' })).state).toBe('closed');
  });
});
