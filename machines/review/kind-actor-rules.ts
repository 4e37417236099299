// Who may act on a case of a decision kind that shares the review sub-flow (查封扣押, 强制执行, 许可 撤销/撤回): the
// role table, the case handler's own steps, the separation of handling, review and decision. Each kind passes its
// tables; the rules themselves live here once. Pure functions of (context, event).
import type { Actor, Role } from '../case/case.events.js';
import { refuseReviewerOf, type ReviewerRefusal } from './review-rules.js';

/** A refusal of the person (HTTP 403): the same codes as the penalty case's. */
export interface KindActorRefusal {
  code: 'wrong_role' | 'not_handler' | 'no_certificate' | 'self_assignment_only' | 'reviewer_may_not_decide' | ReviewerRefusal['code'];
  detail: string;
}

/** What differs between kinds: who may send each event, the handler's own steps, the head's acts a handler may not do. */
export interface KindActorTables<T extends string> {
  roles: Record<T, readonly Role[]>;
  handlerEvents: ReadonlySet<T>;
  headActs: ReadonlySet<T>;
  /** The sentence of the refusal when the handler attempts a head's act on their own case. */
  selfActDetail: string;
}

/** The case fields the person rules read. */
export interface KindActorScope {
  handlerId: string;
  reviewerId: string | null;
  reviewers: readonly string[];
  recusals: readonly string[];
}

/** The event fields the person rules read (`assignee` on `review.assign`). */
export type KindActorEvent<T extends string> = {
  type: T;
  actor: Actor;
  assignee?: { id: string; qualified: boolean };
};

/** True when one of the actor's roles may send this event type at all. */
export const hasKindRoleFor = <T extends string>(roles: Record<T, readonly Role[]>, actor: Actor, type: T): boolean =>
  actor.roles.some((role) => roles[type].includes(role));

/** The role the actor acts in for this event, for the record. */
export const kindActingRole = <T extends string>(roles: Record<T, readonly Role[]>, actor: Actor, type: T): Role | null =>
  actor.roles.find((role) => roles[type].includes(role)) ?? null;

/** Who may open a case of these kinds: a handler with a valid 执法证. */
export function refuseKindOpening(actor: Actor): KindActorRefusal | null {
  if (!actor.roles.includes('handler')) return { code: 'wrong_role', detail: 'Only handlers (承办人) open cases.' };
  if (!actor.certified) return { code: 'no_certificate', detail: 'A valid enforcement certificate (执法证) is required.' };
  return null;
}

/** Case-level refusal of the person: role, handler, certificate, separation of handling, review and decision. */
export function refuseKindActor<T extends string>(
  tables: KindActorTables<T>,
  context: KindActorScope,
  event: KindActorEvent<T>,
): KindActorRefusal | null {
  const { actor, type } = event;
  if (!hasKindRoleFor(tables.roles, actor, type)) {
    return { code: 'wrong_role', detail: `Role(s) ${actor.roles.join(', ') || 'none'} may not send ${type}.` };
  }
  if (tables.handlerEvents.has(type) && actor.id !== context.handlerId)
    return { code: 'not_handler', detail: 'Only the case handler (承办人) may do this.' };
  if (tables.handlerEvents.has(type) && !actor.certified)
    return { code: 'no_certificate', detail: 'A valid enforcement certificate (执法证) is required.' };
  if (type === 'review.approve' || type === 'review.return') return refuseReviewerOf(context, actor, context.reviewerId);
  if (type === 'review.assign' && event.assignee) {
    if (!actor.roles.includes('head') && event.assignee.id !== actor.id) {
      return { code: 'self_assignment_only', detail: 'A reviewer may only claim a case for themself.' };
    }
    return refuseReviewerOf(context, event.assignee, null);
  }
  if (type === 'case.withdraw' && !actor.roles.includes('head') && actor.id !== context.handlerId) {
    return { code: 'not_handler', detail: 'Only the case handler (承办人) or a head (负责人) may withdraw this case.' };
  }
  if (tables.headActs.has(type) && actor.id === context.handlerId) return { code: 'self_review', detail: tables.selfActDetail };
  if (type === 'decision.issue' && context.reviewers.includes(actor.id)) {
    return { code: 'reviewer_may_not_decide', detail: 'You gave a review opinion on this case, so you may not decide it.' };
  }
  return null;
}
