// The event alphabet of the proof: every honest step plus adversarial ones (wrong role, self-review, recused
// user, stale or forged hash, out-of-order and repeated events, legal dates out of order, a lapse inside the
// hearing-request period, a heavier draft after 告知, a hearing hosted by an investigator). Each event
// carries a stable label. Legal dates are fixed (docs/proof.md): the model's "today" is `modelTime`.
import type { AnyMachineSnapshot } from 'xstate';
import type { CaseContext } from '../../machines/case/case.context.js';
import { reviewItems, type CaseEvent } from '../../machines/case/case.events.js';
import { actors, draftHashes, draftNames, drafts, forgedHash, legalDates, modelTime, type ActorName } from './proof-actors.js';

/** A machine event with its abstract label, e.g. `reviewer1 review.approve stale`. */
export type LabeledEvent = CaseEvent & { label: string; actorName: ActorName };

type HashKind = 'current' | 'stale' | 'forged';

/** A template: who sends which event, with which variant; the hash is resolved against the state. */
interface Template {
  by: ActorName;
  type: CaseEvent['type'];
  variant?: string;
  hash?: HashKind;
  extra?: Record<string, unknown>;
}

const t = (by: ActorName, type: CaseEvent['type'], more: Partial<Template> = {}): Template => ({ by, type, ...more });

