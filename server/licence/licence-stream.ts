// 行政许可 (撤销 / 撤回) cases as a stream of the command pipeline: rows of the `cases` table with machine_id 'licence',
// their record in `case_events`, and the same `reviews` and `decisions` projections the database trigger
// guards. How a case is loaded, which rule refuses a person or an event, what an accepted event writes; every
// decision asks the machine's rule functions.
import type { LicenceMachine, LicenceSnapshot } from '../../machines/licence/licence.machine.js';
import type { LicenceDraft } from '../../machines/licence/licence.draft.js';
import type { LicenceEvent } from '../../machines/licence/licence.events.js';
import { licenceKind } from '../../machines/licence/licence.versions.js';
import { licenceActingRole, refuseLicenceActor, refuseLicenceContent } from '../../machines/licence/licence.rules.js';
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
import { licenceProbe } from './licence-probes.js';
import { licenceWrite } from './licence-write.js';
import { nextCaseRow } from '../cases/case-write.js';
import { licenceAllowedEvents, type LicenceView } from './licence-view.js';

/** A loaded licence case: its row, its snapshot and its current draft. */
export interface LoadedLicence {
  row: CaseRow;
  snapshot: LicenceSnapshot;
  draft: LicenceDraft;
}

export interface LicenceStreamDeps {
  store: CaseStore;
  registry: MachineRegistry;
  /** The view of a loaded case for an actor at a time (clocks need the calendar). */
  view: (loaded: LoadedLicence, actor: LicenceEvent['actor'], at: string) => Promise<LicenceView>;
  /** Rows committed with every accepted event (credential snapshots). */
  effects: (event: LicenceEvent, user: User) => WriteEffect[];
}

/** Builds the stream kind of licence cases. */
export function createLicenceStream(deps: LicenceStreamDeps) {
  const steps = new Map<number, MachineStep<LicenceMachine>>();
  const stepOf = (row: CaseRow) => {
    const found =
      steps.get(row.machineVersion) ??
      createMachineStep(machineFor(deps.registry, { kind: licenceKind, version: row.machineVersion }, row.id) as LicenceMachine);
    steps.set(row.machineVersion, found);
    return found;
  };

  /** Loads a case of this kind; a case of another kind is not found here (it has its own API). */
  async function load(id: string): Promise<LoadedLicence | null> {
    const [row, draft] = await Promise.all([deps.store.get(id), deps.store.lastDraft(id)]);
    if (!row || !draft || row.machineId !== licenceKind) return null;
    const machine = machineFor(deps.registry, { kind: row.machineId, version: row.machineVersion }, id);
    const snapshot = machine.resolveState({
      value: row.snapshot.value as never,
      context: row.snapshot.context as never,
    }) as LicenceSnapshot;
    return { row, snapshot, draft: draft.content as LicenceDraft };
  }

  /** 422 (state), 422 (content), 409 (version), 409 (hash): why the machine did not take `event`. */
  function diagnose(loaded: LoadedLicence, event: LicenceEvent, ifMatch: number | undefined): DomainError {
    const { row, snapshot, draft } = loaded;
    if (!snapshot.can(licenceProbe(event.type, event.actor, snapshot, draft, event.at, true))) {
      const allowedEvents = licenceAllowedEvents(snapshot, event.actor, draft, event.at);
      const detail = `${event.type} is not allowed while the case is ${topState(snapshot.value)}.`;
      return { kind: 'invalid_transition', code: 'event_not_allowed', allowedEvents, detail };
    }
    const content = refuseLicenceContent(snapshot.context, event);
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

  function refusedEntry(loaded: LoadedLicence, event: LicenceEvent, error: DomainError): RecordEntry {
    const draftHash = 'draftHash' in event ? event.draftHash : loaded.snapshot.context.draft.hash;
    const refusal = { kind: error.kind, code: error.code, detail: error.detail };
    return {
      caseId: loaded.row.id,
      seq: null,
      type: event.type,
      payload: payloadOf(event as never),
      actorId: event.actor.id,
      actorRole: licenceActingRole(event.actor, event.type),
      at: event.at,
      draftHash,
      accepted: false,
      refusal,
    };
  }

  const kind: StreamKind<LoadedLicence, LicenceEvent, LicenceView> = {
    load,
    notFound: (id) => ({ kind: 'not_found', code: 'case_not_found', detail: `No licence case ${id}.` }),
    version: (loaded) => loaded.row.version,
    refusePerson(loaded, event) {
      const refusal = refuseLicenceActor(loaded.snapshot.context, event);
      return refusal ? { kind: 'forbidden', code: refusal.code, detail: refusal.detail } : null;
    },
    next(loaded, event) {
      const after = stepOf(loaded.row).next(loaded.snapshot, event) as LicenceSnapshot;
      if (after === loaded.snapshot) return null;
      const draft = event.type === 'draft.revise' ? event.draft : loaded.draft;
      return { row: nextCaseRow(loaded.row, after, draft, event.at), snapshot: after, draft };
    },
    diagnose,
    acceptedWrite(before, after, event, user) {
      const write = licenceWrite(after.row, event, before.snapshot, after.snapshot, after.draft);
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
      const snapshot = replayCase(id, entries, deps.registry) as LicenceSnapshot;
      const drafted = [...entries].reverse().find((e) => e.type === 'case.open' || e.type === 'draft.revise')!;
      const draft = (drafted.payload as { draft: LicenceDraft }).draft;
      const row = { ...nextCaseRow(loaded.row, snapshot, draft, entries.at(-1)!.at), version };
      return deps.view({ row, snapshot, draft }, actor, at);
    },
  };
  return { kind, load };
}
export type LicenceStream = ReturnType<typeof createLicenceStream>;
