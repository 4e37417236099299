// Why a major-decision kind's machine refused an event, and the record entry of that refusal. Order of checks:
// 422 (state), 422 (content), 409 (version), 409 (draft hash); every answer asks the kind's rule functions.
import type { AnyStateMachine } from 'xstate';
import type { MachineRegistry } from '../../machines/shared/machine-versions.js';
import type { RecordEntry } from '../../db/core/record-hash.js';
import type { StampedEvent } from '../shared/command-pipeline.js';
import type { DomainError } from '../shared/result.js';
import { topState } from '../cases/case-view.js';
import { payloadOf } from '../cases/case-write.js';
import { machineFor } from '../cases/replay.js';
import type { KindDraft, KindSnapshot, KindSpec, LoadedKind } from './kind-spec.js';

/** Whether the state (content aside) allows an event: a content-blind probe, or the machine with content guards passing. */
export function createStateCheck<S extends KindSnapshot, D extends KindDraft, E extends StampedEvent>(
  spec: KindSpec<S, D, E>,
  registry: MachineRegistry,
) {
  const stateOnly = new Map<number, AnyStateMachine>();
  return (loaded: LoadedKind<S, D>, event: E): boolean => {
    const { snapshot, draft } = loaded;
    if (!spec.contentGuards) return snapshot.can(spec.probe(event.type, event.actor, snapshot, draft, event.at, true) as never);
    const version = loaded.row.machineVersion;
    const found =
      stateOnly.get(version) ??
      machineFor(registry, { kind: spec.kind, version }, loaded.row.id).provide({
        guards: Object.fromEntries(spec.contentGuards.map((g) => [g, () => true])),
      });
    stateOnly.set(version, found);
    const probe = spec.probe(event.type, event.actor, snapshot, draft, event.at);
    return found.resolveState({ value: snapshot.value, context: snapshot.context } as never).can(probe as never);
  };
}

/** 422 (state), 422 (content), 409 (version), 409 (hash): why the machine did not take `event`. */
export function createDiagnose<S extends KindSnapshot, D extends KindDraft, E extends StampedEvent>(
  spec: KindSpec<S, D, E>,
  registry: MachineRegistry,
) {
  const stateAllows = createStateCheck(spec, registry);
  return (loaded: LoadedKind<S, D>, event: E, ifMatch: number | undefined): DomainError => {
    const { row, snapshot, draft } = loaded;
    if (!stateAllows(loaded, event)) {
      const allowedEvents = spec.allowedEvents(snapshot, event.actor, draft, event.at);
      const detail = `${event.type} is not allowed while the case is ${topState(snapshot.value)}.`;
      return { kind: 'invalid_transition', code: 'event_not_allowed', allowedEvents, detail };
    }
    const content = spec.refuseContent(snapshot.context, event);
    if (content) return { kind: 'invalid_transition', ...content };
    if (ifMatch !== undefined && ifMatch !== row.version) {
      return {
        kind: 'conflict',
        code: 'version_mismatch',
        currentVersion: row.version,
        detail: `If-Match ${ifMatch} does not match the case version ${row.version}.`,
      };
    }
    if (!snapshot.can(event as never)) {
      const detail = 'The draft hash is not the current approved draft of this case.';
      return { kind: 'conflict', code: 'stale_draft_hash', currentDraftHash: snapshot.context.draft.hash, detail };
    }
    throw new Error(`machine refused ${event.type} on case ${row.id} although every check passed`);
  };
}

/** The record entry of a refused event: who tried what, and why it was refused. */
export function kindRefusedEntry<S extends KindSnapshot, D extends KindDraft, E extends StampedEvent>(
  spec: KindSpec<S, D, E>,
  loaded: LoadedKind<S, D>,
  event: E,
  error: DomainError,
): RecordEntry {
  const draftHash = 'draftHash' in event ? (event.draftHash as string) : loaded.snapshot.context.draft.hash;
  const refusal = { kind: error.kind, code: error.code, detail: error.detail };
  return {
    caseId: loaded.row.id,
    seq: null,
    type: event.type,
    payload: payloadOf(event as never),
    actorId: event.actor.id,
    actorRole: spec.actingRole(event.actor, event.type),
    at: event.at,
    draftHash,
    accepted: false,
    refusal,
  };
}