/** The alphabet as templates; keep it small, every entry multiplies the edges. */
export const templates: Template[] = [
  ...draftNames.map((name) => t('handler', 'draft.revise', { variant: name })),
  t('handler2', 'draft.revise', { variant: 'majorDiscussed' }),
  // Served long ago (the request period is over today) or today (still running), or dated tomorrow (refused).
  t('handler', 'notice.send'),
  t('handler', 'notice.send', { variant: 'recent' }),
  t('handler', 'notice.send', { variant: 'future' }),
  // A new notice announcing a heavier draft: the only way to raise the penalty after 告知.
  t('handler', 'notice.send', { variant: 'majorDiscussed' }),
  t('handler2', 'notice.send'),
  t('handler', 'notice.receipt'),
  t('handler', 'statement.record', { extra: { summary: '当事人陈述' } }),
  t('handler', 'hearing.request'),
  t('head1', 'hearing.schedule'),
  t('head1', 'hearing.schedule', { variant: 'short' }),
  t('head1', 'hearing.schedule', { variant: 'hostInvestigator' }),
  t('handler', 'hearing.adjourn', { extra: { reason: '当事人申请延期' } }),
  t('handler', 'hearing.hold', { extra: { transcript: '听证笔录', heldOn: legalDates.hearing } }),
  t('handler', 'rights.waive'),
  t('handler', 'rights.lapse'),
  t('system', 'rights.lapse'),

  t('handler', 'review.submit', { extra: { attestation: true } }),
  t('handler2', 'review.submit', { extra: { attestation: true } }),
  t('head1', 'review.assign', { variant: 'reviewer1' }),
  t('head1', 'review.assign', { variant: 'reviewerUnqualified' }),
  t('head1', 'review.assign', { variant: 'handler' }),
  t('reviewer1', 'review.assign', { variant: 'reviewer1' }),
  t('reviewer2', 'review.assign', { variant: 'reviewer2' }),
  t('reviewer1', 'review.assign', { variant: 'reviewer2' }),
  t('handler', 'review.assign', { variant: 'handler' }),
  t('reviewer1', 'review.approve', { hash: 'current' }),
  t('reviewer1', 'review.approve', { hash: 'stale' }),
  t('reviewer1', 'review.approve', { hash: 'forged' }),
  // Content that contradicts the seven items: refused whatever the state (422 review-outcome-inconsistent).
  t('reviewer1', 'review.approve', { hash: 'current', variant: 'failedItem' }),
  t('reviewer1', 'review.return', { variant: 'allPassed' }),
  t('reviewer1', 'review.refer', { variant: 'noCrime' }),
  t('reviewer2', 'review.approve', { hash: 'current' }),
  t('reviewerUnqualified', 'review.approve', { hash: 'current' }),
  t('handler', 'review.approve', { hash: 'current' }),
  t('head1', 'review.approve', { hash: 'current' }),
  t('reviewer1', 'review.return'),
  t('reviewer2', 'review.return'),
  t('handler', 'review.return'),
  t('reviewer1', 'review.refer'),
  t('reviewer1', 'conflict.declare'),
  t('head1', 'conflict.declare'),
  t('head1', 'discussion.record'),
  t('head1', 'discussion.record', { variant: 'short' }),
  t('handler', 'discussion.record'),
  t('reviewer1', 'discussion.record'),
  t('head1', 'decision.issue', { hash: 'current' }),
  t('head1', 'decision.issue', { hash: 'stale' }),
  t('head1', 'decision.issue', { hash: 'forged' }),
  t('head1', 'decision.issue', { hash: 'current', variant: 'transfer' }),
  // A penalty after a referral is 以罚代刑: refused on its content (422 decision-outcome-inconsistent).
  t('head1', 'decision.issue', { hash: 'current', variant: 'penalty' }),
  // reviewer2 is also a head: after reviewing the case it may not decide it (403 reviewer-may-not-decide).
  t('reviewer2', 'decision.issue', { hash: 'current' }),
  t('handler', 'decision.issue', { hash: 'current' }),
  t('reviewer1', 'decision.issue', { hash: 'current' }),
  t('clerk1', 'decision.serve'),
  t('handler', 'decision.serve'),
  t('clerk1', 'publication.publish', { extra: { publishedOn: legalDates.today } }),
  t('clerk1', 'publication.withdraw', { extra: { reason: '决定被撤销', withdrawnOn: legalDates.today } }),
  t('clerk1', 'filing.submit', { extra: { recipient: '西宁市司法局', reportNo: '备字〔2026〕1号', filedOn: legalDates.today } }),
  t('clerk1', 'case.close'),
  t('head1', 'case.close'),
  t('handler', 'case.withdraw'),
  t('head1', 'case.withdraw'),
  t('handler2', 'case.withdraw'),
  // The review-law steps: materials (补充材料), objection and coordination, sign-off, one extension.
  t('reviewer1', 'review.requestMaterials', { extra: { request: '补充称重记录' } }),
  t('handler', 'materials.supplement', { extra: { note: '已补充', attestation: true } }),
  t('handler', 'materials.supplement', { variant: 'majorDiscussed' }),
  t('handler', 'review.object', { extra: { reason: '不同意退回意见' } }),
  t('head1', 'review.coordinate', { extra: { result: 'return_upheld', note: '维持审核意见' } }),
  t('head1', 'review.signOff', { extra: { agree: true } }),
  t('head1', 'decision.extend', { extra: { reason: '案情复杂' } }),
  t('system', 'deadline.notify'),
  t('head1', 'deadline.notify'),
  // 回避 for everyone (交通 arts 12–14): explored in their own sub-model (see `models`).
  t('clerk1', 'recusal.apply', { variant: 'reviewer1' }),
  t('head1', 'recusal.decide', { variant: 'granted' }),
  t('head1', 'recusal.decide', { variant: 'refused' }),
  t('handler', 'conflict.declare'),
  t('head1', 'handler.assign', { variant: 'handler2' }),
  t('head1', 'handler.assign', { variant: 'reviewer1' }),
  // The criminal transfer (移送规定 arts 5–12) and the clue transfer: explored in their own sub-model.
  t('handler', 'transfer.report'),
  t('handler', 'transfer.report', { variant: 'solo' }),
  t('handler', 'transfer.report', { variant: 'uncertified' }),
  t('handler2', 'transfer.report'),
  t('head1', 'transfer.approve'),
  t('handler', 'transfer.approve'),
  t('head1', 'transfer.refuse', { extra: { reasons: '证据不足以证明涉嫌犯罪' } }),
  t('handler', 'transfer.send'),
  t('handler', 'transfer.answer', { variant: 'filed' }),
  t('handler', 'transfer.answer', { variant: 'not_filed' }),
  t('handler', 'transfer.answer', { variant: 'future' }),
  t('handler', 'transfer.handover'),
  t('handler', 'transfer.handover', { variant: 'future' }),
  t('handler2', 'transfer.handover'),
  t('head1', 'transfer.reconsider', { extra: { request: '提请复议' } }),
  t('head1', 'transfer.supervise', { extra: { result: 'filing_ordered', note: '检察院通知立案' } }),
  t('head1', 'transfer.resume', { extra: { reason: '不予立案，继续办理' } }),
  t('head1', 'clue.transfer', { extra: { recipient: '纪委监委', summary: '执法人员涉嫌违纪' } }),
  t('clerk1', 'clue.transfer', { extra: { recipient: '纪委监委', summary: '执法人员涉嫌违纪' } }),
];

/** Labels of the 回避 events, explored with the honest route in the `recusal` sub-model. */
const recusalLabels = new Set([
  'clerk1 recusal.apply reviewer1',
  'head1 recusal.decide granted',
  'head1 recusal.decide refused',
  'handler conflict.declare',
  'head1 handler.assign handler2',
  'head1 handler.assign reviewer1',
]);

/** Whether a label is one of the transfer events, explored with the honest route in the `transfer` sub-model. */
const isTransferLabel = (label: string) => / (transfer|clue)\./.test(label);

