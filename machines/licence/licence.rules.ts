// The rules of a 行政许可 (撤销 / 撤回) case as pure functions of (context, event): who may send what (403) and
// what content the law allows (422). The machine's guards and the service's answers both call these.
import type { Actor, Role } from '../case/case.events.js';
import { chinaDay } from '../case/legal-dates.js';
import { refuseItemsAgainstOutcome, type ItemsReason } from '../review/review-items.js';
import { refuseReviewerOf, type ReviewerRefusal } from '../review/review-rules.js';
import type { LicenceContext } from './licence.context.js';
import { refuseLicenceDraft, type LicenceDraftRefusal } from './licence.draft-rules.js';
import { LicenceReviewItemKeys, type LicenceEvent, type LicenceEventType } from './licence.events.js';

/** Which roles may ever send each event (行政许可法 arts 7, 36, 69; seed §22 for 备案). */
export const licenceEventRoles: Record<LicenceEventType, readonly Role[]> = {
  'draft.revise': ['handler'],
  'notice.serve': ['handler'],
  'statement.record': ['handler'],
  'hearing.close': ['handler'],
  'review.submit': ['handler'],
  'review.assign': ['reviewer', 'head'],
  'review.approve': ['reviewer'],
  'review.return': ['reviewer'],
  // art 69 ¶1: 作出行政许可决定的行政机关 decides; its 负责人 signs (118号 (十四)).
  'decision.issue': ['head'],
  'service.record': ['clerk'],
  'publication.record': ['clerk'],
  'filing.submit': ['clerk'],
  'case.close': ['clerk', 'head'],
  'case.withdraw': ['head', 'handler'],
};

/** A refusal of the person (HTTP 403): the same codes as the other kinds'. */
export interface LicenceRefusal {
  code: 'wrong_role' | 'not_handler' | 'no_certificate' | 'self_assignment_only' | 'reviewer_may_not_decide' | ReviewerRefusal['code'];
  detail: string;
}

const handlerEvents = new Set<LicenceEventType>(['draft.revise', 'notice.serve', 'statement.record', 'hearing.close', 'review.submit']);

/** True when one of the actor's roles may send this event type at all. */
export function hasLicenceRoleFor(actor: Actor, type: LicenceEventType): boolean {
  return actor.roles.some((role) => licenceEventRoles[type].includes(role));
}

/** The role the actor acts in for this event, for the record. */
export function licenceActingRole(actor: Actor, type: LicenceEventType): Role | null {
  return actor.roles.find((role) => licenceEventRoles[type].includes(role)) ?? null;
}

/** Who may open a licence case: a handler with a valid 执法证. */
export function refuseLicenceOpening(actor: Actor): LicenceRefusal | null {
  if (!actor.roles.includes('handler')) return { code: 'wrong_role', detail: 'Only handlers (承办人) open cases.' };
  if (!actor.certified) return { code: 'no_certificate', detail: 'A valid enforcement certificate (执法证) is required.' };
  return null;
}

/** Case-level refusal of the person: role, handler, certificate, separation of handling, review and decision. */
export function refuseLicenceActor(context: LicenceContext, event: LicenceEvent): LicenceRefusal | null {
  const { actor, type } = event;
  if (!hasLicenceRoleFor(actor, type)) {
    return { code: 'wrong_role', detail: `Role(s) ${actor.roles.join(', ') || 'none'} may not send ${type}.` };
  }
  if (handlerEvents.has(type) && actor.id !== context.handlerId)
    return { code: 'not_handler', detail: 'Only the case handler (承办人) may do this.' };
  if (handlerEvents.has(type) && !actor.certified)
    return { code: 'no_certificate', detail: 'A valid enforcement certificate (执法证) is required.' };
  if (event.type === 'review.approve' || event.type === 'review.return') return refuseReviewerOf(context, actor, context.reviewerId);
  if (event.type === 'review.assign') {
    if (!actor.roles.includes('head') && event.assignee.id !== actor.id) {
      return { code: 'self_assignment_only', detail: 'A reviewer may only claim a case for themself.' };
    }
    return refuseReviewerOf(context, event.assignee, null);
  }
  if (type === 'case.withdraw' && !actor.roles.includes('head') && actor.id !== context.handlerId) {
    return { code: 'not_handler', detail: 'Only the case handler (承办人) or a head (负责人) may withdraw this case.' };
  }
  if (type === 'decision.issue' && actor.id === context.handlerId)
    return { code: 'self_review', detail: 'The handler of a case may not decide their own case.' };
  if (type === 'decision.issue' && context.reviewers.includes(actor.id)) {
    return { code: 'reviewer_may_not_decide', detail: 'You gave a review opinion on this case, so you may not decide it.' };
  }
  return null;
}

