// The one list of every deployed machine version and migration the services run. Adding a version of a
// machine is one line in its `<machine>.versions.ts`; this file only gathers the machines.
// Invariant: every version a stored open case names is listed here (start-up refuses otherwise).
import { createCaseMachine } from './case/case.machine.js';
import { caseMigrations, caseVersions } from './case/case.versions.js';
import { coercionKind, coercionVersions } from './coercion/coercion.versions.js';
import { licenceKind, licenceVersions } from './licence/licence.versions.js';
import { executionKind, executionVersions } from './execution/execution.versions.js';
import { inquiryMachine, inquiryMachineVersion } from './inquiry/inquiry.machine.js';
import { createMachineRegistry, type MachineVersion } from './shared/machine-versions.js';

/** Every version of the case machine, built from its features. */
export const caseMachineVersions: MachineVersion[] = Object.entries(caseVersions).map(([version, features]) => ({
  kind: 'case',
  version: Number(version),
  machine: createCaseMachine(features),
}));

/** Every version of the 查封、扣押 machine (cases table, `machine_id = 'coercion'`). */
export const coercionMachineVersions: MachineVersion[] = Object.entries(coercionVersions).map(([version, machine]) => ({
  kind: coercionKind,
  version: Number(version),
  machine,
}));

/** Every version of the 行政许可 (撤销 / 撤回) machine (cases table, `machine_id = 'licence'`). */
export const licenceMachineVersions: MachineVersion[] = Object.entries(licenceVersions).map(([version, machine]) => ({
  kind: licenceKind,
  version: Number(version),
  machine,
}));

/** Every version of the 行政强制执行 machine (cases table, `machine_id = 'execution'`). */
export const executionMachineVersions: MachineVersion[] = Object.entries(executionVersions).map(([version, machine]) => ({
  kind: executionKind,
  version: Number(version),
  machine,
}));

/** The deployed registry: case and 查封扣押 versions (cases table) and the accountability inquiry (listed, one version). */
export const machineRegistry = createMachineRegistry(
  [
    ...caseMachineVersions,
    ...coercionMachineVersions,
    ...licenceMachineVersions,
    ...executionMachineVersions,
    { kind: 'inquiry', version: inquiryMachineVersion, machine: inquiryMachine },
  ],
  caseMigrations,
);
