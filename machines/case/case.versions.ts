// Every deployed version of the case machine, as the features its factory (`createCaseMachine`) is built
// with, and the documented mappings that move a running case from one version to a newer one.
// Invariant: a listed version never changes; a rule change is a new version (docs/architecture.md).
import type { MachineMigration } from '../shared/machine-versions.js';

/** What may differ between versions of the case machine; each flag switches one rule on or off. */
export interface CaseFeatures {
  /** 交通 art 78: a head may extend the decision period once, before the decision (`decision.extend`). */
  decisionExtension: boolean;
}

/**
 * The features of every deployed version. Version 6 is the machine as it stood when versions began to be
 * kept; records written before carry no version on their `case.open` entry and are read as version 6.
 */
export const caseVersions = {
  6: { decisionExtension: true },
} as const satisfies Record<number, CaseFeatures>;

/** The version new cases open under: the highest listed. */
export const latestCaseVersion = 6 as const satisfies keyof typeof caseVersions;

/** The version a record without a machine on its opening entry was written under. */
export const unversionedCaseVersion = 6;

/** Documented mappings between versions (none yet: 6 is the first kept version). */
export const caseMigrations: MachineMigration[] = [];