/** The honest route of the `transfer` sub-model: 告知 or not, review, decision and the duties, withdrawal. */
const transferRoute = new Set([
  'handler draft.revise majorDiscussed',
  'handler notice.send',
  'handler rights.waive',
  'handler review.submit',
  'head1 review.assign reviewer1',
  'reviewer1 review.approve current',
  'reviewer1 review.return',
  'head1 discussion.record',
  'head1 decision.issue current',
  'clerk1 decision.serve',
  'clerk1 publication.publish',
  'clerk1 filing.submit',
  'clerk1 case.close',
  'head1 case.withdraw',
]);

/**
 * The state spaces the proof explores. `main`: every event but the 回避 ones. `recusal`: the honest route,
 * the 回避 events, and what a new handler and the remaining reviewer need to finish a case. Together the
 * whole alphabet would give some 5,700 abstract states; apart, each is explored and replayed in seconds
 * (docs/proof.md, "Two sub-models").
 */
export const models = {
  main: (label: string) => !recusalLabels.has(label) && !isTransferLabel(label),
  // The transfer from every state the honest route reaches, each of its steps, and the way back.
  transfer: (label: string) => isTransferLabel(label) || transferRoute.has(label),
  recusal: (label: string) =>
    recusalLabels.has(label) ||
    [
      'handler draft.revise majorDiscussed',
      'handler notice.send',
      'handler rights.waive',
      'handler review.submit',
      'head1 review.assign reviewer1',
      'reviewer1 review.approve current',
      'reviewer2 review.assign reviewer2',
      'reviewer2 review.approve current',
      'reviewer1 conflict.declare',
      'head1 discussion.record',
      'head1 decision.issue current',
      'handler2 notice.send',
      'handler2 review.submit',
      'system rights.lapse',
      'clerk1 decision.serve',
      'clerk1 publication.publish',
      'clerk1 filing.submit',
      'clerk1 case.close',
      'head1 case.withdraw',
    ].includes(label),
} satisfies Record<string, (label: string) => boolean>;
export type ModelName = keyof typeof models;

/** A discussion of the first `n` heads, head1 chairing, each stamped as the server finds them. */
function discussionPayload(n: number): Record<string, unknown> {
  const heads = (['head1', 'head4', 'head3'] as const).slice(0, n);
  return {
    members: heads.map((id) => ({ userId: id, vote: 'agree', opinion: '同意' })),
    chairId: 'head1',
    conclusion: '同意',
    panel: heads.map((id) => ({ id, roles: actors[id].roles, active: true })),
  };
}

/** A 专案组 report: two certified officers, one alone, or one without a 执法证; `team` as the server stamps it. */
function transferReport(variant: string | undefined): Record<string, unknown> {
  const names: ActorName[] =
    variant === 'solo' ? ['handler'] : variant === 'uncertified' ? ['handler', 'reviewer1'] : ['handler', 'handler2'];
  const team = names.map((n) => ({ id: actors[n].id, certified: actors[n].certified && actors[n].roles.includes('handler') }));
  return { officers: names.map((n) => actors[n].id), report: '涉嫌犯罪，建议移送', team };
}

/** A hash of the given kind relative to the current draft: a previous (other) draft's, or a forged one. */
function hashOfKind(kind: HashKind, context: CaseContext): string {
  if (kind === 'current') return context.draft.hash;
  if (kind === 'forged') return forgedHash;
  return draftNames.map((n) => draftHashes[n]).find((h) => h !== context.draft.hash)!;
}

/** The 听证 request period as the server counts it from the receipt dates the alphabet uses. */
const windowOf = (receivedOn: string) => ({ endsOn: legalDates.windowEnds[receivedOn]!, provisional: false });
const served = (date: string) => ({ method: 'direct', date, recipient: '马某', receiptRef: `回证${date}` });

