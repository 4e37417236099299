// What a 行政强制执行 case looks like to one caller: state, draft, classification, 催告 and statements, review,
// decision, execution and its clocks, and the events that caller may send now (asked of the machine with probes).
import type { Actor } from '../../machines/case/case.events.js';
import type { ExecutionSnapshot } from '../../machines/execution/execution.machine.js';
import type { ExecutionDraft } from '../../machines/execution/execution.draft.js';
import { executionEventTypes, type ExecutionEventType } from '../../machines/execution/execution.events.js';
import { hasExecutionRoleFor, refuseExecutionActor } from '../../machines/execution/execution.rules.js';
import type { CaseRow } from '../../db/cases/case-store.js';
import { kindAllowedEvents, kindViewHead, kindViewTail } from '../kinds/kind-view.js';
import { executionProbe } from './execution-probes.js';
import type { ExecutionClock } from './execution-clocks.js';

/** Event types `actor` may send now: permitted for this person on this case, and enabled in this state. */
export function executionAllowedEvents(snapshot: ExecutionSnapshot, actor: Actor, draft: ExecutionDraft, at: string): ExecutionEventType[] {
  const rules = {
    eventTypes: executionEventTypes,
    hasRoleFor: hasExecutionRoleFor,
    probe: executionProbe,
    refuseActor: refuseExecutionActor,
  };
  return kindAllowedEvents(rules, snapshot, actor, draft, at);
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
    ...kindViewHead('execution' as const, row, snapshot, draft, executionAllowedEvents(snapshot, actor, draft, at)),
    duty: c.duty,
    notice: c.notice,
    statements: c.statements,
    reminder: c.reminder,
    suspension: c.suspension,
    conclusion: c.conclusion,
    ...kindViewTail(row, c, clocks),
  };
}
export type ExecutionView = ReturnType<typeof toExecutionView>;
