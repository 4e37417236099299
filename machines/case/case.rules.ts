// The rules of the pipeline as pure functions of (context, event): who may send what, and on which draft.
// The machine's guards and the API's 403/409 answers both call these, so there is one source of each rule.
import {
  DecisionOutcomeSchema,
  ReviewItemKeys,
  type Actor,
  type CaseEvent,
  type CaseEventType,
  type DecisionOutcome,
  type ReviewItems,
  type Role,
} from './case.events.js';
import type { CaseContext } from './case.context.js';
import { isApprovedDraftBound, refuseReviewerOf } from '../review/review-rules.js';
import { refuseItemsAgainstOutcome } from '../review/review-items.js';
import { pendingApplication, refusePartyContent } from './party.rules.js';
import { proposedOutcome, refuseDecisionOutcome, refuseDiscussion, type DecisionContentRefusal } from './decision.rules.js';
import { refuseMissingAvRecord } from './av-record.rules.js';
import {
  refuseTransferContent,
  transferEventRoles,
  transferHandlerEvents,
  transferHeadEvents,
  type TransferContentRefusal,
} from './transfer.rules.js';

/** Which roles may ever send each event (DOMAIN §1.1, §2.1). `system` is the deadline scheduler. */
export const eventRoles: Record<CaseEventType, readonly Role[]> = {
  'draft.revise': ['handler'],
  'notice.send': ['handler'],
  'notice.receipt': ['handler'],
  'statement.record': ['handler'],
  'hearing.request': ['handler'],
  // The 负责人 names the hearing's host (交通 art 84) and has the 听证通知书 served.
  'hearing.schedule': ['head'],
  'hearing.adjourn': ['handler'],
  'hearing.hold': ['handler'],
  'rights.waive': ['handler'],
  'rights.lapse': ['handler', 'system'],
  'review.submit': ['handler'],
  'review.assign': ['reviewer', 'head'],
  'review.approve': ['reviewer'],
  'review.return': ['reviewer'],
  'review.refer': ['reviewer'],
  'conflict.declare': ['handler', 'reviewer', 'head'],
  // A party's 回避 application is recorded by whoever receives it; a head decides it (交通 arts 12–14).
  'recusal.apply': ['handler', 'clerk', 'head'],
  'recusal.decide': ['head'],
  'handler.assign': ['head'],
  'discussion.record': ['head'],
  'decision.issue': ['head'],
  'decision.serve': ['clerk'],
  'publication.publish': ['clerk'],
  'publication.withdraw': ['clerk'],
  'filing.submit': ['clerk'],
  'case.close': ['clerk', 'head'],
  'case.withdraw': ['head', 'handler'],
  // The scheduler records warnings and overdue notices on the case; it can never decide anything.
  'deadline.notify': ['system'],
  'review.requestMaterials': ['reviewer'],
  'materials.supplement': ['handler'],
  // The 法制审核机构's head signs opinions off where the policy asks for it; a head (负责人) holds that role here.
  'review.signOff': ['head'],
  'review.object': ['handler'],
  'review.coordinate': ['head'],
  'decision.extend': ['head'],
  ...transferEventRoles,
};

/** A refusal of the actor (HTTP 403): the rule broken, as a stable code, and a sentence for people. */
export interface Refusal {
  code:
    | 'wrong_role'
    | 'not_handler'
    | 'no_certificate'
    | 'no_qualification'
    | 'self_review'
    | 'recused'
    | 'not_assigned_reviewer'
    | 'self_assignment_only'
    | 'own_recusal'
    | 'reviewer_may_not_decide'
    | 'self_sign_off';
  detail: string;
}