/** Payload fields of the party's rights and duties (with what the server stamps: windows, earliest dates). */
function partyPayload(tp: Template, context: CaseContext): Record<string, unknown> | null {
  const d = legalDates;
  switch (tp.type) {
    case 'notice.send': {
      const date = tp.variant === 'recent' ? d.today : tp.variant === 'future' ? d.tomorrow : d.received;
      const draft = tp.variant === 'majorDiscussed' ? { draft: drafts.majorDiscussed } : {};
      return { service: served(date), ...draft, hearingWindow: windowOf(date === d.tomorrow ? d.received : date) };
    }
    case 'notice.receipt':
      return { receivedOn: d.received, hearingWindow: windowOf(d.received) };
    case 'hearing.schedule':
      return {
        date: tp.variant === 'short' ? d.hearingTooSoon : d.hearing,
        place: '听证室',
        hostId: tp.variant === 'hostInvestigator' ? actors.handler.id : actors.reviewer2.id,
        recorderId: actors.clerk1.id,
        noticeServedOn: d.hearingNoticed,
        earliestOn: d.hearing,
      };
    case 'recusal.apply':
      return { againstId: actors[tp.variant as ActorName].id, reason: '与当事人有利害关系', appliedOn: d.today };
    case 'recusal.decide': {
      // Like hashes, the answer names the application relative to the state: the pending one, if any.
      const pending = context.recusalApplications.find((a) => a.status === 'pending');
      return { applicationNo: pending?.no ?? 1, granted: tp.variant === 'granted', reason: '经审查' };
    }
    case 'handler.assign': {
      // As the service does: certified only with a valid 执法证 and the handler role.
      const who = actors[tp.variant as ActorName];
      return { handlerId: who.id, assignee: { id: who.id, certified: who.certified && who.roles.includes('handler') } };
    }
    case 'decision.serve':
      return { service: served(d.today) };
    case 'transfer.report':
      return transferReport(tp.variant);
    case 'transfer.send':
      return { recipient: '西宁市公安局', materials: ['案件调查报告'], seizedItems: [{ name: '涉案车辆', quantity: '1辆' }] };
    case 'transfer.answer':
      return {
        result: tp.variant === 'filed' ? 'filed' : 'not_filed',
        receivedOn: tp.variant === 'future' ? d.tomorrow : d.today,
      };
    case 'transfer.handover':
      return {
        handedOverOn: tp.variant === 'future' ? d.tomorrow : d.today,
        receivedBy: '西宁市公安局 张警官',
        materials: ['案件调查报告'],
        seizedItems: [{ name: '涉案车辆', quantity: '1辆' }],
      };
    default:
      return null;
  }
}

/** Payload fields each event type needs to pass the API's schema. */
function payloadFor(tp: Template, context: CaseContext): Record<string, unknown> {
  const party = partyPayload(tp, context);
  if (party) return party;
  switch (tp.type) {
    case 'draft.revise':
      return { draft: drafts[tp.variant as keyof typeof drafts] };
    case 'review.assign': {
      // As the service does: an assignee counts as qualified only with a valid qualification and the reviewer role.
      const who = actors[tp.variant as ActorName];
      return { reviewerId: who.id, assignee: { id: who.id, qualified: who.qualified && who.roles.includes('reviewer') } };
    }
    case 'review.approve':
      return {
        draftHash: hashOfKind(tp.hash!, context),
        opinion: '同意',
        items: reviewItems(tp.variant === 'failedItem' ? { factsEvidence: '证据不足' } : {}),
      };
    case 'review.return':
      return { opinion: '证据不充分', items: reviewItems(tp.variant === 'allPassed' ? {} : { factsEvidence: '证据不充分' }) };
    case 'review.refer':
      return {
        opinion: '涉嫌犯罪，建议移送',
        items: reviewItems(tp.variant === 'noCrime' ? {} : { crimeTransfer: '涉嫌犯罪' }),
        target: 'judicial',
      };
    case 'conflict.declare':
      return { reason: '近亲属关系' };
    case 'discussion.record':
      return discussionPayload(tp.variant === 'short' ? 1 : 3);
    case 'materials.supplement':
      return tp.variant ? { note: '补充并修改代拟稿', attestation: true, draft: drafts[tp.variant as keyof typeof drafts] } : tp.extra!;
    case 'decision.issue':
      return { draftHash: hashOfKind(tp.hash!, context), decidedOn: legalDates.today, ...(tp.variant ? { outcome: tp.variant } : {}) };
    case 'case.withdraw':
      return { reason: '撤销立案' };
    case 'deadline.notify':
      return { deadlineId: 'proof', kind: 'decision', status: 'warning', dueDate: '2026-05-29' };
    default:
      return tp.extra ?? {};
  }
}

/** The concrete events of the whole alphabet (or of one sub-model) in `snapshot` (hashes resolved against its current draft). */
export function alphabet(snapshot: AnyMachineSnapshot, model?: ModelName): LabeledEvent[] {
  const context = snapshot.context as CaseContext;
  const labelOf = (tp: Template) => [tp.by, tp.type, tp.variant, tp.hash].filter(Boolean).join(' ');
  return templates
    .filter((tp) => !model || models[model](labelOf(tp)))
    .map((tp) => {
      const label = [tp.by, tp.type, tp.variant, tp.hash].filter(Boolean).join(' ');
      return { type: tp.type, ...payloadFor(tp, context), actor: actors[tp.by], at: modelTime, label, actorName: tp.by } as LabeledEvent;
    });
}
