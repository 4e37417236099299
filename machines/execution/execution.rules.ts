// Who may send what on an execution (行政强制执行) case, as pure functions of (context, event) (HTTP 403), and the
// duties that decide 备案 and closing. The machine's guards and the service's answers both call these.
import type { Actor, Role } from '../case/case.events.js';
import { refuseReviewerOf, type ReviewerRefusal } from '../review/review-rules.js';
import type { ExecutionContext } from './execution.context.js';
import type { ExecutionEvent, ExecutionEventType } from './execution.events.js';

/** Which roles may ever send each event (行政强制法 arts 35–58; seed §22 for 备案). */
export const executionEventRoles: Record<ExecutionEventType, readonly Role[]> = {
  'draft.revise': ['handler'],
  'notice.serve': ['handler'],
  'statement.record': ['handler'],
  'review.submit': ['handler'],
  'review.assign': ['reviewer', 'head'],
  'review.approve': ['reviewer'],
  'review.return': ['reviewer'],
  // art 37 ¶1: the agency decides in writing (its 负责人); art 39–40: 中止、终结 are the agency's decisions too.
  'decision.issue': ['head'],
  'substitute.remind': ['handler'],
  'execution.carry': ['handler'],
  'court.rule': ['handler'],
  'execution.suspend': ['head'],
  'execution.resume': ['head'],
  'execution.terminate': ['head'],
  'duty.performed': ['handler'],
  'filing.submit': ['clerk'],
  'case.close': ['clerk', 'head'],
  'case.withdraw': ['head', 'handler'],
};

/** A refusal of the person (HTTP 403): the same codes as the other kinds'. */
export interface ExecutionRefusal {
  code: 'wrong_role' | 'not_handler' | 'no_certificate' | 'self_assignment_only' | 'reviewer_may_not_decide' | ReviewerRefusal['code'];
  detail: string;
}

const handlerEvents = new Set<ExecutionEventType>([
  'draft.revise',
  'notice.serve',
  'statement.record',
  'review.submit',
  'substitute.remind',
  'execution.carry',
  'court.rule',
  'duty.performed',
]);
const headActs = new Set<ExecutionEventType>(['decision.issue', 'execution.suspend', 'execution.resume', 'execution.terminate']);

/** True when one of the actor's roles may send this event type at all. */
export function hasExecutionRoleFor(actor: Actor, type: ExecutionEventType): boolean {
  return actor.roles.some((role) => executionEventRoles[type].includes(role));
}

/** The role the actor acts in for this event, for the record. */
export function executionActingRole(actor: Actor, type: ExecutionEventType): Role | null {
  return actor.roles.find((role) => executionEventRoles[type].includes(role)) ?? null;
}

/** Who may open an execution case: a handler with a valid 执法证. */
export function refuseExecutionOpening(actor: Actor): ExecutionRefusal | null {
  if (!actor.roles.includes('handler')) return { code: 'wrong_role', detail: 'Only handlers (承办人) open cases.' };
  if (!actor.certified) return { code: 'no_certificate', detail: 'A valid enforcement certificate (执法证) is required.' };
  return null;
}

/** Case-level refusal of the person: role, handler, certificate, separation of handling, review and decision. */
export function refuseExecutionActor(context: ExecutionContext, event: ExecutionEvent): ExecutionRefusal | null {
  const { actor, type } = event;
  if (!hasExecutionRoleFor(actor, type)) {
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

/** 备案 is due: the decision is made, the catalog files it, and it is not filed yet (seed §22). */
export function isExecutionFilingDue(context: ExecutionContext): boolean {
  return context.decision !== null && context.duties.filingRequired && context.duties.filedAt === null && context.endedAt === null;
}

/** Every duty done: the execution concluded, and a major decision filed (a case ended before any decision files none). */
export function areExecutionDutiesDone(context: ExecutionContext): boolean {
  const filed = !context.duties.filingRequired || context.decision === null || context.duties.filedAt !== null;
  return context.conclusion !== null && filed;
}
