// Who may send what on an execution (行政强制执行) case, as pure functions of (context, event) (HTTP 403), and the
// duties that decide 备案 and closing. The machine's guards and the service's answers both call these.
import type { Actor, Role } from '../case/case.events.js';
import type { ReviewerRefusal } from '../review/review-rules.js';
import {
  hasKindRoleFor,
  kindActingRole,
  refuseKindActor,
  refuseKindOpening,
  type KindActorEvent,
  type KindActorTables,
} from '../review/kind-actor-rules.js';
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

/** Who may act on this kind, as the shared person rules read it (machines/review/kind-actor-rules.ts). */
const actorTables: KindActorTables<ExecutionEventType> = {
  roles: executionEventRoles,
  handlerEvents,
  headActs: new Set<ExecutionEventType>(['decision.issue', 'execution.suspend', 'execution.resume', 'execution.terminate']),
  selfActDetail: 'The handler of a case may not approve this for their own case.',
};

/** True when one of the actor's roles may send this event type at all. */
export const hasExecutionRoleFor = (actor: Actor, type: ExecutionEventType): boolean => hasKindRoleFor(executionEventRoles, actor, type);

/** The role the actor acts in for this event, for the record. */
export const executionActingRole = (actor: Actor, type: ExecutionEventType): Role | null =>
  kindActingRole(executionEventRoles, actor, type);

/** Who may open a case of this kind: a handler with a valid 执法证. */
export const refuseExecutionOpening = (actor: Actor): ExecutionRefusal | null => refuseKindOpening(actor);

/** Case-level refusal of the person: role, handler, certificate, separation of handling, review and decision. */
export const refuseExecutionActor = (context: ExecutionContext, event: ExecutionEvent): ExecutionRefusal | null =>
  refuseKindActor(actorTables, context, event as KindActorEvent<ExecutionEventType>);

/** 备案 is due: the decision is made, the catalog files it, and it is not filed yet (seed §22). */
export function isExecutionFilingDue(context: ExecutionContext): boolean {
  return context.decision !== null && context.duties.filingRequired && context.duties.filedAt === null && context.endedAt === null;
}

/** Every duty done: the execution concluded, and a major decision filed (a case ended before any decision files none). */
export function areExecutionDutiesDone(context: ExecutionContext): boolean {
  const filed = !context.duties.filingRequired || context.decision === null || context.duties.filedAt !== null;
  return context.conclusion !== null && filed;
}
