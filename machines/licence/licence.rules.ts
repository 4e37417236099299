// The rules of a 行政许可 (撤销 / 撤回) case as pure functions of (context, event): who may send what (403) and
// what content the law allows (422). The machine's guards and the service's answers both call these.
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

/** Who may act on this kind, as the shared person rules read it (machines/review/kind-actor-rules.ts). */
const actorTables: KindActorTables<LicenceEventType> = {
  roles: licenceEventRoles,
  handlerEvents,
  headActs: new Set<LicenceEventType>(['decision.issue']),
  selfActDetail: 'The handler of a case may not decide their own case.',
};

/** True when one of the actor's roles may send this event type at all. */
export const hasLicenceRoleFor = (actor: Actor, type: LicenceEventType): boolean => hasKindRoleFor(licenceEventRoles, actor, type);

/** The role the actor acts in for this event, for the record. */
export const licenceActingRole = (actor: Actor, type: LicenceEventType): Role | null => kindActingRole(licenceEventRoles, actor, type);

/** Who may open a case of this kind: a handler with a valid 执法证. */
export const refuseLicenceOpening = (actor: Actor): LicenceRefusal | null => refuseKindOpening(actor);

/** Case-level refusal of the person: role, handler, certificate, separation of handling, review and decision. */
export const refuseLicenceActor = (context: LicenceContext, event: LicenceEvent): LicenceRefusal | null =>
  refuseKindActor(actorTables, context, event as KindActorEvent<LicenceEventType>);

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
