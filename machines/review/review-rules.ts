// The review sub-flow's rules every machine shares: the approval binds the exact draft it judged (the
// engine's promise, seed §9(3)), and the separation of handling and review (办案人员不得作为审核人员).
// Invariant: a decision binds only to the draft hash the latest review approved while it is still current.

/** The latest review as every machine keeps it: its outcome and the exact draft hash it judged. */
export interface BoundReview {
  outcome: string;
  draftHash: string;
  reviewerId: string;
}

/**
 * The core promise (seed §9(3); 行政处罚法 art 58; 国办发〔2018〕118号 (十四)): a major decision may be made only
 * on the draft the latest review approved (`passing` outcomes), and only while that draft is still current and
 * is the one the decision names.
 */
export function isApprovedDraftBound(
  review: BoundReview | null,
  currentHash: string,
  sentHash: string,
  passing: readonly string[] = ['approved'],
): boolean {
  if (!review || !passing.includes(review.outcome)) return false;
  return review.draftHash === currentHash && sentHash === currentHash;
}

/** A refusal of a would-be reviewer: its stable code (HTTP 403) and a sentence. */
export interface ReviewerRefusal {
  code: 'self_review' | 'recused' | 'no_qualification' | 'not_assigned_reviewer';
  detail: string;
}

/**
 * Who may review a case: not its handler (市场监管 rule art 49; 内蒙古 art 27), not a person recused on it, only
 * with a valid legal qualification (法律职业资格), and only the assigned reviewer once one is assigned.
 */
export function refuseReviewerOf(
  scope: { handlerId: string; recusals: readonly string[] },
  candidate: { id: string; qualified: boolean },
  assigned: string | null,
): ReviewerRefusal | null {
  if (candidate.id === scope.handlerId) {
    return { code: 'self_review', detail: 'The handler of a case may not review it (办案人员不得作为审核人员).' };
  }
  if (scope.recusals.includes(candidate.id)) {
    return { code: 'recused', detail: 'That reviewer declared a conflict of interest (回避) on this case.' };
  }
  if (!candidate.qualified) {
    return { code: 'no_qualification', detail: 'Legal review needs a valid legal qualification (法律职业资格).' };
  }
  if (assigned !== null && assigned !== candidate.id) {
    return { code: 'not_assigned_reviewer', detail: 'This case is assigned to another reviewer.' };
  }
  return null;
}
