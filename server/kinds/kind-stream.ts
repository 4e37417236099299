// A major-decision kind's cases as a stream of the command pipeline: rows of the `cases` table with the kind's
// machine_id, their record in `case_events`, and the `reviews` and `decisions` projections the database trigger
// guards. A case of another kind is not found here; every decision asks the kind's rule functions.
import type { AnyStateMachine } from 'xstate';
import type { MachineRegistry } from '../../machines/shared/machine-versions.js';
import type { Actor } from '../../machines/case/case.events.js';
import type { CaseRow, CaseStore } from '../../db/cases/case-store.js';
import type { WriteEffect } from '../../db/core/writer.js';
import type { User } from '../../db/users/user-store.js';
import type { StampedEvent, StreamKind } from '../shared/command-pipeline.js';
import { createMachineStep, type MachineStep } from '../shared/machine-step.js';
import { actorFor } from '../cases/actor.js';
import { nextCaseRow } from '../cases/case-write.js';
import { machineFor, replayCase } from '../cases/replay.js';
import type { KindDraft, KindSnapshot, KindSpec, LoadedKind } from './kind-spec.js';
import { createDiagnose, kindRefusedEntry } from './kind-refusals.js';
import { kindWrite } from './kind-write.js';

/** What an accepted event changed, for effects committed with it (coercion's clocks). */
export interface KindChange<S extends KindSnapshot, E> {
  caseId: string;
  event: E;
  before: S['context'] | null;
  after: S['context'];
  /** The machine finished (closed or withdrawn). */
  done: boolean;
  at: string;
}

export interface KindStreamDeps<S extends KindSnapshot, D extends KindDraft, E extends StampedEvent, V> {
  store: CaseStore;
  registry: MachineRegistry;
  /** The view of a loaded case for an actor at a time (clocks need the calendar). */
  view: (loaded: LoadedKind<S, D>, actor: Actor, at: string) => Promise<V>;
  /** Rows committed with every accepted event (credential snapshots). */
  effects: (event: E, user: User) => WriteEffect[];
  /** Further rows an accepted event changes (coercion's clock and notice rows), committed with it. */
  clocks?: (change: KindChange<S, E>) => Promise<WriteEffect[]>;
}

/** Builds the stream kind of one major-decision kind's cases. */
export function createKindStream<S extends KindSnapshot, D extends KindDraft, E extends StampedEvent, V>(
  spec: KindSpec<S, D, E>,
  deps: KindStreamDeps<S, D, E, V>,
) {
  type Loaded = LoadedKind<S, D>;
  const steps = new Map<number, MachineStep<AnyStateMachine>>();
  const stepOf = (row: CaseRow) => {
    const found =
      steps.get(row.machineVersion) ??
      createMachineStep(machineFor(deps.registry, { kind: spec.kind, version: row.machineVersion }, row.id));
    steps.set(row.machineVersion, found);
    return found;
  };

  /** Loads a case of this kind; a case of another kind is not found here (it has its own API). */
  async function load(id: string): Promise<Loaded | null> {
    const [row, draft] = await Promise.all([deps.store.get(id), deps.store.lastDraft(id)]);
    if (!row || !draft || row.machineId !== spec.kind) return null;
    const machine = machineFor(deps.registry, { kind: row.machineId, version: row.machineVersion }, id);
    const snapshot = machine.resolveState({ value: row.snapshot.value as never, context: row.snapshot.context as never }) as unknown as S;
    return { row, snapshot, draft: draft.content as D };
  }

  async function acceptedWrite(before: Loaded, after: Loaded, event: E, user: User) {
    const write = kindWrite(spec, after.row, event, before.snapshot, after.snapshot, after.draft);
    const done = after.snapshot.status === 'done';
    const change = { caseId: before.row.id, event, before: before.snapshot.context, after: after.snapshot.context, done, at: event.at };
    const clocks = deps.clocks ? await deps.clocks(change) : [];
    return deps.store.acceptedItem({ ...write, extra: [...deps.effects(event, user), ...clocks] });
  }

  /** The case as the command at `version` left it: the current one, or rebuilt from the record when it moved on. */
  async function answerAt(id: string, version: number, user: User, at: string): Promise<V | null> {
    const loaded = await load(id);
    if (!loaded) return null;
    const actor = actorFor(user, at);
    if (loaded.row.version === version) return deps.view(loaded, actor, at);
    const entries = (await deps.store.events(id, false)).filter((e) => e.seq !== null && e.seq <= version);
    const snapshot = replayCase(id, entries, deps.registry) as unknown as S;
    const drafted = [...entries].reverse().find((e) => e.type === 'case.open' || e.type === 'draft.revise')!;
    const draft = (drafted.payload as { draft: D }).draft;
    const row = { ...nextCaseRow(loaded.row, snapshot, draft, entries.at(-1)!.at), version };
    return deps.view({ row, snapshot, draft }, actor, at);
  }

  const kind: StreamKind<Loaded, E, V> = {
    load,
    notFound: (id) => ({ kind: 'not_found', code: 'case_not_found', detail: `No ${spec.label} case ${id}.` }),
    version: (loaded) => loaded.row.version,
    refusePerson(loaded, event) {
      const refusal = spec.refuseActor(loaded.snapshot.context, event);
      return refusal ? { kind: 'forbidden', code: refusal.code, detail: refusal.detail } : null;
    },
    next(loaded, event) {
      const after = stepOf(loaded.row).next(loaded.snapshot as never, event as never) as unknown as S;
      if (after === loaded.snapshot) return null;
      const draft = event.type === 'draft.revise' ? (event as unknown as { draft: D }).draft : loaded.draft;
      return { row: nextCaseRow(loaded.row, after, draft, event.at), snapshot: after, draft };
    },
    diagnose: createDiagnose(spec, deps.registry),
    acceptedWrite,
    refusedEntry: (loaded, event, error) => kindRefusedEntry(spec, loaded, event, error),
    committed: () => {},
    view: (loaded, actor, at) => deps.view(loaded, actor, at),
    answerAt,
  };
  return { kind, load };
}
