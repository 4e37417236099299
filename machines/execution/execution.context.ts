// The execution machine's context: plain JSON only, so snapshots persist as-is. The review fields have the same
// names and meaning as the penalty and 查封扣押 cases' (`reviewerId`, `draft.hash`, `review`, `major.isMajor`), so
// the `cases` row, the `reviews` and `decisions` projections and the database trigger read every kind alike.
import type { ExecutionCatalog, ExecutionClassification } from './execution.catalog.js';
import type { ExecutionDraftSummary, ExecutionDuty, ExecutionRoute } from './execution.draft.js';
import type { ExecutionReviewItemKey } from './execution.events.js';

/** The latest review (法制审核) and the exact draft it judged. */
export interface ExecutionReview {
  outcome: 'approved' | 'returned';
  draftHash: string;
  reviewerId: string;
  at: string;
  failed: ExecutionReviewItemKey[];
}

/** The 催告 (art 35) as served: its period's last day, and the end of the art 54 wait (service + 10 working days). */
export interface ExecutionNotice {
  servedOn: string;
  periodDays: number;
  endsOn: string;
  courtWaitEndsOn: string;
  by: string;
}

/** One 陈述、申辩 (art 36) and the draft version it was heard on; one that holds must be adopted by a revision. */
export interface ExecutionStatement {
  heardOn: string;
  holds: boolean;
  draftVersion: number;
}

/** How the case ended its execution. */
export type ExecutionResult = 'executed' | 'court_enforced' | 'court_refused' | 'terminated' | 'performed';

export interface ExecutionContext {
  caseId: string;
  handlerId: string;
  reviewerId: string | null;
  catalog: ExecutionCatalog;
  draft: ExecutionDraftSummary;
  /** The duty's day it fell due and its remedy period's end (fixed at opening: the clocks run from them). */
  duty: Pick<ExecutionDuty, 'decisionRef' | 'kind' | 'dueOn' | 'remedyEndsOn'> & { amountYuan: number | null };
  major: ExecutionClassification;
  notice: ExecutionNotice | null;
  statements: ExecutionStatement[];
  attestation: { draftHash: string; by: string; at: string } | null;
  review: ExecutionReview | null;
  reviewRounds: number;
  /** Everyone who gave a review opinion on this case: none of them may decide it. */
  reviewers: string[];
  /** No one is recused in this machine yet; kept so the shared reviewer rule reads every kind alike. */
  recusals: string[];
  /** `outcome` names the route (`execution_enforce`, `execution_substitute`, `execution_court`) as `decisions` stores it. */
  decision: {
    draftHash: string;
    outcome: `execution_${ExecutionRoute}`;
    route: ExecutionRoute;
    by: string;
    at: string;
    decidedOn: string;
    courtDeadline: string;
  } | null;
  /** art 51(2): the 催告 served before a 代履行. */
  reminder: { servedOn: string; by: string } | null;
  suspension: { ground: string; by: string; at: string } | null;
  suspensions: number;
  conclusion: { result: ExecutionResult; by: string; at: string; on: string; costYuan: number | null; urgent: boolean } | null;
  duties: { filingRequired: boolean; filedAt: string | null; filedOn: string | null };
  openedAt: string;
  openedOn: string;
  endedAt: string | null;
}