/** A refusal of content (HTTP 422), with the fields at fault. */
export interface LicenceContentRefusal {
  code: LicenceDraftRefusal['code'] | 'review_outcome_inconsistent' | 'legal_date_invalid' | 'licence_statements_pending';
  reason: LicenceDraftRefusal['reason'] | ItemsReason | 'date_in_future' | 'date_before_prior' | 'statements_period_running';
  detail: string;
  fields: string[];
}

/** A legal date is not after the day it is entered, and not before the date it follows. */
function refuseDate(field: string, date: string, at: string, notBefore: string | null): LicenceContentRefusal | null {
  const code = 'legal_date_invalid' as const;
  if (date > chinaDay(at)) return { code, reason: 'date_in_future', detail: `${field} ${date} is after today.`, fields: [field] };
  if (notBefore !== null && date < notBefore)
    return { code, reason: 'date_before_prior', detail: `${field} ${date} is before ${notBefore}.`, fields: [field] };
  return null;
}

/** arts 7, 36: the hearing closes once a statement (or a waiver) is recorded, or the period for statements is over. */
function refuseHearingClose(context: LicenceContext, at: string): LicenceContentRefusal | null {
  const h = context.hearing;
  if (!h || h.statements.length > 0 || chinaDay(at) > h.statementsDueOn) return null;
  const detail = `The licensee may still 陈述、申辩 until ${h.statementsDueOn} (行政许可法 arts 7, 36); record a statement or waiver, or wait.`;
  return { code: 'licence_statements_pending', reason: 'statements_period_running', detail, fields: [] };
}

/** Content refusal of any event (422), or null: the one place the service asks why content is refused. */
export function refuseLicenceContent(context: LicenceContext, event: LicenceEvent): LicenceContentRefusal | null {
  const decidedOn = context.decision?.decidedOn ?? null;
  switch (event.type) {
    case 'draft.revise':
      return refuseLicenceDraft(event.draft, context.hearing);
    case 'notice.serve':
      return refuseDate('servedOn', event.servedOn, event.at, context.openedOn);
    case 'statement.record':
      return refuseDate('receivedOn', event.receivedOn, event.at, context.hearing?.servedOn ?? null);
    case 'hearing.close':
      return refuseHearingClose(context, event.at);
    case 'review.approve':
    case 'review.return': {
      const items = refuseItemsAgainstOutcome(LicenceReviewItemKeys, event.type === 'review.approve' ? 'approve' : 'return', event.items);
      return items ? { code: 'review_outcome_inconsistent', ...items } : null;
    }
    case 'decision.issue':
      return refuseDate('decidedOn', event.decidedOn, event.at, context.hearing?.servedOn ?? context.openedOn);
    case 'service.record':
      return refuseDate('servedOn', event.servedOn, event.at, decidedOn);
    case 'publication.record':
      return refuseDate('publishedOn', event.publishedOn, event.at, decidedOn);
    case 'filing.submit':
      return refuseDate('filedOn', event.filedOn, event.at, decidedOn);
    default:
      return null;
  }
}

/** 公示 is owed for a decision that changes the licence (撤销, 撤回; 118号 (六) 双公示), not for a 不予撤销. */
export const isPublicationOwed = (context: LicenceContext): boolean =>
  context.decision !== null && context.decision.outcome !== 'licence_notRevoke';

/** 备案 is due: the decision is made, the catalog files it, and it is not filed yet (seed §22). */
export function isFilingDue(context: LicenceContext): boolean {
  return context.decision !== null && context.duties.filingRequired && context.duties.filedAt === null && context.endedAt === null;
}

/** Every duty done: served, published where owed, and filed where filing is required. */
export function areLicenceDutiesDone(context: LicenceContext): boolean {
  const d = context.duties;
  return d.servedOn !== null && (!isPublicationOwed(context) || d.publishedOn !== null) && (!d.filingRequired || d.filedAt !== null);
}
