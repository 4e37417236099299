// The rules of a 查封、扣押 case as pure functions of (context, event): who may send what (403) and what content
// the law allows (422). The machine's guards and the service's answers both call these: one home per rule.
import type { Actor, Role } from '../case/case.events.js';
import { chinaDay } from '../case/legal-dates.js';
import { refuseItemsAgainstOutcome, type ItemsReason } from '../review/review-items.js';
import type { ReviewerRefusal } from '../review/review-rules.js';
import {
  hasKindRoleFor,
  kindActingRole,
  refuseKindActor,
  refuseKindOpening,
  type KindActorEvent,
  type KindActorTables,
} from '../review/kind-actor-rules.js';
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

/** Who may act on this kind, as the shared person rules read it (machines/review/kind-actor-rules.ts). */
const actorTables: KindActorTables<CoercionEventType> = {
  roles: coercionEventRoles,
  handlerEvents,
  headActs: new Set<CoercionEventType>(['decision.issue', 'measure.extend', 'measure.conclude']),
  selfActDetail: 'The handler of a case may not approve this for their own case.',
};

/** True when one of the actor's roles may send this event type at all. */
export const hasCoercionRoleFor = (actor: Actor, type: CoercionEventType): boolean => hasKindRoleFor(coercionEventRoles, actor, type);

/** The role the actor acts in for this event, for the record. */
export const coercionActingRole = (actor: Actor, type: CoercionEventType): Role | null => kindActingRole(coercionEventRoles, actor, type);

/** Who may open a case of this kind: a handler with a valid 执法证. */
export const refuseCoercionOpening = (actor: Actor): CoercionRefusal | null => refuseKindOpening(actor);

/** Case-level refusal of the person: role, handler, certificate, separation of handling, review and decision. */
export const refuseCoercionActor = (context: CoercionContext, event: CoercionEvent): CoercionRefusal | null =>
  refuseKindActor(actorTables, context, event as KindActorEvent<CoercionEventType>);

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
