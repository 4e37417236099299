// The case machine's context: plain JSON only (ids, ISO times, hashes), so snapshots persist as-is.
// It holds what the rules need; full texts (drafts, opinions, transcripts) live on the event record.
import type { Classification, MajorCatalog } from './major-catalog.js';
import type { DecisionOutcome, ReferralTarget, ReviewItemKey, Role } from './case.events.js';
import type { Measure, ProposedKind, ProposedOutcome } from './draft.schema.js';
import type { HearingWindow } from './party.schemas.js';
import type { ClueRecord, TransferRecord } from './transfer.rules.js';

/** The latest review (法制审核) outcome and the exact draft it judged. */
export interface ReviewRecord {
  outcome: 'approved' | 'returned' | 'referred';
  draftHash: string;
  reviewerId: string;
  at: string;
  /** The review items not passed (absent on reviews recorded before items were required). */
  failed?: ReviewItemKey[];
  /** Where a referral sends the case. */
  target?: ReferralTarget;
  /** Who signed the opinion off for the 法制审核机构, where the procedure requires it. */
  signedOff?: { by: string; at: string } | null;
}

/**
 * The case's procedure, fixed from the policy when the case opens (like the catalog), so the record alone
 * rebuilds it: whether the 法制审核机构's head signs opinions off, and the collective discussion's quorum and
 * who may sit on it or chair it ([T] local values).
 */
export interface CaseProcedure {
  opinionSignOff: boolean;
  discussion: { quorum: number; memberRoles: Role[]; chairRoles: Role[] };
}

/** A scheduled hearing (听证): its date, the earliest date its notice allows, and who hosts and records it. */
export interface HearingSchedule {
  date: string;
  earliestOn: string;
  noticeServedOn: string;
  hostId: string;
  recorderId: string;
  heldOn: string | null;
}

/** A party's application for 回避 against one person (交通 arts 12–14), and the head's answer. */
export interface RecusalApplication {
  no: number;
  againstId: string;
  appliedOn: string;
  status: 'pending' | 'granted' | 'refused';
  decidedBy: string | null;
}

export interface CaseContext {
  caseId: string;
  handlerId: string;
  reviewerId: string | null;
  catalog: MajorCatalog;
  /** `proposedKind` is the first measure's kind (old readers); `proposedOutcome` what the draft proposes to decide. */
  draft: { version: number; hash: string; proposedKind: ProposedKind | string; proposedOutcome?: ProposedOutcome; measures: Measure[] };
  major: Classification;
  rights: {
    noticedAt: string | null;
    statements: number;
    hearingRequested: boolean;
    hearingHeld: boolean;
    waived: boolean;
    lapsed: boolean;
    /** The party's receipt of the latest 违法行为通知书 (legal date), and the 听证 request period counted from it. */
    receivedOn: string | null;
    hearingWindow: HearingWindow | null;
    /** The measures the latest notice announced: no later draft may be heavier without a new notice. */
    noticedMeasures: Measure[] | null;
    notices: number;
    lastStatementAt: string | null;
  };
  hearing: HearingSchedule | null;
  /** The handler's attestation (材料真实、准确、完整) for the draft now in review. */
  attestation: { draftHash: string; by: string; at: string } | null;
  review: ReviewRecord | null;
  reviewRounds: number;
  discussion: { draftHash: string; at: string; by: string; chairId?: string } | null;
  decision: {
    draftHash: string;
    outcome: DecisionOutcome;
    by: string;
    at: string;
    /** The date on the 决定书 and its 文号. */
    decidedOn: string;
    documentNo: string | null;
  } | null;
  duties: {
    publicationRequired: boolean;
    filingRequired: boolean;
    servedAt: string | null;
    publishedAt: string | null;
    publicationWithdrawnAt: string | null;
    filedAt: string | null;
    /** No 决定书 is served on the party for a transfer (移送司法机关). */
    serviceRequired: boolean;
    /** Legal dates of each duty (送达回证, publication, withdrawal, filing). */
    servedOn: string | null;
    publishedOn: string | null;
    publicationWithdrawnOn: string | null;
    filedOn: string | null;
  };
  recusals: string[];
  /** Everyone who has handled (investigated) the case; none of them may host or record its hearing (交通 art 84). */
  investigators: string[];
  recusalApplications: RecusalApplication[];
  /** Latest deadline notice per deadline kind (warning, overdue, escalated), as the scheduler recorded it. */
  alerts: Record<string, 'warning' | 'overdue' | 'escalated'>;
  openedAt: string;
  /** The 立案 date (legal date; may be earlier than `openedAt`, when it was entered). */
  openedOn: string;
  endedAt: string | null;
  // Fields below came with the review-law rules; snapshots stored before them lack them (read with `?? default`).
  procedure?: CaseProcedure;
  /** Everyone who gave a review opinion on this case (any round): none of them may decide it. */
  reviewers?: string[];
  /** The latest request for supplementary materials (补充材料) and when the handler supplied them. */
  materials?: { request: string; by: string; requestedAt: string; suppliedAt: string | null } | null;
  /** The handler's objection to a return and the head's coordination of it (118号 (十四)). */
  dispute?: {
    reason: string;
    by: string;
    at: string;
    coordination: { result: 'return_upheld' | 'handler_upheld'; by: string; at: string } | null;
  } | null;
  /** The one extension of the decision period (交通 art 78). */
  decisionExtension?: { by: string; at: string; reason: string } | null;
  /** The latest criminal transfer (移送规定 arts 5–12), if one was ever proposed. */
  transfer?: TransferRecord | null;
  /** Clues of officials' misconduct sent to 纪检监察 (移送规定 art 19). */
  clues?: ClueRecord[];
}
