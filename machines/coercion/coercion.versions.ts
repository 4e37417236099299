// Every deployed version of the 查封、扣押 machine. Invariant: a listed version never changes; a rule change is a
// new version (docs/architecture.md, "How to ship a new machine version").
import { coercionMachine } from './coercion.machine.js';

/** The machine kind (`cases.machine_id`) of 查封扣押 cases. */
export const coercionKind = 'coercion';

/** The deployed versions: version 1 is the first. */
export const coercionVersions = { 1: coercionMachine } as const;

/** The version new 查封扣押 cases open under. */
export const latestCoercionVersion = 1 as const satisfies keyof typeof coercionVersions;
