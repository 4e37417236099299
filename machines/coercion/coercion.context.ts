// The 查封、扣押 machine's context: plain JSON only, so snapshots persist as-is. The review fields have the
// same names and meaning as the penalty case's (`reviewerId`, `draft.hash`, `review`, `major.isMajor`), so the
// `cases` row, the `reviews` and `decisions` projections and the database trigger read both kinds alike.
import type { CoercionCatalog, CoercionClassification } from './coercion.catalog.js';
import type { CoercionDraftSummary, CoercionMeasure } from './coercion.draft.js';
import type { CoercionReviewItemKey, Conclusion } from './coercion.events.js';

/** The latest review (法制审核) and the exact draft it judged. */
export interface CoercionReview {
  outcome: 'approved' | 'returned';
  draftHash: string;
  reviewerId: string;
  at: string;
  failed: CoercionReviewItemKey[];
}

/** The measure in force: when it began, its period's last day, and its one extension (art 25). */
export interface CoercionPeriod {
  implementedOn: string;
  days: number;
  endsOn: string;
  extension: { days: number; by: string; at: string; reason: string; noticeServedOn: string; endsOn: string } | null;
}

export interface CoercionContext {
  caseId: string;
  handlerId: string;
  reviewerId: string | null;
  catalog: CoercionCatalog;
  draft: CoercionDraftSummary;
  major: CoercionClassification;
  attestation: { draftHash: string; by: string; at: string } | null;
  review: CoercionReview | null;
  reviewRounds: number;
  /** Everyone who gave a review opinion on this case: none of them may decide it. */
  reviewers: string[];
  /** No one is recused in this machine yet; kept so the shared reviewer rule reads both kinds alike. */
  recusals: string[];
  /** `outcome` names the measure (`coercion_seal`, `coercion_seize`) as the `decisions` projection stores it. */
  decision: { draftHash: string; outcome: `coercion_${CoercionMeasure}`; by: string; at: string; decidedOn: string } | null;
  period: CoercionPeriod | null;
  conclusion: { result: Conclusion; by: string; at: string; concludedOn: string; withinPeriod: boolean } | null;
  duties: { filingRequired: boolean; filedAt: string | null; filedOn: string | null };
  openedAt: string;
  openedOn: string;
  endedAt: string | null;
  /** The latest notice the scheduler recorded per clock kind (absent on snapshots from before the clocks were rows). */
  alerts?: Record<string, 'warning' | 'overdue' | 'escalated'>;
}
