// The case machine's context: plain JSON only (ids, ISO times, hashes), so snapshots persist as-is.
// It holds what the rules need; full texts (drafts, opinions, transcripts) live on the event record.
import type { Classification, MajorCatalog } from './major-catalog.js';
import type { DecisionOutcome } from './case.events.js';
import type { ProposedKind } from './draft.schema.js';

/** The latest review (法制审核) outcome and the exact draft it judged. */
export interface ReviewRecord {
  outcome: 'approved' | 'returned' | 'referred';
  draftHash: string;
  reviewerId: string;
  at: string;
}

export interface CaseContext {
  caseId: string;
  handlerId: string;
  reviewerId: string | null;
  catalog: MajorCatalog;
  draft: { version: number; hash: string; proposedKind: ProposedKind };
  major: Classification;
  rights: {
    noticedAt: string | null;
    statements: number;
    hearingRequested: boolean;
    hearingHeld: boolean;
    waived: boolean;
    lapsed: boolean;
  };
  /** The handler's attestation (材料真实、准确、完整) for the draft now in review. */
  attestation: { draftHash: string; by: string; at: string } | null;
  review: ReviewRecord | null;
  reviewRounds: number;
  discussion: { draftHash: string; at: string; by: string } | null;
  decision: { draftHash: string; outcome: DecisionOutcome; by: string; at: string } | null;
  duties: {
    publicationRequired: boolean;
    filingRequired: boolean;
    servedAt: string | null;
    publishedAt: string | null;
    publicationWithdrawnAt: string | null;
    filedAt: string | null;
  };
  recusals: string[];
  /** Latest deadline notice per deadline kind (warning, overdue, escalated), as the scheduler recorded it. */
  alerts: Record<string, 'warning' | 'overdue' | 'escalated'>;
  openedAt: string;
  endedAt: string | null;
}
