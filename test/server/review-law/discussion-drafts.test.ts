// Collective discussion with real members (行政处罚法 art 57 ¶2; 交通 art 76) and well-formed drafts (art 9),
// through the API: who may sit and chair comes from the policy; a stranger is a 400, an ineligible panel a 422
// discussion-invalid; a draft whose measure lacks its size, or has one it cannot have, is a 400.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewItems } from '../../../machines/case/case.events.js';
import { createTestApp, discussionBody, sampleDraft, type TestApp } from '../../helpers/test-app.js';
import { inReview, ok, refused, type Json } from './review-law-helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function approved(): Promise<Json> {
  const c = await inReview(t);
  return ok(t, c.id, 'reviewer1', { type: 'review.approve', draftHash: c.draft.hash, opinion: '同意', items: reviewItems() });
}

// policy.discussion: quorum, memberRoles and chairRoles; the case keeps them (procedureOf) from its opening.
describe('discussion.record with members, chair and conclusion (isDiscussionPanelValid, refuseDiscussion, DiscussionMemberSchema)', () => {
  it('refuses a panel below the quorum, a chair who is not a member, and people who may not sit', async () => {
    const c = await approved();
    const body = discussionBody(t);
    const short = await refused(t, c.id, 'head1', { ...body, members: body.members.slice(0, 2) }, 422, 'discussion-invalid');
    expect(short).toMatchObject({ reason: 'quorum_not_met', fields: ['members'] });
    const chair = await refused(t, c.id, 'head1', { ...body, chairId: t.users.auditor1.id }, 422, 'discussion-invalid');
    expect(chair.reason).toBe('chair_not_member');
    const clerk = { userId: t.users.clerk1.id, vote: 'agree', opinion: '同意' };
    const seat = await refused(t, c.id, 'head1', { ...body, members: [...body.members, clerk] }, 422, 'discussion-invalid');
    expect(seat).toMatchObject({ reason: 'member_not_eligible', fields: ['members.3.userId'] });
    const handler = { userId: t.users.handler1.id, vote: 'agree', opinion: '同意' };
    expect((await refused(t, c.id, 'head1', { ...body, members: [handler, ...body.members] }, 422, 'discussion-invalid')).reason).toBe(
      'member_conflicted',
    );
    await refused(t, c.id, 'head1', { ...body, chairId: 'nobody' }, 400, 'unknown-member');
    await refused(t, c.id, 'head1', { ...body, members: [...body.members, body.members[0]] }, 400, 'malformed-request');
    await refused(
      t,
      c.id,
      'head1',
      { type: 'discussion.record', members: [{ name: '陈局长', opinion: '同意' }], conclusion: '同意' },
      400,
      'malformed-request',
    );
  });

  it('records the members’ votes and the chair on the record, where the chain names them', async () => {
    const c = await approved();
    await ok(t, c.id, 'head1', discussionBody(t, '同意处罚（吴副局长不同意）', { head3: 'disagree' }));
    const decided = await ok(t, c.id, 'head1', { type: 'decision.issue', draftHash: c.draft.hash });
    expect(decided.discussion).toMatchObject({ chairId: t.users.head1.id, draftHash: c.draft.hash });
    const chain = await (await t.call('GET', `/api/v1/cases/${c.id}/responsibility`, 'auditor1')).json();
    const views = chain.drafts.at(-1).links.filter((l: Json) => l.step === 'discussion_view');
    expect(views.map((l: Json) => [l.name, l.detail.vote, l.actor?.id])).toEqual([
      ['陈局长', 'agree', t.users.head1.id],
      ['周副局长', 'agree', t.users.head4.id],
      ['吴副局长', 'disagree', t.users.head3.id],
    ]);
  });
});

describe('drafts that are well formed (行政处罚法 art 9)', () => {
  it.each([
    ['a fine without an amount', { outcome: 'penalty', measures: [{ kind: 'fine' }] }],
    ['a warning with an amount', { outcome: 'penalty', measures: [{ kind: 'warning', amountYuan: 200 }] }],
    ['a suspension without a duration', { outcome: 'penalty', measures: [{ kind: 'suspension' }] }],
    ['an old-shape fine without an amount', { kind: 'fine' }],
  ])('answers 400 to %s', async (_name, proposed) => {
    const res = await t.call('POST', '/api/v1/cases', 'handler1', sampleDraft({ proposed } as never));
    expect(res.status).toBe(400);
    expect((await res.json()).type).toBe('/problems/malformed-request');
  });

  it('opens a case proposing several measures, major for the heavy ones', async () => {
    const proposed = {
      outcome: 'penalty',
      measures: [
        { kind: 'fine', amountYuan: 50000 },
        { kind: 'license_withholding', durationDays: 90 },
        { kind: 'qualification_downgrade' },
      ],
    };
    const res = await t.call('POST', '/api/v1/cases', 'handler1', sampleDraft({ proposed } as never));
    expect(res.status).toBe(201);
    const c = await res.json();
    expect(c.draft.proposed).toEqual(proposed);
    expect(c.major).toMatchObject({ isMajor: true, reasons: ['qualification_downgrade'], discussionRequired: true });
    expect(c.proposedOutcome).toBe('penalty');
  });
});
