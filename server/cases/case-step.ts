// The two pure steps behind every change: the next machine snapshot, and the `cases` row that stores it.
// Neither touches the database; the case service persists what they return.
import { createActor, type AnyMachineSnapshot } from 'xstate';
import { caseMachine, caseMachineVersion, type CaseInput } from '../../machines/case/case.machine.js';
import type { CaseContext } from '../../machines/case/case.context.js';
import type { CaseEvent } from '../../machines/case/case.events.js';
import type { DraftContent } from '../../machines/case/draft.schema.js';
import type { CaseRow } from '../../db/cases/case-store.js';
import { topState } from './case-view.js';

/** The `cases` row after a transition. */
export function nextCaseRow(
  prev: CaseRow | null,
  after: AnyMachineSnapshot,
  draft: DraftContent,
  at: string,
  init?: { id: string; handlerId: string },
): CaseRow {
  const c = after.context as CaseContext;
  return {
    id: prev?.id ?? init!.id,
    title: draft.title,
    status: topState(after.value),
    snapshot: { value: after.value, context: after.context as Record<string, unknown>, status: after.status },
    machineId: caseMachine.id,
    machineVersion: caseMachineVersion,
    version: (prev?.version ?? 0) + 1,
    handlerId: prev?.handlerId ?? init!.handlerId,
    reviewerId: c.reviewerId,
    isMajor: c.major.isMajor,
    draftHash: c.draft.hash,
    createdAt: prev?.createdAt ?? at,
    updatedAt: at,
  };
}

/**
 * Pure first and next snapshots, as xstate's `initialTransition()` and `transition()` compute them, without
 * their per-call throwaway actor (whose construction runs the context factory with no input): ~70 µs saved
 * per event. Safe because the case machine has no delays, children or emitted actions; assigns still apply.
 */
export function pureTransition(machine: typeof caseMachine) {
  const self = createActor(machine, { input: undefined as never });
  const scope = {
    self,
    defer: () => {},
    id: '',
    logger: () => {},
    sessionId: '',
    stopChild: () => {},
    system: self.system,
    emit: () => {},
    actionExecutor: () => {},
  };
  return {
    next: (snapshot: AnyMachineSnapshot, event: CaseEvent) =>
      machine.transition(snapshot as never, event, scope as never) as AnyMachineSnapshot,
    initial: (input: CaseInput) => machine.getInitialSnapshot(scope as never, input) as AnyMachineSnapshot,
  };
}