const reviewEvents = new Set<CaseEventType>(['review.approve', 'review.return', 'review.refer', 'review.requestMaterials']);
const handlerEvents = new Set<CaseEventType>([
  'draft.revise',
  'notice.send',
  'notice.receipt',
  'statement.record',
  'hearing.request',
  'hearing.adjourn',
  'hearing.hold',
  'rights.waive',
  'review.submit',
  'materials.supplement',
  'review.object',
  ...transferHandlerEvents,
]);
/** Events a handler may send beside other roles; sent as a handler, only the case handler may send them. */
const handlerToo = new Set<CaseEventType>(['conflict.declare', 'recusal.apply', 'clue.transfer']);
/** Acts of deciding the case (or of settling a dispute over its review), which its reviewers may not do. */
const decidingEvents = new Set<CaseEventType>(['decision.issue', 'discussion.record', 'review.coordinate']);
/** Acts of the heads on the case that its handler may not do for themself. */
const headEvents = new Set<CaseEventType>(['review.coordinate', 'review.signOff', 'decision.extend', ...transferHeadEvents]);

/** True when one of the actor's roles may send this event type at all. */
export function hasRoleFor(actor: Actor, type: CaseEventType): boolean {
  return actor.roles.some((role) => eventRoles[type].includes(role));
}

/** The role the actor acts in for this event (the first that fits), for the record. */
export function actingRole(actor: Actor, type: CaseEventType): Role | null {
  return actor.roles.find((role) => eventRoles[type].includes(role)) ?? null;
}

/** Role-level refusal only: a role that may never send this event. */
export function refuseRole(actor: Actor, type: CaseEventType): Refusal | null {
  if (hasRoleFor(actor, type)) return null;
  return { code: 'wrong_role', detail: `Role(s) ${actor.roles.join(', ') || 'none'} may not send ${type}.` };
}

/** Case-level refusal: a user barred from this case for this event (separation of duties, 回避, 执法证). */
export function refuseActor(context: CaseContext, event: CaseEvent): Refusal | null {
  const role = refuseRole(event.actor, event.type);
  if (role) return role;
  const { actor, type } = event;
  if (context.recusals.includes(actor.id)) {
    return { code: 'recused', detail: 'You declared a conflict of interest (回避) on this case.' };
  }
  // The scheduler may record that the rights lapsed; a person doing so must be the handler.
  const asHandler =
    handlerEvents.has(type) ||
    (type === 'rights.lapse' && !actor.roles.includes('system')) ||
    (handlerToo.has(type) && actingRole(actor, type) === 'handler');
  if (asHandler && actor.id !== context.handlerId) {
    return { code: 'not_handler', detail: 'Only the case handler (承办人) may do this.' };
  }
  if (asHandler && !actor.certified) {
    return { code: 'no_certificate', detail: 'A valid enforcement certificate (执法证) is required.' };
  }
  if (reviewEvents.has(type)) return refuseReviewer(context, actor.id, actor.qualified, context.reviewerId);
  if (event.type === 'review.assign') return refuseAssignment(context, event.actor, event.assignee);
  if (event.type === 'handler.assign') return refuseHandlerAssignee(context, event.assignee);
  if (event.type === 'recusal.decide' && pendingApplication(context, event.applicationNo)?.againstId === actor.id) {
    return { code: 'own_recusal', detail: 'A head may not decide an application for their own 回避.' };
  }
  // 撤销立案 is the case handler's proposal or a head's call, never another handler's.
  if (type === 'case.withdraw' && !actor.roles.includes('head') && actor.id !== context.handlerId) {
    return { code: 'not_handler', detail: 'Only the case handler (承办人) or a head (负责人) may withdraw this case.' };
  }
  if ((type === 'decision.issue' || type === 'discussion.record') && actor.id === context.handlerId) {
    return { code: 'self_review', detail: 'The handler of a case may not decide it.' };
  }
  return refuseDecider(context, event);
}

/**
 * Separation of review and decision (seed §9(3); 118号 (十四)): whoever gave a review opinion on the case
 * (approved, returned or referred it) may not decide it, whatever roles they hold; the author of an opinion
 * may not sign it off; the handler may not approve their own extension, sign-off or coordination.
 */
function refuseDecider(context: CaseContext, event: CaseEvent): Refusal | null {
  const { actor, type } = event;
  if (headEvents.has(type) && actor.id === context.handlerId) {
    return { code: 'self_review', detail: 'The handler of a case may not approve this for their own case.' };
  }
  if (decidingEvents.has(type) && (context.reviewers ?? []).includes(actor.id)) {
    return { code: 'reviewer_may_not_decide', detail: 'You gave a review opinion on this case, so you may not decide it.' };
  }
  if (type === 'review.signOff' && context.review?.reviewerId === actor.id) {
    return { code: 'self_sign_off', detail: 'The author of a review opinion may not sign it off.' };
  }
  return null;
}

