// Every deployed version of the case machine, as the features its factory (`createCaseMachine`) is built
// with, and the documented mappings that move a running case from one version to a newer one.
// Invariant: a listed version never changes; a rule change is a new version (docs/architecture.md).
import type { MachineMigration } from '../shared/machine-versions.js';

/** What may differ between versions of the case machine; each flag switches one rule on or off. */
export interface CaseFeatures {
  /** 交通 art 78: a head may extend the decision period once, before the decision (`decision.extend`). */
  decisionExtension: boolean;
  /**
   * 行刑衔接 (移送规定 arts 5–12; docs/transfer.md): `transfer.report` from any state before the decision, the
   * head's approval, sending, the police's answer, 复议 and 立案监督, the return to the administrative track; and
   * `clue.transfer` to 纪检监察 (art 19).
   */
  criminalTransfer: boolean;
  /**
   * 移送规定 art 12: after the police's 立案 the agency hands over the seized items and materials within 3 days
   * (`transfer.handover`); the case waits in `transfer.handingOver` under a clock and ends with the handover.
   * Without it the 立案 ends the case at once.
   */
  transferHandover: boolean;
}

/**
 * The features of every deployed version. Version 6 is the machine as it stood when versions began to be
 * kept; records written before carry no version on their `case.open` entry and are read as version 6.
 */
export const caseVersions = {
  6: { decisionExtension: true, criminalTransfer: false, transferHandover: false },
  7: { decisionExtension: true, criminalTransfer: true, transferHandover: false },
  8: { decisionExtension: true, criminalTransfer: true, transferHandover: true },
} as const satisfies Record<number, CaseFeatures>;

/** The version new cases open under: the highest listed. */
export const latestCaseVersion = 8 as const satisfies keyof typeof caseVersions;

/** The version a record without a machine on its opening entry was written under. */
export const unversionedCaseVersion = 6;

/** Documented mappings between versions. */
export const caseMigrations: MachineMigration[] = [
  {
    kind: 'case',
    from: 6,
    to: 7,
    basis:
      'Version 7 adds the criminal transfer (移送规定 arts 5–12, 19) and changes nothing else: every state of 6 is a state ' +
      'of 7 with the same transitions, and a case that never reported a transfer has no transfer in its context. The ' +
      'case is carried over as it stands, and may then report a transfer.',
    map: (snapshot) => ({ ok: true, snapshot }),
  },
  {
    kind: 'case',
    from: 7,
    to: 8,
    basis:
      'Version 8 adds the handover after a 立案 (移送规定 art 12) and changes nothing else before it: every state of 7 is ' +
      "a state of 8, and only the police's 立案 now leads to `transfer.handingOver` instead of ending the case. A case " +
      'already ended by a 立案 under 7 stays ended (its handover was not tracked); any other case is carried over as it stands.',
    map: (snapshot) => ({ ok: true, snapshot }),
  },
  {
    kind: 'case',
    from: 6,
    to: 8,
    basis: 'The mappings 6 → 7 and 7 → 8 in one step: both carry the case over as it stands.',
    map: (snapshot) => ({ ok: true, snapshot }),
  },
];
