// The 行政许可 (撤销 / 撤回) machine's context: plain JSON only, so snapshots persist as-is. The review fields have
// the same names and meaning as the penalty and 查封扣押 cases' (`reviewerId`, `draft.hash`, `review`,
// `major.isMajor`), so the `cases` row, the projections and the database trigger read every kind alike.
import type { LicenceCatalog, LicenceClassification } from './licence.catalog.js';
import type { LicenceCompensation, LicenceDraftSummary, LicenceGround, LicenceOutcome } from './licence.draft.js';
import type { LicenceReviewItemKey } from './licence.events.js';

/** The latest review (法制审核) and the exact draft it judged. */
export interface LicenceReview {
  outcome: 'approved' | 'returned';
  draftHash: string;
  reviewerId: string;
  at: string;
  failed: LicenceReviewItemKey[];
}

/** The notice of the intended decision (arts 7, 36) and the 陈述、申辩 it opened. */
export interface LicenceHearing {
  /** The outcome and grounds the licensee was told; a later draft must keep them. */
  outcome: LicenceOutcome;
  grounds: LicenceGround[];
  draftHash: string;
  servedOn: string;
  statementsDueOn: string;
  statements: { waived: boolean; by: string; at: string; receivedOn: string }[];
  closedAt: string | null;
}

export interface LicenceContext {
  caseId: string;
  handlerId: string;
  reviewerId: string | null;
  catalog: LicenceCatalog;
  draft: LicenceDraftSummary;
  major: LicenceClassification;
  hearing: LicenceHearing | null;
  attestation: { draftHash: string; by: string; at: string } | null;
  review: LicenceReview | null;
  reviewRounds: number;
  /** Everyone who gave a review opinion on this case: none of them may decide it. */
  reviewers: string[];
  /** No one is recused in this machine yet; kept so the shared reviewer rule reads every kind alike. */
  recusals: string[];
  /** `outcome` as the `decisions` projection stores it (`licence_revoke`, `licence_withdraw`, `licence_notRevoke`). */
  decision: {
    draftHash: string;
    outcome: `licence_${LicenceOutcome}`;
    compensation: LicenceCompensation;
    by: string;
    at: string;
    decidedOn: string;
  } | null;
  /** 送达, 公示 (118号 (六): 7 working days for 许可) and 备案 (major decisions) after the decision. */
  duties: {
    servedOn: string | null;
    publishedOn: string | null;
    filingRequired: boolean;
    filedAt: string | null;
    filedOn: string | null;
  };
  openedAt: string;
  openedOn: string;
  endedAt: string | null;
}
