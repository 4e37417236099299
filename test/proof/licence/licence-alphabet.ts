// The alphabet of the 行政许可 (撤销 / 撤回) proof: every labelled event, honest and hostile (stale hashes, wrong
// people, failed items, unlawful drafts, drafts against the notice, an early close of the hearing), sent in each state.
import type { Actor } from '../../../machines/case/case.events.js';
import { chinaDay } from '../../../machines/case/legal-dates.js';
import type { LicenceContext } from '../../../machines/licence/licence.context.js';
import { licenceReviewItems, type LicenceEvent } from '../../../machines/licence/licence.events.js';
import type { LabeledEvent, Model, PersonName, Snapshot } from './licence-model.js';

const roles: Record<PersonName, Actor['roles']> = {
  handler1: ['handler'],
  handler2: ['handler'],
  reviewer1: ['reviewer'],
  reviewer2: ['reviewer'],
  head1: ['head'],
  clerk1: ['clerk'],
};
const actorOf = (m: Model, who: PersonName): Actor => ({
  id: m.people[who],
  roles: roles[who],
  certified: who.startsWith('handler'),
  qualified: who.startsWith('reviewer'),
});

const plusDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Every labelled event of the alphabet in `snapshot`. */
export function alphabet(m: Model, snapshot: Snapshot): LabeledEvent[] {
  const c = snapshot.context as LicenceContext;
  const today = chinaDay(m.at);
  const stale = 'f'.repeat(64);
  const ev = (label: string, who: PersonName, body: Record<string, unknown>, at = m.at): LabeledEvent => ({
    label,
    who,
    event: { ...body, actor: actorOf(m, who), at } as LicenceEvent,
  });
  const assign = (label: string, who: PersonName, to: PersonName) =>
    ev(label, who, {
      type: 'review.assign',
      reviewerId: m.people[to],
      assignee: { id: m.people[to], qualified: to.startsWith('reviewer') },
    });
  const opinion = (label: string, who: PersonName, type: string, hash: string | null, findings = {}) =>
    ev(label, who, { type, ...(hash ? { draftHash: hash } : {}), opinion: '意见', items: licenceReviewItems(findings) });
  const decide = (label: string, who: PersonName, hash: string) =>
    ev(label, who, { type: 'decision.issue', draftHash: hash, decidedOn: today });
  const heard = { summary: '陈述', response: '不予采纳', receivedOn: today };
  const out = [
    ...(['A', 'M', 'W', 'X'] as const).map((d) => ev(`revise:${d}`, 'handler1', { type: 'draft.revise', draft: m.drafts[d] })),
    ev('revise:byOther', 'handler2', { type: 'draft.revise', draft: m.drafts.M }),
    ev('notice', 'handler1', { type: 'notice.serve', servedOn: today, statementsDueOn: plusDays(today, 7) }),
    ev('notice:byOther', 'handler2', { type: 'notice.serve', servedOn: today, statementsDueOn: plusDays(today, 7) }),
    ev('statement', 'handler1', { type: 'statement.record', waived: false, ...heard }),
    ev('statement:waiver', 'handler1', { type: 'statement.record', waived: true, ...heard }),
    ev('close-hearing', 'handler1', { type: 'hearing.close' }),
    ev('submit', 'handler1', { type: 'review.submit', attestation: true }),
    ev('submit:byOther', 'handler2', { type: 'review.submit', attestation: true }),
    assign('assign:self', 'reviewer1', 'reviewer1'),
    assign('assign:head-r2', 'head1', 'reviewer2'),
    assign('assign:head-handler', 'head1', 'handler1'),
    opinion('approve:r1', 'reviewer1', 'review.approve', c.draft.hash),
    opinion('approve:r2', 'reviewer2', 'review.approve', c.draft.hash),
    opinion('approve:r1:stale', 'reviewer1', 'review.approve', stale),
    opinion('approve:r1:failed', 'reviewer1', 'review.approve', c.draft.hash, { procedure: '未听取陈述' }),
    opinion('return:r1', 'reviewer1', 'review.return', null, { lawApplication: '适用有误' }),
    opinion('return:r1:noFinding', 'reviewer1', 'review.return', null),
    decide('decide', 'head1', c.draft.hash),
    decide('decide:stale', 'head1', stale),
    decide('decide:byReviewer', 'reviewer1', c.draft.hash),
    ev('serve', 'clerk1', { type: 'service.record', method: '直接送达', servedOn: today }),
    ev('publish', 'clerk1', { type: 'publication.record', channel: '网站', publishedOn: today }),
    ev('file', 'clerk1', { type: 'filing.submit', filedOn: today }),
    ev('file:byHandler', 'handler1', { type: 'filing.submit', filedOn: today }),
    ev('close', 'clerk1', { type: 'case.close' }),
    ev('withdraw', 'handler1', { type: 'case.withdraw', reason: '撤回' }),
  ];
  if (m.lateEvents && c.hearing) {
    const lateAt = `${plusDays(c.hearing.statementsDueOn, 2)}T04:00:00.000Z`;
    out.push(ev('close-hearing:late', 'handler1', { type: 'hearing.close' }, lateAt));
  }
  return out;
}
