// The rules of a 查封、扣押 case as pure functions of (context, event): who may send what (403) and what content
// the law allows (422). The machine's guards and the service's answers both call these: one home per rule.
import type { Actor, Role } from '../case/case.events.js';
import { chinaDay } from '../case/legal-dates.js';
import { refuseItemsAgainstOutcome, type ItemsReason } from '../review/review-items.js';
import { refuseReviewerOf, type ReviewerRefusal } from '../review/review-rules.js';
import type { CoercionContext } from './coercion.context.js';
import type { CoercionDraft } from './coercion.draft.js';
import { CoercionReviewItemKeys, type CoercionEvent, type CoercionEventType } from './coercion.events.js';

/** Which roles may ever send each event (行政强制法 arts 18, 24–28; seed §22 for 备案). */
export const coercionEventRoles: Record<CoercionEventType, readonly Role[]> = {
  'draft.revise': ['handler'],
  'review.submit': ['handler'],
  'review.assign': ['reviewer', 'head'],
  'review.approve': ['reviewer'],
  'review.return': ['reviewer'],
  // art 18(1): 实施前须向行政机关负责人报告并经批准; art 25 ¶1: the extension; arts 27–28: the 处理决定 and 解除.
  'decision.issue': ['head'],
  'measure.extend': ['head'],
  'measure.conclude': ['head'],
  'filing.submit': ['clerk'],
  'case.close': ['clerk', 'head'],
  'case.withdraw': ['head', 'handler'],
  // The scheduler's reminder of a durable clock (server/deadlines/scheduler.ts).
  'deadline.notify': ['system'],
};

/** A refusal of the person (HTTP 403): the same codes as the penalty case's. */
export interface CoercionRefusal {
  code: 'wrong_role' | 'not_handler' | 'no_certificate' | 'self_assignment_only' | 'reviewer_may_not_decide' | ReviewerRefusal['code'];
  detail: string;
}

const handlerEvents = new Set<CoercionEventType>(['draft.revise', 'review.submit']);
const headActs = new Set<CoercionEventType>(['decision.issue', 'measure.extend', 'measure.conclude']);

/** True when one of the actor's roles may send this event type at all. */
export function hasCoercionRoleFor(actor: Actor, type: CoercionEventType): boolean {
  return actor.roles.some((role) => coercionEventRoles[type].includes(role));
}

/** The role the actor acts in for this event, for the record. */
export function coercionActingRole(actor: Actor, type: CoercionEventType): Role | null {
  return actor.roles.find((role) => coercionEventRoles[type].includes(role)) ?? null;
}

/** Who may open a 查封扣押 case: a handler with a valid 执法证 (art 17 ¶3: 具备资格的行政执法人员). */
export function refuseCoercionOpening(actor: Actor): CoercionRefusal | null {
  if (!actor.roles.includes('handler')) return { code: 'wrong_role', detail: 'Only handlers (承办人) open cases.' };
  if (!actor.certified) return { code: 'no_certificate', detail: 'A valid enforcement certificate (执法证) is required.' };
  return null;
}

