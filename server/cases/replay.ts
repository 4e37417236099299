// Event sourcing made checkable: rebuilds a case's snapshot from its accepted record entries alone.
// The stored snapshot is a cache of this fold; audits and tests compare the two.
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { caseMachine } from '../../machines/case/case.machine.js';
import type { CaseEvent } from '../../machines/case/case.events.js';
import type { DraftContent } from '../../machines/case/draft.schema.js';
import type { MajorCatalog } from '../../machines/case/major-catalog.js';
import type { CaseProcedure } from '../../machines/case/case.context.js';

/** One accepted record entry, as the store returns it. */
export interface ReplayEntry {
  type: string;
  payload: unknown;
  actorId: string;
  at: string;
  caseId?: string;
}

/** Folds the accepted entries of one case (oldest first, starting with `case.open`) into a snapshot. */
export function replayCase(caseId: string, entries: ReplayEntry[], machine = caseMachine): AnyMachineSnapshot {
  const [first, ...rest] = entries;
  if (first?.type !== 'case.open') throw new Error(`case ${caseId}: the record does not start with case.open`);
  const opening = first.payload as { draft: DraftContent; catalog: MajorCatalog; procedure?: CaseProcedure; openedOn?: string };
  let [snapshot] = initialTransition(machine, {
    caseId,
    handlerId: first.actorId,
    draft: opening.draft,
    catalog: opening.catalog,
    at: first.at,
    ...(opening.openedOn ? { openedOn: opening.openedOn } : {}),
    ...(opening.procedure ? { procedure: opening.procedure } : {}),
  });
  for (const entry of rest) {
    const event = { ...(entry.payload as object), at: entry.at } as CaseEvent;
    if (!snapshot.can(event)) throw new Error(`case ${caseId}: recorded ${entry.type} at ${entry.at} is not accepted on replay`);
    [snapshot] = transition(machine, snapshot, event);
  }
  return snapshot;
}