function refuseReviewer(context: CaseContext, id: string, qualified: boolean, assigned: string | null): Refusal | null {
  return refuseReviewerOf(context, { id, qualified }, assigned);
}

function refuseAssignment(context: CaseContext, actor: Actor, assignee: { id: string; qualified: boolean }): Refusal | null {
  const isHead = actor.roles.includes('head');
  if (!isHead && assignee.id !== actor.id) {
    return { code: 'self_assignment_only', detail: 'A reviewer may only claim a case for themself.' };
  }
  return refuseReviewer(context, assignee.id, assignee.qualified, null);
}

/** A new handler (after the handler's 回避) holds a valid 执法证, is not barred, and does not review the case. */
function refuseHandlerAssignee(context: CaseContext, assignee: { id: string; certified: boolean }): Refusal | null {
  if (!assignee.certified) return { code: 'no_certificate', detail: 'The new handler needs the handler role and a valid 执法证.' };
  if (context.recusals.includes(assignee.id)) return { code: 'recused', detail: 'That person is recused (回避) on this case.' };
  if (assignee.id === context.reviewerId || assignee.id === context.review?.reviewerId) {
    return { code: 'self_review', detail: 'The reviewer of a case may not handle it.' };
  }
  return null;
}

/**
 * Who may open a case (立案): a handler holding a valid 执法证 (行政处罚法 art 42; 《交通运输行政执法程序规定》
 * art 23). The opening is the first `draft.revise` of a case, so it is judged like one by a handler.
 */
export function refuseOpening(actor: Actor): Refusal | null {
  if (!actor.roles.includes('handler')) return { code: 'wrong_role', detail: 'Only handlers (承办人) open cases.' };
  if (!actor.certified) return { code: 'no_certificate', detail: 'A valid enforcement certificate (执法证) is required.' };
  return null;
}

/** Why the content of a review contradicts its outcome (stable values; the desk words them per language). */
export type ContentReason =
  | 'approve_with_failed_items'
  | 'return_without_failed_item'
  | 'finding_missing'
  | 'referral_needs_crime_finding'
  | 'referral_needs_powers_finding'
  | 'date_in_future'
  | 'date_before_prior'
  | 'window_open'
  | 'window_provisional'
  | 'heavier_than_noticed'
  | 'notice_too_short'
  | 'host_barred'
  | 'recorder_barred'
  | 'no_pending_application'
  | 'no_av_record';

/**
 * A refusal of what an event says (HTTP 422): its content contradicts a rule of the law. `fields` names the
 * parts of the command at fault (`outcome`, `items.<key>`, `items.<key>.finding`), so a form can mark them.
 */
export interface ContentRefusal {
  code:
    | 'review_outcome_inconsistent'
    // The party's rights and the duties (party.rules.ts): the articles are in case.law.ts like every code.
    | 'legal_date_invalid'
    | 'hearing_window_open'
    | 'penalty_heavier_after_notice'
    | 'hearing_notice_too_short'
    | 'hearing_staff_not_independent'
    | 'recusal_application_not_pending'
    | 'av_record_required';
  reason: ContentReason;
  detail: string;
  fields: string[];
}

type ReviewEvent = Extract<CaseEvent, { type: 'review.approve' | 'review.return' | 'review.refer' }>;

/**
 * The outcome of a review agrees with its seven items (《交通运输行政执法程序规定》 art 72; 国办发〔2018〕118号
 * (十三)): 同意 only when every item passed; 存在问题 only when at least one did not, each with its finding;
 * 建议移送 to judicial organs only when item 7 found a suspected crime (行政处罚法 art 27, 82), to the
 * competent authority only when item 5 found the case outside the agency's powers.
 */
export function refuseReviewOutcome(event: ReviewEvent): ContentRefusal | null {
  const outcome = event.type === 'review.approve' ? 'approve' : event.type === 'review.return' ? 'return' : 'other';
  const items = refuseItemsAgainstOutcome(ReviewItemKeys, outcome, event.items);
  if (items) return inconsistent(items.reason, items.detail, items.fields);
  if (event.type === 'review.refer') return refuseReferral(event.target, event.items);
  return null;
}

