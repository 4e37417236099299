// What a 行政强制执行 case looks like to one caller: state, draft, classification, 催告 and statements, review,
// decision, execution and its clocks, and the events that caller may send now (asked of the machine with probes).
import type { Actor } from '../../machines/case/case.events.js';
import type { ExecutionSnapshot } from '../../machines/execution/execution.machine.js';
import type { ExecutionDraft } from '../../machines/execution/execution.draft.js';
import { executionEventTypes, type ExecutionEventType } from '../../machines/execution/execution.events.js';
import { hasExecutionRoleFor, refuseExecutionActor } from '../../machines/execution/execution.rules.js';
import type { CaseRow } from '../../db/cases/case-store.js';
import { topState } from '../cases/case-view.js';
import { executionProbe } from './execution-probes.js';
import type { ExecutionClock } from './execution-clocks.js';

/** Event types `actor` may send now: permitted for this person on this case, and enabled in this state. */
export function executionAllowedEvents(snapshot: ExecutionSnapshot, actor: Actor, draft: ExecutionDraft, at: string): ExecutionEventType[] {
  if (snapshot.status !== 'active') return [];
  return executionEventTypes.filter((type) => {
    if (!hasExecutionRoleFor(actor, type)) return false;
    const probe = executionProbe(type, actor, snapshot, draft, at);
    return refuseExecutionActor(snapshot.context, probe) === null && snapshot.can(probe);
  });
}

/** The API shape of an execution case for `actor`, with its clocks. */
export function toExecutionView(
  row: CaseRow,
  snapshot: ExecutionSnapshot,
  draft: ExecutionDraft,
  actor: Actor,
  at: string,
  clocks: ExecutionClock[],
) {
  const c = snapshot.context;
  return {
    id: row.id,
    kind: 'execution' as const,
    machine: { kind: row.machineId, version: row.machineVersion },
    title: draft.title,
    state: topState(snapshot.value),
    stateValue: snapshot.value as unknown,
    version: row.version,
    major: c.major,
    draft: { version: c.draft.version, hash: c.draft.hash, ...draft },
    allowedEvents: executionAllowedEvents(snapshot, actor, draft, at),
    handlerId: c.handlerId,
    reviewerId: c.reviewerId,
    attestation: c.attestation,
    review: c.review,
    reviewRounds: c.reviewRounds,
    decision: c.decision,
    duty: c.duty,
    notice: c.notice,
    statements: c.statements,
    reminder: c.reminder,
    suspension: c.suspension,
    conclusion: c.conclusion,
    duties: c.duties,
    clocks,
    /** Any clock past its last day while running, or stopped late. */
    overdue: clocks.some((k) => k.overdue),
    openedAt: c.openedAt,
    openedOn: c.openedOn,
    endedAt: c.endedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
export type ExecutionView = ReturnType<typeof toExecutionView>;
