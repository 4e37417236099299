// The alphabet of the 查封、扣押 proof: every labelled event, honest and hostile (stale hashes, wrong people,
// failed items, unlawful drafts, late extensions), that the explorer sends in each state.
import type { Actor } from '../../../machines/case/case.events.js';
import { chinaDay } from '../../../machines/case/legal-dates.js';
import type { CoercionContext } from '../../../machines/coercion/coercion.context.js';
import { coercionReviewItems, type CoercionEvent } from '../../../machines/coercion/coercion.events.js';
import type { LabeledEvent, Model, PersonName, Snapshot } from './coercion-model.js';

const actorOf = (m: Model, who: PersonName): Actor => {
  const roles: Record<PersonName, Actor['roles']> = {
    handler1: ['handler'],
    handler2: ['handler'],
    reviewer1: ['reviewer'],
    reviewer2: ['reviewer'],
    head1: ['head'],
    clerk1: ['clerk'],
  };
  return { id: m.people[who], roles: roles[who], certified: who.startsWith('handler'), qualified: who.startsWith('reviewer') };
};

const plusDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Every labelled event of the alphabet in `snapshot` (hashes named relative to the current and an older draft). */
export function alphabet(m: Model, snapshot: Snapshot): LabeledEvent[] {
  const c = snapshot.context as CoercionContext;
  const today = chinaDay(m.at);
  const stale = 'f'.repeat(64);
  const ev = (label: string, who: PersonName, body: Record<string, unknown>, at = m.at): LabeledEvent => ({
    label,
    who,
    event: { ...body, actor: actorOf(m, who), at } as CoercionEvent,
  });
  const end = c.period?.endsOn ?? plusDays(today, 30);
  const lateAt = `${plusDays(end, 5)}T04:00:00.000Z`;
  const out = [
    ...(['A', 'B', 'M', 'X'] as const).map((d) => ev(`revise:${d}`, 'handler1', { type: 'draft.revise', draft: m.drafts[d] })),
    ev('revise:byOther', 'handler2', { type: 'draft.revise', draft: m.drafts.B }),
    ev('submit', 'handler1', { type: 'review.submit', attestation: true }),
    ev('submit:byOther', 'handler2', { type: 'review.submit', attestation: true }),
    ev('assign:self', 'reviewer1', {
      type: 'review.assign',
      reviewerId: m.people.reviewer1,
      assignee: { id: m.people.reviewer1, qualified: true },
    }),
    ev('assign:head-r2', 'head1', {
      type: 'review.assign',
      reviewerId: m.people.reviewer2,
      assignee: { id: m.people.reviewer2, qualified: true },
    }),
    ev('assign:head-handler', 'head1', {
      type: 'review.assign',
      reviewerId: m.people.handler1,
      assignee: { id: m.people.handler1, qualified: false },
    }),
    ev('approve:r1', 'reviewer1', { type: 'review.approve', draftHash: c.draft.hash, opinion: '符合', items: coercionReviewItems() }),
    ev('approve:r2', 'reviewer2', { type: 'review.approve', draftHash: c.draft.hash, opinion: '符合', items: coercionReviewItems() }),
    ev('approve:r1:stale', 'reviewer1', { type: 'review.approve', draftHash: stale, opinion: '符合', items: coercionReviewItems() }),
    ev('approve:r1:failed', 'reviewer1', {
      type: 'review.approve',
      draftHash: c.draft.hash,
      opinion: '符合',
      items: coercionReviewItems({ period: '超期' }),
    }),
    ev('return:r1', 'reviewer1', {
      type: 'review.return',
      opinion: '存在问题',
      items: coercionReviewItems({ proportionality: '超出必要限度' }),
    }),
    ev('return:r1:noFinding', 'reviewer1', { type: 'review.return', opinion: '存在问题', items: coercionReviewItems() }),
    ev('decide', 'head1', {
      type: 'decision.issue',
      draftHash: c.draft.hash,
      decidedOn: today,
      implementedOn: today,
      periodEndsOn: plusDays(today, 30),
    }),
    ev('decide:stale', 'head1', {
      type: 'decision.issue',
      draftHash: stale,
      decidedOn: today,
      implementedOn: today,
      periodEndsOn: plusDays(today, 30),
    }),
    ev('decide:byReviewer', 'reviewer1', {
      type: 'decision.issue',
      draftHash: c.draft.hash,
      decidedOn: today,
      implementedOn: today,
      periodEndsOn: plusDays(today, 30),
    }),
    ev('extend', 'head1', {
      type: 'measure.extend',
      days: 30,
      reason: '情况复杂',
      noticeServedOn: today,
      extendedEndsOn: plusDays(end, 30),
    }),
    ev('extend:byHandler', 'handler1', {
      type: 'measure.extend',
      days: 30,
      reason: '情况复杂',
      noticeServedOn: today,
      extendedEndsOn: plusDays(end, 30),
    }),
    ev('conclude', 'head1', { type: 'measure.conclude', result: 'released', reason: '解除', concludedOn: today }),
    ev('file', 'clerk1', { type: 'filing.submit', filedOn: today }),
    ev('file:byHandler', 'handler1', { type: 'filing.submit', filedOn: today }),
    ev('close', 'clerk1', { type: 'case.close' }),
    ev('withdraw', 'handler1', { type: 'case.withdraw', reason: '撤回' }),
  ];
  if (m.lateEvents) {
    const lateDay = chinaDay(lateAt);
    out.push(
      ev(
        'extend:late',
        'head1',
        { type: 'measure.extend', days: 10, reason: '逾期', noticeServedOn: lateDay, extendedEndsOn: plusDays(end, 10) },
        lateAt,
      ),
    );
    out.push(
      ev('conclude:late', 'head1', { type: 'measure.conclude', result: 'released', reason: '逾期解除', concludedOn: lateDay }, lateAt),
    );
  }
  return out;
}
