// Which machine versions this server runs: the registry the services use (a test's replacement machine
// included), the start-up check that every version a stored case names is deployed, and the list of machines
// `GET /api/v1/machines` answers with. Invariant: no stored case runs under rules that are not deployed.
import type { AnyStateNode } from 'xstate';
import { caseMachineMermaid } from '../../machines/case/case.diagram.js';
import { machineRegistry } from '../../machines/registry.js';
import { replacingMachine, type MachineRegistry } from '../../machines/shared/machine-versions.js';
import type { caseMachine } from '../../machines/case/case.machine.js';
import type { CaseStore } from '../../db/cases/case-store.js';

/** The registry the services run: the given one, or the deployed one; `machine` replaces the latest case version. */
export function registryOf(options: { registry?: MachineRegistry; machine?: typeof caseMachine }): MachineRegistry {
  const registry = options.registry ?? machineRegistry;
  return options.machine ? replacingMachine(registry, 'case', registry.latest('case'), options.machine) : registry;
}

/** Refuses to start when a stored case names a machine version that is not deployed (its rules would be lost). */
export async function assertVersionsDeployed(store: CaseStore, registry: MachineRegistry): Promise<void> {
  const missing = (await store.machinesInUse()).filter((m) => registry.get(m.kind, m.version) === null);
  if (missing.length === 0) return;
  const names = missing.map((m) => `${m.kind} version ${m.version} (${m.open} open of ${m.cases} cases)`).join(', ');
  throw new Error(`stored cases run under machine versions that are not deployed: ${names}; register them in machines/registry.ts`);
}

/** One machine version as `GET /api/v1/machines` lists it. */
export interface MachineListing {
  kind: string;
  version: number;
  latest: boolean;
  /** Stored cases under this version, and how many are still open. */
  cases: number;
  openCases: number;
  /** The statechart as a Mermaid stateDiagram-v2, generated from the machine. */
  diagram: string;
}

/** Every registered machine version (all stored versions are registered: start-up checks it). */
export async function listMachines(store: CaseStore, registry: MachineRegistry): Promise<MachineListing[]> {
  const used = await store.machinesInUse();
  return registry.versions().map((v) => {
    const use = used.find((u) => u.kind === v.kind && u.version === v.version);
    return {
      kind: v.kind,
      version: v.version,
      latest: registry.latest(v.kind) === v.version,
      cases: use?.cases ?? 0,
      openCases: use?.open ?? 0,
      diagram: caseMachineMermaid(v.machine as { root: AnyStateNode }),
    };
  });
}
