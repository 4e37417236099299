// The alphabet of the 行政强制执行 proof: every labelled event, honest and hostile (stale hashes, wrong people,
// failed items, unlawful drafts, a 催告 still running, unadopted statements, rest days), sent in each state.
// The server-stamped fields carry what the engine's calendar says of the model's dates (replay checks it).
import type { Actor } from '../../../machines/case/case.events.js';
import type { ExecutionContext } from '../../../machines/execution/execution.context.js';
import { executionReviewItems, type ExecutionEvent } from '../../../machines/execution/execution.events.js';
import { modelRestDays, type LabeledEvent, type Model, type PersonName, type Snapshot } from './execution-model.js';

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

/** The 催告 served long ago (its period and the art 54 wait are over) and one served today (both running). */
const noticeOf = (servedOn: string, endsOn: string) => ({
  type: 'notice.serve',
  periodDays: 10,
  manner: '自行拆除',
  rightsStated: true,
  servedOn,
  endsOn,
  courtWaitEndsOn: endsOn,
});

/** Every labelled event of the alphabet in `snapshot`. */
export function alphabet(m: Model, snapshot: Snapshot): LabeledEvent[] {
  const c = snapshot.context as ExecutionContext;
  const today = m.at.slice(0, 10);
  const stale = 'f'.repeat(64);
  const ev = (label: string, who: PersonName, body: Record<string, unknown>): LabeledEvent => ({
    label,
    who,
    event: { ...body, actor: actorOf(m, who), at: m.at } as ExecutionEvent,
  });
  const planned = { restDay: c.draft.plannedOn !== null && modelRestDays.has(c.draft.plannedOn), night: false };
  const decide = (hash: string) => ({
    type: 'decision.issue',
    draftHash: hash,
    decidedOn: '2026-03-02',
    courtDeadline: '2026-05-10',
    planned,
  });
  const carry = (carriedOn: string, urgentReason?: string) => ({
    type: 'execution.carry',
    carriedOn,
    costYuan: 500,
    carried: { restDay: modelRestDays.has(carriedOn), night: false },
    ...(urgentReason ? { urgentReason } : {}),
  });
  return [
    ...m.revisions.map((d) => ev(`revise:${d}`, 'handler1', { type: 'draft.revise', draft: m.drafts[d] })),
    ev('revise:byOther', 'handler2', { type: 'draft.revise', draft: m.drafts.M }),
    ev('notice', 'handler1', noticeOf('2026-02-02', '2026-02-26')),
    ev('notice:running', 'handler1', noticeOf(today, '2026-03-24')),
    ev('notice:byOther', 'handler2', noticeOf('2026-02-02', '2026-02-26')),
    ev('statement:holds', 'handler1', { type: 'statement.record', summary: '已整改', finding: '属实', holds: true, heardOn: today }),
    ev('statement:no', 'handler1', { type: 'statement.record', summary: '不服', finding: '不成立', holds: false, heardOn: today }),
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
    ev('approve:r1', 'reviewer1', { type: 'review.approve', draftHash: c.draft.hash, opinion: '符合', items: executionReviewItems() }),
    ev('approve:r2', 'reviewer2', { type: 'review.approve', draftHash: c.draft.hash, opinion: '符合', items: executionReviewItems() }),
    ev('approve:r1:stale', 'reviewer1', { type: 'review.approve', draftHash: stale, opinion: '符合', items: executionReviewItems() }),
    ev('approve:r1:failed', 'reviewer1', {
      type: 'review.approve',
      draftHash: c.draft.hash,
      opinion: '符合',
      items: executionReviewItems({ period: '催告期限未满' }),
    }),
    ev('return:r1', 'reviewer1', {
      type: 'review.return',
      opinion: '存在问题',
      items: executionReviewItems({ procedure: '未听取陈述申辩' }),
    }),
    ev('return:r1:noFinding', 'reviewer1', { type: 'review.return', opinion: '存在问题', items: executionReviewItems() }),
    ev('decide', 'head1', decide(c.draft.hash)),
    ev('decide:stale', 'head1', decide(stale)),
    ev('decide:byReviewer', 'reviewer1', decide(c.draft.hash)),
    ev('remind', 'handler1', { type: 'substitute.remind', servedOn: '2026-03-03' }),
    ev('carry', 'handler1', carry('2026-03-09')),
    ev('carry:sunday', 'handler1', carry('2026-03-08')),
    ev('carry:sunday:urgent', 'handler1', carry('2026-03-08', '堵塞应急通道')),
    ev('rule', 'handler1', { type: 'court.rule', ruling: 'enforce', ruledOn: today }),
    ev('suspend', 'head1', { type: 'execution.suspend', ground: 'agreement', reason: '执行协议' }),
    ev('resume', 'head1', { type: 'execution.resume', reason: '未履行执行协议' }),
    ev('terminate', 'head1', { type: 'execution.terminate', ground: 'decision_revoked', reason: '决定被撤销' }),
    ev('performed', 'handler1', { type: 'duty.performed', note: '已履行', performedOn: today }),
    ev('file', 'clerk1', { type: 'filing.submit', filedOn: today }),
    ev('file:byHandler', 'handler1', { type: 'filing.submit', filedOn: today }),
    ev('close', 'clerk1', { type: 'case.close' }),
    ev('withdraw', 'handler1', { type: 'case.withdraw', reason: '撤回' }),
  ];
}
