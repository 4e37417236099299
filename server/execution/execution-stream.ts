// 行政强制执行 cases as a stream of the command pipeline: rows of the `cases` table with machine_id 'execution',
// their record in `case_events`, and the same `reviews` and `decisions` projections the database trigger
// guards. How a case is loaded, which rule refuses a person or an event, what an accepted event writes; every
// decision asks the machine's rule functions.
import { executionContentGuards, type ExecutionMachine, type ExecutionSnapshot } from '../../machines/execution/execution.machine.js';
import type { ExecutionDraft } from '../../machines/execution/execution.draft.js';
import type { ExecutionEvent } from '../../machines/execution/execution.events.js';
import { executionKind } from '../../machines/execution/execution.versions.js';
import { executionActingRole, refuseExecutionActor } from '../../machines/execution/execution.rules.js';
import { refuseExecutionContent } from '../../machines/execution/execution.content.js';
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
import { executionProbe } from './execution-probes.js';
import { executionWrite } from './execution-write.js';
import { nextCaseRow } from '../cases/case-write.js';
import { executionAllowedEvents, type ExecutionView } from './execution-view.js';

/** A loaded 行政强制执行 case: its row, its snapshot and its current draft. */
export interface LoadedExecution {
  row: CaseRow;
  snapshot: ExecutionSnapshot;
  draft: ExecutionDraft;
}

export interface ExecutionStreamDeps {
  store: CaseStore;
  registry: MachineRegistry;
  /** The view of a loaded case for an actor at a time (clocks need the calendar). */
  view: (loaded: LoadedExecution, actor: ExecutionEvent['actor'], at: string) => Promise<ExecutionView>;
  /** Rows committed with every accepted event (credential snapshots). */
  effects: (event: ExecutionEvent, user: User) => WriteEffect[];
}

/** Builds the stream kind of 行政强制执行 cases. */
export function createExecutionStream(deps: ExecutionStreamDeps) {
  const steps = new Map<number, MachineStep<ExecutionMachine>>();
  const stepOf = (row: CaseRow) => {
    const found =
      steps.get(row.machineVersion) ??
      createMachineStep(machineFor(deps.registry, { kind: executionKind, version: row.machineVersion }, row.id) as ExecutionMachine);
    steps.set(row.machineVersion, found);
    return found;
  };

  /** The machine of a version with its content guards passing: it answers whether the state allows an event. */
  const stateOnly = new Map<number, ExecutionMachine>();
  const stateAllows = (loaded: LoadedExecution, event: ExecutionEvent) => {
    const version = loaded.row.machineVersion;
    const found =
      stateOnly.get(version) ??
      (machineFor(deps.registry, { kind: executionKind, version }, loaded.row.id) as ExecutionMachine).provide({
        guards: Object.fromEntries(executionContentGuards.map((g) => [g, () => true])),
      });
    stateOnly.set(version, found);
    const probe = executionProbe(event.type, event.actor, loaded.snapshot, loaded.draft, event.at);
    return found.resolveState({ value: loaded.snapshot.value, context: loaded.snapshot.context } as never).can(probe);
  };

  /** Loads a case of this kind; a case of another kind is not found here (it has its own API). */
  async function load(id: string): Promise<LoadedExecution | null> {
    const [row, draft] = await Promise.all([deps.store.get(id), deps.store.lastDraft(id)]);
    if (!row || !draft || row.machineId !== executionKind) return null;
    const machine = machineFor(deps.registry, { kind: row.machineId, version: row.machineVersion }, id);
    const snapshot = machine.resolveState({
      value: row.snapshot.value as never,
      context: row.snapshot.context as never,
    }) as ExecutionSnapshot;
    return { row, snapshot, draft: draft.content as ExecutionDraft };
  }

  /** 422 (state), 422 (content), 409 (version), 409 (hash): why the machine did not take `event`. */
  function diagnose(loaded: LoadedExecution, event: ExecutionEvent, ifMatch: number | undefined): DomainError {
    const { row, snapshot, draft } = loaded;
    if (!stateAllows(loaded, event)) {
      const allowedEvents = executionAllowedEvents(snapshot, event.actor, draft, event.at);
      const detail = `${event.type} is not allowed while the case is ${topState(snapshot.value)}.`;
      return { kind: 'invalid_transition', code: 'event_not_allowed', allowedEvents, detail };
    }
    const content = refuseExecutionContent(snapshot.context, event);
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

  function refusedEntry(loaded: LoadedExecution, event: ExecutionEvent, error: DomainError): RecordEntry {
    const draftHash = 'draftHash' in event ? event.draftHash : loaded.snapshot.context.draft.hash;
    const refusal = { kind: error.kind, code: error.code, detail: error.detail };
    return {
      caseId: loaded.row.id,
      seq: null,
      type: event.type,
      payload: payloadOf(event as never),
      actorId: event.actor.id,
      actorRole: executionActingRole(event.actor, event.type),
      at: event.at,
      draftHash,
      accepted: false,
      refusal,
    };
  }

  const kind: StreamKind<LoadedExecution, ExecutionEvent, ExecutionView> = {
    load,
    notFound: (id) => ({ kind: 'not_found', code: 'case_not_found', detail: `No 行政强制执行 case ${id}.` }),
    version: (loaded) => loaded.row.version,
    refusePerson(loaded, event) {
      const refusal = refuseExecutionActor(loaded.snapshot.context, event);
      return refusal ? { kind: 'forbidden', code: refusal.code, detail: refusal.detail } : null;
    },
    next(loaded, event) {
      const after = stepOf(loaded.row).next(loaded.snapshot, event) as ExecutionSnapshot;
      if (after === loaded.snapshot) return null;
      const draft = event.type === 'draft.revise' ? event.draft : loaded.draft;
      return { row: nextCaseRow(loaded.row, after, draft, event.at), snapshot: after, draft };
    },
    diagnose,
    acceptedWrite(before, after, event, user) {
      const write = executionWrite(after.row, event, before.snapshot, after.snapshot, after.draft);
      return deps.store.acceptedItem({ ...write, extra: deps.effects(event, user) });
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
      const snapshot = replayCase(id, entries, deps.registry) as ExecutionSnapshot;
      const drafted = [...entries].reverse().find((e) => e.type === 'case.open' || e.type === 'draft.revise')!;
      const draft = (drafted.payload as { draft: ExecutionDraft }).draft;
      const row = { ...nextCaseRow(loaded.row, snapshot, draft, entries.at(-1)!.at), version };
      return deps.view({ row, snapshot, draft }, actor, at);
    },
  };
  return { kind, load };
}
export type ExecutionStream = ReturnType<typeof createExecutionStream>;
