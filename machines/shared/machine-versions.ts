// Machine versions as data: a registry of every deployed (kind, version) and of the documented mappings
// that move a running stream to a newer version. Invariant: a stream runs only under the (kind, version)
// it was opened or migrated to; a migration exists only where a mapping is written down.
import type { AnyStateMachine } from 'xstate';

/** One deployed machine: its kind (`cases.machine_id`), its version (`cases.machine_version`) and the machine. */
export interface MachineVersion<M extends AnyStateMachine = AnyStateMachine> {
  kind: string;
  version: number;
  machine: M;
}

/** The persisted part of a snapshot, which a mapping maps. */
export interface StoredSnapshot {
  value: unknown;
  context: Record<string, unknown>;
}

/** A mapping's answer: the snapshot under the new version, or why this case cannot move. */
export type MigrationResult = { ok: true; snapshot: StoredSnapshot } | { ok: false; code: string; detail: string };

/** A documented mapping from one version of a kind to a newer one. Pure; it may refuse a case (code `migration_refused`). */
export interface MachineMigration {
  kind: string;
  from: number;
  to: number;
  /** Why the mapping is lawful: what changed between the versions and how a running case is carried over. */
  basis: string;
  map(snapshot: StoredSnapshot): MigrationResult;
}

/** Every deployed machine and migration, looked up by kind and version. */
export interface MachineRegistry {
  get(kind: string, version: number): AnyStateMachine | null;
  /** The version new streams of `kind` open under (the highest registered). */
  latest(kind: string): number;
  versions(): MachineVersion[];
  migration(kind: string, from: number, to: number): MachineMigration | null;
}

const keyOf = (kind: string, version: number) => `${kind}@${version}`;

/** Builds a registry; two entries for one (kind, version) are a programming error. */
export function createMachineRegistry(versions: MachineVersion[], migrations: MachineMigration[] = []): MachineRegistry {
  const byKey = new Map<string, MachineVersion>();
  for (const v of versions) {
    if (byKey.has(keyOf(v.kind, v.version))) throw new Error(`machine ${keyOf(v.kind, v.version)} is registered twice`);
    byKey.set(keyOf(v.kind, v.version), v);
  }
  const moves = new Map(migrations.map((m) => [`${keyOf(m.kind, m.from)}->${m.to}`, m]));
  const sorted = [...byKey.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.version - b.version);
  return {
    get: (kind, version) => byKey.get(keyOf(kind, version))?.machine ?? null,
    latest(kind) {
      const of = sorted.filter((v) => v.kind === kind);
      if (of.length === 0) throw new Error(`no machine of kind ${kind} is registered`);
      return of[of.length - 1]!.version;
    },
    versions: () => sorted,
    migration: (kind, from, to) => moves.get(`${keyOf(kind, from)}->${to}`) ?? null,
  };
}

/** What a migration answers: the snapshot under the target machine, or a refusal with its problem code. */
export type Migrated = { ok: true; snapshot: ReturnType<AnyStateMachine['resolveState']> } | { ok: false; code: string; detail: string };

/**
 * Moves `snapshot` of a (kind, from) stream to version `to` with the documented mapping. Refuses when `to`
 * is not newer, not registered, or has no mapping from `from`, and when the mapping refuses this case.
 */
export function migrateSnapshot(registry: MachineRegistry, kind: string, from: number, to: number, snapshot: StoredSnapshot): Migrated {
  if (to <= from) return { ok: false, code: 'migration_not_newer', detail: `Version ${to} is not newer than version ${from} of ${kind}.` };
  const target = registry.get(kind, to);
  if (!target) return { ok: false, code: 'machine_version_unknown', detail: `No version ${to} of the ${kind} machine is deployed.` };
  const mapping = registry.migration(kind, from, to);
  if (!mapping) return { ok: false, code: 'migration_not_available', detail: `No documented mapping moves ${kind} ${from} to ${to}.` };
  const mapped = mapping.map({ value: snapshot.value, context: snapshot.context });
  if (!mapped.ok) return mapped;
  return { ok: true, snapshot: target.resolveState({ value: mapped.snapshot.value as never, context: mapped.snapshot.context }) };
}

/** `registry` with (kind, version) run by `machine` instead (a test's replacement machine); the rest unchanged. */
export function replacingMachine(registry: MachineRegistry, kind: string, version: number, machine: AnyStateMachine): MachineRegistry {
  const versions = registry.versions().map((v) => (v.kind === kind && v.version === version ? { ...v, machine } : v));
  const migrations = registry.versions().flatMap((f) =>
    registry.versions().flatMap((t) => {
      const m = f.kind === t.kind ? registry.migration(f.kind, f.version, t.version) : null;
      return m ? [m] : [];
    }),
  );
  return createMachineRegistry(versions, migrations);
}
