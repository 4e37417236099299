// The one list of every deployed machine version and migration the services run. Adding a version of a
// machine is one line in its `<machine>.versions.ts`; this file only gathers the machines.
// Invariant: every version a stored open case names is listed here (start-up refuses otherwise).
import { createCaseMachine } from './case/case.machine.js';
import { caseMigrations, caseVersions } from './case/case.versions.js';
import { inquiryMachine, inquiryMachineVersion } from './inquiry/inquiry.machine.js';
import { createMachineRegistry, type MachineVersion } from './shared/machine-versions.js';

/** Every version of the case machine, built from its features. */
export const caseMachineVersions: MachineVersion[] = Object.entries(caseVersions).map(([version, features]) => ({
  kind: 'case',
  version: Number(version),
  machine: createCaseMachine(features),
}));

/** The deployed registry: case versions (cases table) and the accountability inquiry (listed, one version). */
export const machineRegistry = createMachineRegistry(
  [...caseMachineVersions, { kind: 'inquiry', version: inquiryMachineVersion, machine: inquiryMachine }],
  caseMigrations,
);
