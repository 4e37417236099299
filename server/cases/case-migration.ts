// Moving a running case to a newer version of its machine: a stream kind of the command pipeline over the
// case stream (same lock, cache, idempotency and writer), whose one event is `machine.migrate`. Invariant: a
// case changes version only through a documented mapping, by an administrator, as an entry on its record.
import { migrateSnapshot, type MachineRegistry } from '../../machines/shared/machine-versions.js';
import type { StoredSnapshot } from '../../machines/shared/machine-versions.js';
import type { Actor } from '../../machines/case/case.events.js';
import type { CaseSnapshot } from '../../machines/case/case.machine.js';
import type { RecordEntry } from '../../db/core/record-hash.js';
import type { StreamKind } from '../shared/command-pipeline.js';
import type { DomainError } from '../shared/result.js';
import { canMigrateCase } from '../access/access-rules.js';
import type { CaseStream, LoadedCase } from './case-stream.js';
import type { CaseAnswer } from './case-view.js';
import { migratedRow } from './case-write.js';
import { migrateEntryType, type MigratePayload } from './replay.js';

/** The migration as the pipeline sees it: the target version, stamped with who asked and when. */
export interface MigrateEvent {
  type: typeof migrateEntryType;
  toVersion: number;
  actor: Actor;
  at: string;
}

const payloadOf = (loaded: LoadedCase, event: MigrateEvent): MigratePayload => ({
  kind: loaded.row.machineId,
  from: loaded.row.machineVersion,
  to: event.toVersion,
});

/** The record entry of a migration attempt (accepted with its seq, or refused with why). */
function entryOf(loaded: LoadedCase, event: MigrateEvent, seq: number | null, refusal: DomainError | null): RecordEntry {
  return {
    caseId: loaded.row.id,
    seq,
    type: migrateEntryType,
    payload: payloadOf(loaded, event),
    actorId: event.actor.id,
    actorRole: 'admin',
    at: event.at,
    draftHash: loaded.snapshot.context.draft.hash,
    accepted: refusal === null,
    refusal: refusal && { kind: refusal.kind, code: refusal.code, detail: refusal.detail },
  };
}

/** Builds the migration stream kind over `stream`, with the mappings of `registry`. */
export function createMigrationKind(stream: CaseStream, registry: MachineRegistry): StreamKind<LoadedCase, MigrateEvent, CaseAnswer> {
  const migrate = (loaded: LoadedCase, event: MigrateEvent) => {
    const { kind, from, to } = payloadOf(loaded, event);
    const stored = loaded.snapshot as unknown as StoredSnapshot;
    return migrateSnapshot(registry, kind, from, to, { value: stored.value, context: stored.context });
  };
  return {
    load: stream.kind.load,
    notFound: stream.kind.notFound,
    version: stream.kind.version,
    refusePerson: (_loaded, event) => {
      const access = canMigrateCase(event.actor);
      return access.ok ? null : access.error;
    },
    next(loaded, event) {
      const moved = migrate(loaded, event);
      if (!moved.ok) return null;
      const snapshot = moved.snapshot as CaseSnapshot;
      return { row: migratedRow(loaded.row, snapshot, event.toVersion, event.at), snapshot, draft: loaded.draft };
    },
    diagnose(loaded, event, ifMatch) {
      const moved = migrate(loaded, event);
      if (!moved.ok) return { kind: 'invalid_transition', code: moved.code, detail: moved.detail };
      const detail = `If-Match ${ifMatch} does not match the case version ${loaded.row.version}.`;
      return { kind: 'conflict', code: 'version_mismatch', currentVersion: loaded.row.version, detail };
    },
    acceptedWrite: (before, after, event) =>
      stream.store.acceptedItem({ row: after.row, entry: entryOf(before, event, after.row.version, null) }),
    refusedEntry: (loaded, event, error) => entryOf(loaded, event, null, error),
    committed: stream.kind.committed,
    evict: stream.kind.evict,
    view: stream.kind.view,
    answerAt: stream.kind.answerAt,
  };
}
