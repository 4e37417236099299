// Event sourcing made checkable: rebuilds a case's snapshot from its accepted record entries alone, under
// the machine version its opening entry names and the versions its `machine.migrate` entries move it to.
// The stored snapshot is a cache of this fold; audits and tests compare the two.
import { initialTransition, transition, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import type { CaseEvent } from '../../machines/case/case.events.js';
import type { DraftContent } from '../../machines/case/draft.schema.js';
import type { MajorCatalog } from '../../machines/case/major-catalog.js';
import type { CaseProcedure } from '../../machines/case/case.context.js';
import { unversionedCaseVersion } from '../../machines/case/case.versions.js';
import { machineRegistry } from '../../machines/registry.js';
import { migrateSnapshot, type MachineRegistry } from '../../machines/shared/machine-versions.js';
import type { MachineRef } from './case-write.js';

/** One accepted record entry, as the store returns it. */
export interface ReplayEntry {
  type: string;
  payload: unknown;
  actorId: string;
  at: string;
  caseId?: string;
}

/** The record entry type of an explicit migration to a newer machine version. */
export const migrateEntryType = 'machine.migrate';
/** The payload of a `machine.migrate` entry. */
export interface MigratePayload {
  kind: string;
  from: number;
  to: number;
}

/** The machine a case opened under, as its `case.open` payload says (records before versions: case 6). */
export function openingMachine(payload: unknown): MachineRef {
  return (payload as { machine?: MachineRef }).machine ?? { kind: 'case', version: unversionedCaseVersion };
}

/** The machine of (kind, version) in `registry`, or an error naming the case whose record needs it. */
export function machineFor(registry: MachineRegistry, ref: MachineRef, caseId: string): AnyStateMachine {
  const machine = registry.get(ref.kind, ref.version);
  if (!machine) throw new Error(`case ${caseId} runs under ${ref.kind} version ${ref.version}, which is not deployed`);
  return machine;
}

/** Applies a recorded migration on replay; the mapping is pure, so the record alone gives the same answer. */
export function replayMigration(registry: MachineRegistry, caseId: string, snapshot: AnyMachineSnapshot, payload: unknown) {
  const { kind, from, to } = payload as MigratePayload;
  const moved = migrateSnapshot(registry, kind, from, to, { value: snapshot.value, context: snapshot.context });
  if (!moved.ok) throw new Error(`case ${caseId}: recorded migration ${from} -> ${to} does not replay: ${moved.detail}`);
  return moved.snapshot as AnyMachineSnapshot;
}

/** Folds the accepted entries of one case (oldest first, starting with `case.open`) into a snapshot. */
export function replayCase(caseId: string, entries: ReplayEntry[], registry: MachineRegistry = machineRegistry): AnyMachineSnapshot {
  const [first, ...rest] = entries;
  if (first?.type !== 'case.open') throw new Error(`case ${caseId}: the record does not start with case.open`);
  const opening = first.payload as { draft: DraftContent; catalog: MajorCatalog; procedure?: CaseProcedure; openedOn?: string };
  let machine = machineFor(registry, openingMachine(first.payload), caseId);
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
    if (entry.type === migrateEntryType) {
      snapshot = replayMigration(registry, caseId, snapshot, entry.payload);
      machine = snapshot.machine;
      continue;
    }
    const event = { ...(entry.payload as object), at: entry.at } as CaseEvent;
    if (!snapshot.can(event)) throw new Error(`case ${caseId}: recorded ${entry.type} at ${entry.at} is not accepted on replay`);
    [snapshot] = transition(machine, snapshot, event);
  }
  return snapshot;
}
