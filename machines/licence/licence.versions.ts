// Every deployed version of the 行政许可 (撤销 / 撤回) machine. Invariant: a listed version never changes; a rule
// change is a new version (docs/architecture.md, "How to ship a new machine version").
import { licenceMachine } from './licence.machine.js';

/** The machine kind (`cases.machine_id`) of licence cases. */
export const licenceKind = 'licence';

/** The deployed versions: version 1 is the first. */
export const licenceVersions = { 1: licenceMachine } as const;

/** The version new licence cases open under. */
export const latestLicenceVersion = 1 as const satisfies keyof typeof licenceVersions;
