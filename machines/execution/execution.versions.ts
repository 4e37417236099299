// Every deployed version of the 行政强制执行 machine. Invariant: a listed version never changes; a rule change is a
// new version (docs/architecture.md, "How to ship a new machine version").
import { executionMachine } from './execution.machine.js';

/** The machine kind (`cases.machine_id`) of execution cases. */
export const executionKind = 'execution';

/** The deployed versions: version 1 is the first. */
export const executionVersions = { 1: executionMachine } as const;

/** The version new execution cases open under. */
export const latestExecutionVersion = 1 as const satisfies keyof typeof executionVersions;