/** Case-level refusal of the person: role, handler, certificate, separation of handling, review and decision. */
export function refuseCoercionActor(context: CoercionContext, event: CoercionEvent): CoercionRefusal | null {
  const { actor, type } = event;
  if (!hasCoercionRoleFor(actor, type)) {
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
  if (headActs.has(type) && actor.id === context.handlerId)
    return { code: 'self_review', detail: 'The handler of a case may not approve this for their own case.' };
  if (type === 'decision.issue' && context.reviewers.includes(actor.id)) {
    return { code: 'reviewer_may_not_decide', detail: 'You gave a review opinion on this case, so you may not decide it.' };
  }
  return null;
}

/** A refusal of content (HTTP 422), with the fields at fault. */
export interface CoercionContentRefusal {
  code:
    | 'review_outcome_inconsistent'
    | 'legal_date_invalid'
    | 'coercion_object_excluded'
    | 'coercion_officers_too_few'
    | 'coercion_period_expired';
  reason: ItemsReason | 'date_in_future' | 'date_before_prior' | 'living_necessity' | 'officers' | 'period_over';
  detail: string;
  fields: string[];
}

/**
 * What a draft may propose: no 生活必需品 of a citizen or their dependants (art 23 ¶1), and two or more distinct
 * 行政执法人员 to carry it out (art 18(2)).
 */
export function refuseCoercionDraft(draft: CoercionDraft): CoercionContentRefusal | null {
  const excluded = draft.objects.flatMap((o, i) => (o.livingNecessity ? [`draft.objects.${i}.livingNecessity`] : []));
  if (excluded.length > 0) {
    const detail = '不得查封、扣押公民个人及其所扶养家属的生活必需品 (行政强制法 art 23 ¶1).';
    return { code: 'coercion_object_excluded', reason: 'living_necessity', detail, fields: excluded };
  }
  if (new Set(draft.officers).size < 2) {
    const detail = '查封、扣押 is carried out by two or more 行政执法人员 (行政强制法 art 18(2)); name two different officers.';
    return { code: 'coercion_officers_too_few', reason: 'officers', detail, fields: ['draft.officers'] };
  }
  return null;
}

const dateRefusal = (reason: 'date_in_future' | 'date_before_prior', field: string, detail: string): CoercionContentRefusal => ({
  code: 'legal_date_invalid',
  reason,
  detail,
  fields: [field],
});

/** A legal date is not after the day it is entered, and not before the date it follows. */
function refuseDate(field: string, date: string, at: string, notBefore: string | null): CoercionContentRefusal | null {
  if (date > chinaDay(at)) return dateRefusal('date_in_future', field, `${field} ${date} is after today.`);
  if (notBefore !== null && date < notBefore) return dateRefusal('date_before_prior', field, `${field} ${date} is before ${notBefore}.`);
  return null;
}

/** The last day of the measure as it stands (with its extension). */
export function periodEndOf(context: CoercionContext): string | null {
  return context.period?.extension?.endsOn ?? context.period?.endsOn ?? null;
}

/** art 25 ¶1–2: the extension is decided and told to the party within the period it extends. */
function refuseExtension(
  context: CoercionContext,
  event: Extract<CoercionEvent, { type: 'measure.extend' }>,
): CoercionContentRefusal | null {
  const endsOn = context.period?.endsOn ?? null;
  const dated = refuseDate('noticeServedOn', event.noticeServedOn, event.at, context.period?.implementedOn ?? null);
  if (dated) return dated;
  if (endsOn !== null && (chinaDay(event.at) > endsOn || event.noticeServedOn > endsOn)) {
    const detail = `The 查封扣押 period ended on ${endsOn}; it can be extended only within it (行政强制法 art 25).`;
    return { code: 'coercion_period_expired', reason: 'period_over', detail, fields: ['noticeServedOn'] };
  }
  return null;
}

/** Content refusal of any event (422), or null: the one place the service asks why content is refused. */
export function refuseCoercionContent(context: CoercionContext, event: CoercionEvent): CoercionContentRefusal | null {
  switch (event.type) {
    case 'draft.revise':
      return refuseCoercionDraft(event.draft);
    case 'review.approve':
    case 'review.return': {
      const items = refuseItemsAgainstOutcome(CoercionReviewItemKeys, event.type === 'review.approve' ? 'approve' : 'return', event.items);
      return items ? { code: 'review_outcome_inconsistent', ...items } : null;
    }
    case 'decision.issue':
      return (
        refuseDate('decidedOn', event.decidedOn, event.at, context.openedOn) ??
        refuseDate('implementedOn', event.implementedOn, event.at, event.decidedOn)
      );
    case 'measure.extend':
      return refuseExtension(context, event);
    case 'measure.conclude':
      return refuseDate('concludedOn', event.concludedOn, event.at, context.period?.implementedOn ?? null);
    case 'filing.submit':
      return refuseDate('filedOn', event.filedOn, event.at, context.decision?.decidedOn ?? null);
    default:
      return null;
  }
}

/** 备案 is due: the decision is made, the catalog files it, and it is not filed yet (seed §22). */
export function isFilingDue(context: CoercionContext): boolean {
  return context.decision !== null && context.duties.filingRequired && context.duties.filedAt === null && context.endedAt === null;
}

/** Every duty done: the measure concluded, and filed where filing is required. */
export function areCoercionDutiesDone(context: CoercionContext): boolean {
  return context.conclusion !== null && (!context.duties.filingRequired || context.duties.filedAt !== null);
}
