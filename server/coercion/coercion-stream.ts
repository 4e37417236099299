// 查封、扣押 cases as a stream of the command pipeline: rows of the `cases` table with machine_id 'coercion',
// their record in `case_events`, and the same `reviews` and `decisions` projections the database trigger
// guards. How a case is loaded, which rule refuses a person or an event, what an accepted event writes; every
// decision asks the machine's rule functions.
import type { CoercionMachine, CoercionSnapshot } from '../../machines/coercion/coercion.machine.js';
import type { CoercionDraft } from '../../machines/coercion/coercion.draft.js';
import type { CoercionEvent } from '../../machines/coercion/coercion.events.js';
import { coercionKind } from '../../machines/coercion/coercion.versions.js';
import { coercionActingRole, refuseCoercionActor, refuseCoercionContent } from '../../machines/coercion/coercion.rules.js';
import type { MachineRegistry } from '../../machines/shared/machine-versions.js';
import type { CaseRow, CaseStore } from '../../db/cases/case-store.js';
import type { RecordEntry } from '../../db/core/record-hash.js';
import type { WriteEffect } from '../../db/core/writer.js';
import type { StreamKind } from '../shared/command-pipeline.js';
import { createMachineStep, type MachineStep } from '../shared/machine-step.js';
import type { DomainError } from '../shared/result.js';
import type { User } from '../../db/users/user-store.js';
import { actorFor } from '../cases/actor.js';
import { topState } from '../cases/case-view.js';
import { payloadOf } from '../cases/case-write.js';
import { machineFor, replayCase } from '../cases/replay.js';
import { coercionProbe } from './coercion-probes.js';
import { coercionWrite } from './coercion-write.js';
import { nextCaseRow } from '../cases/case-write.js';
import { coercionAllowedEvents, type CoercionView } from './coercion-view.js';
import type { CoercionChange } from './coercion-deadlines.js';

/** A loaded 查封扣押 case: its row, its snapshot and its current draft. */
export interface LoadedCoercion {
  row: CaseRow;
  snapshot: CoercionSnapshot;
  draft: CoercionDraft;
}

export interface CoercionStreamDeps {
  store: CaseStore;
  registry: MachineRegistry;
  /** The view of a loaded case for an actor at a time (clocks need the calendar). */
  view: (loaded: LoadedCoercion, actor: CoercionEvent['actor'], at: string) => Promise<CoercionView>;
  /** Rows committed with every accepted event (credential snapshots). */
  effects: (event: CoercionEvent, user: User) => WriteEffect[];
  /** The clock rows (and notice inbox rows) an accepted event changes, committed with it. */
  clocks: (change: CoercionChange) => Promise<WriteEffect[]>;
}