const inconsistent = (reason: ContentReason, detail: string, fields: string[]): ContentRefusal => ({
  code: 'review_outcome_inconsistent',
  reason,
  detail,
  fields,
});

function refuseReferral(target: 'judicial' | 'competent_authority', items: ReviewItems): ContentRefusal | null {
  if (target === 'judicial' && items.crimeTransfer.passed) {
    const detail = 'A referral to judicial organs (移送司法机关) needs item 7 (是否涉嫌犯罪) found: suspected crime.';
    return inconsistent('referral_needs_crime_finding', detail, ['target', 'items.crimeTransfer']);
  }
  if (target === 'competent_authority' && items.withinPowers.passed) {
    const detail = 'A referral to the competent authority (移送有权机关) needs item 5 (是否超越法定权限) not passed.';
    return inconsistent('referral_needs_powers_finding', detail, ['target', 'items.withinPowers']);
  }
  return null;
}

/** Content refusal of any event (422), or null: the one place the service asks why content is refused. */
export function refuseContent(
  context: CaseContext,
  event: CaseEvent,
): ContentRefusal | DecisionContentRefusal | TransferContentRefusal | null {
  switch (event.type) {
    case 'transfer.report':
    case 'transfer.answer':
    case 'transfer.handover':
      return refuseTransferContent(context, event);
    case 'review.approve':
    case 'review.return':
    case 'review.refer':
      return refuseReviewOutcome(event);
    case 'decision.issue':
      return refuseDecisionOutcome(context, resolveOutcome(context, event.outcome)) ?? refusePartyContent(context, event);
    case 'discussion.record':
      return refuseDiscussion(context, event);
    default:
      return refusePartyContent(context, event) ?? refuseMissingAvRecord(event);
  }
}

/** The draft hash the event names equals the current draft's (no stale or forged hash). */
export function isDraftHashCurrent(context: CaseContext, draftHash: string): boolean {
  return draftHash === context.draft.hash;
}

/**
 * The core promise (seed §9(3)): a major case may be decided only on the draft that the latest review
 * approved (or referred for transfer), and only while that draft is still the current one.
 */
export function isApprovedDraftCurrent(context: CaseContext, draftHash: string): boolean {
  return isApprovedDraftBound(context.review, context.draft.hash, draftHash, ['approved', 'referred']);
}

/** Collective discussion (集体讨论) held on the current draft wherever the catalog requires it. */
export function isDiscussionHeldWhenRequired(context: CaseContext): boolean {
  if (!context.major.discussionRequired) return true;
  return context.discussion !== null && context.discussion.draftHash === context.draft.hash;
}

/** The decision agrees with the review and the draft (see `refuseDecisionOutcome`: no 以罚代刑). */
export function isOutcomeConsistentWithReview(context: CaseContext, outcome: DecisionOutcome): boolean {
  return refuseDecisionOutcome(context, outcome) === null;
}

/** Every duty after the decision is done: served, published where required, filed where required. */
export function areDutiesDone(context: CaseContext): boolean {
  const d = context.duties;
  // A snapshot from before `serviceRequired` existed always owed service.
  return (
    (d.serviceRequired === false || d.servedAt !== null) &&
    (!d.publicationRequired || d.publishedAt !== null) &&
    (!d.filingRequired || d.filedAt !== null)
  );
}

/** The outcome a decision takes: as sent, or transfer after a referral, or what the draft proposed. */
export function resolveOutcome(context: CaseContext, outcome: string | undefined): DecisionOutcome {
  const sent = DecisionOutcomeSchema.safeParse(outcome);
  if (sent.success) return sent.data;
  if (context.review?.outcome === 'referred') return 'transfer';
  return proposedOutcome(context);
}

/** Whether the decision period may still be extended: once, before the decision, on an open case (交通 art 78). */
export function isDecisionExtensible(context: CaseContext): boolean {
  return context.endedAt === null && context.decision === null && (context.decisionExtension ?? null) === null;
}
