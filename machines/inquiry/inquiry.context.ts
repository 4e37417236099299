// The inquiry machine's context: plain JSON (ids, ISO times, dates, hashes), persisted as-is.
// It holds the outcome, the people answerable with the proposed allocation, claims and the determination.
import type { Allocation, FaultLevel, OutcomeRecord } from './inquiry.events.js';
import type { ChainRole, FaultFacts } from './inquiry.rules.js';

/** A person answerable for the decision, from the responsibility chain. */
export interface InquiryPerson {
  id: string;
  name: string;
  roles: Exclude<ChainRole, 'discussants'>[];
}

/** The rules' proposal for one person (or a discussant, by name only: the record has no user for them). */
export interface ProposedShare {
  personId: string | null;
  name: string;
  role: ChainRole;
  level: FaultLevel;
  ruleId: string;
  basis: string;
}

export interface ExemptionClaim {
  personId: string;
  grounds: string[];
  statement: string;
  at: string;
}

export interface InquiryContext {
  inquiryId: string;
  caseId: string;
  decision: { draftHash: string; outcome: string; by: string; at: string; entryId: number };
  outcome: OutcomeRecord & { recordedBy: string; at: string };
  persons: InquiryPerson[];
  facts: FaultFacts;
  proposal: { rulesVersion: string; shares: ProposedShare[] };
  /** Ground codes configured when the inquiry opened; claims and exemptions must use these. */
  groundCodes: string[];
  claims: ExemptionClaim[];
  /** 行政处罚法 art 48 ¶2: a published decision that was changed or revoked is withdrawn within 3 WD. */
  /** Its due date is the `publicationWithdrawal` clock's, kept in one place: the case's deadlines. */
  withdrawal: {
    required: boolean;
    withdrawnAt: string | null;
    withdrawnOn: string | null;
    by: string | null;
  };
  determination: { by: string; at: string; allocations: Allocation[]; conclusion: string } | null;
  openedAt: string;
}

/** What opening an inquiry needs (computed by the server from the record and the rules). */
export type InquiryInput = Omit<InquiryContext, 'claims' | 'determination'>;