/** Builds the stream kind of 查封扣押 cases. */
export function createCoercionStream(deps: CoercionStreamDeps) {
  const steps = new Map<number, MachineStep<CoercionMachine>>();
  const stepOf = (row: CaseRow) => {
    const found =
      steps.get(row.machineVersion) ??
      createMachineStep(machineFor(deps.registry, { kind: coercionKind, version: row.machineVersion }, row.id) as CoercionMachine);
    steps.set(row.machineVersion, found);
    return found;
  };

  /** Loads a case of this kind; a case of another kind is not found here (it has its own API). */
  async function load(id: string): Promise<LoadedCoercion | null> {
    const [row, draft] = await Promise.all([deps.store.get(id), deps.store.lastDraft(id)]);
    if (!row || !draft || row.machineId !== coercionKind) return null;
    const machine = machineFor(deps.registry, { kind: row.machineId, version: row.machineVersion }, id);
    const snapshot = machine.resolveState({
      value: row.snapshot.value as never,
      context: row.snapshot.context as never,
    }) as CoercionSnapshot;
    return { row, snapshot, draft: draft.content as CoercionDraft };
  }

  /** 422 (state), 422 (content), 409 (version), 409 (hash): why the machine did not take `event`. */
  function diagnose(loaded: LoadedCoercion, event: CoercionEvent, ifMatch: number | undefined): DomainError {
    const { row, snapshot, draft } = loaded;
    if (!snapshot.can(coercionProbe(event.type, event.actor, snapshot, draft, event.at, true))) {
      const allowedEvents = coercionAllowedEvents(snapshot, event.actor, draft, event.at);
      const detail = `${event.type} is not allowed while the case is ${topState(snapshot.value)}.`;
      return { kind: 'invalid_transition', code: 'event_not_allowed', allowedEvents, detail };
    }
    const content = refuseCoercionContent(snapshot.context, event);
    if (content) return { kind: 'invalid_transition', ...content };
    if (ifMatch !== undefined && ifMatch !== row.version) {
      return {
        kind: 'conflict',
        code: 'version_mismatch',
        currentVersion: row.version,
        detail: `If-Match ${ifMatch} does not match the case version ${row.version}.`,
      };
    }
    if (!snapshot.can(event)) {
      const detail = 'The draft hash is not the current approved draft of this case.';
      return { kind: 'conflict', code: 'stale_draft_hash', currentDraftHash: snapshot.context.draft.hash, detail };
    }
    throw new Error(`machine refused ${event.type} on case ${row.id} although every check passed`);
  }

  function refusedEntry(loaded: LoadedCoercion, event: CoercionEvent, error: DomainError): RecordEntry {
    const draftHash = 'draftHash' in event ? event.draftHash : loaded.snapshot.context.draft.hash;
    const refusal = { kind: error.kind, code: error.code, detail: error.detail };
    return {
      caseId: loaded.row.id,
      seq: null,
      type: event.type,
      payload: payloadOf(event as never),
      actorId: event.actor.id,
      actorRole: coercionActingRole(event.actor, event.type),
      at: event.at,
      draftHash,
      accepted: false,
      refusal,
    };
  }

  const kind: StreamKind<LoadedCoercion, CoercionEvent, CoercionView> = {
    load,
    notFound: (id) => ({ kind: 'not_found', code: 'case_not_found', detail: `No 查封扣押 case ${id}.` }),
    version: (loaded) => loaded.row.version,
    refusePerson(loaded, event) {
      const refusal = refuseCoercionActor(loaded.snapshot.context, event);
      return refusal ? { kind: 'forbidden', code: refusal.code, detail: refusal.detail } : null;
    },
    next(loaded, event) {
      const after = stepOf(loaded.row).next(loaded.snapshot, event) as CoercionSnapshot;
      if (after === loaded.snapshot) return null;
      const draft = event.type === 'draft.revise' ? event.draft : loaded.draft;
      return { row: nextCaseRow(loaded.row, after, draft, event.at), snapshot: after, draft };
    },
    diagnose,
    async acceptedWrite(before, after, event, user) {
      const write = coercionWrite(after.row, event, before.snapshot, after.snapshot, after.draft);
      const done = after.snapshot.status === 'done';
      const change = { caseId: before.row.id, event, before: before.snapshot.context, after: after.snapshot.context, done, at: event.at };
      const clocks = await deps.clocks(change);
      return deps.store.acceptedItem({ ...write, extra: [...deps.effects(event, user), ...clocks] });
    },
    refusedEntry,
    committed: () => {},
    view: (loaded, actor, at) => deps.view(loaded, actor, at),
    async answerAt(id, version, user, at) {
      const loaded = await load(id);
      if (!loaded) return null;
      const actor = actorFor(user, at);
      if (loaded.row.version === version) return deps.view(loaded, actor, at);
      // The case moved on since: the first answer is the case as that command left it, rebuilt from the record.
      const entries = (await deps.store.events(id, false)).filter((e) => e.seq !== null && e.seq <= version);
      const snapshot = replayCase(id, entries, deps.registry) as CoercionSnapshot;
      const drafted = [...entries].reverse().find((e) => e.type === 'case.open' || e.type === 'draft.revise')!;
      const draft = (drafted.payload as { draft: CoercionDraft }).draft;
      const row = { ...nextCaseRow(loaded.row, snapshot, draft, entries.at(-1)!.at), version };
      return deps.view({ row, snapshot, draft }, actor, at);
    },
  };
  return { kind, load };
}
export type CoercionStream = ReturnType<typeof createCoercionStream>;
