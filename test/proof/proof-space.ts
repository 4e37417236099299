// The abstraction that makes the case machine's state space finite, and the traversal over it.
// The key keeps every context field a guard or a checked property reads; it drops counters, times and texts.
import { getAdjacencyMap } from 'xstate/graph';
import type { AnyMachineSnapshot } from 'xstate';
import type { CaseContext } from '../../machines/case/case.context.js';
import { proposedOutcome } from '../../machines/case/decision.rules.js';
import { isReviewRequiredAfterTransfer, isSupervisionOrdered } from '../../machines/case/transfer.rules.js';
import { caseMachine, type CaseMachine } from '../../machines/case/case.machine.js';
import { alphabet, type LabeledEvent, type ModelName } from './proof-alphabet.js';
import { catalog, drafts, isQualifiedIndependentReviewer, legalDates, modelTime, procedure } from './proof-actors.js';

/** The input every explored case starts from: a minor draft, so both minor and major routes are reachable. */
export const modelInput = {
  caseId: 'proof-case',
  handlerId: 'handler',
  draft: drafts.minor,
  catalog,
  procedure,
  at: modelTime,
  openedOn: legalDates.opened,
};

export type Snapshot = AnyMachineSnapshot;
/** One abstract state: its representative snapshot and, per event label, the event and the snapshot it leads to. */
export interface SpaceNode {
  state: Snapshot;
  transitions: Record<string, { event: LabeledEvent; state: Snapshot }>;
}
/** The adjacency map of `getAdjacencyMap`, keyed by abstract key. */
export type Space = Record<string, SpaceNode>;

/** A concrete hash as the abstraction sees it: the current draft's, or an older (stale) one. */
export const hashLabel = (hash: string | undefined, context: CaseContext) =>
  hash === undefined ? null : hash === context.draft.hash ? 'current' : 'stale';

/** True once the decision is made or the case ended: draft, assignment and review can no longer change. */
export const isFrozen = (snapshot: Snapshot) => snapshot.status !== 'active' || snapshot.matches('decided');

/**
 * The abstract state (see docs/proof.md, "Abstraction"). Hashes become current/stale (events name hashes
 * relative to the current draft, so which text is current does not matter); the reviewer of the latest
 * review becomes a class (qualified and independent, or not); the review desk's fields are dropped once
 * frozen. Draft version, review rounds, statement counts, alerts and times are dropped: no guard reads them.
 */
export function abstractKey(snapshot: Snapshot): string {
  let key = keys.get(snapshot);
  if (key === undefined) {
    key = computeKey(snapshot);
    keys.set(snapshot, key);
  }
  return key;
}

// The traversals serialise the same snapshot objects many times over; the key of an object never changes.
const keys = new WeakMap<Snapshot, string>();

function computeKey(snapshot: Snapshot): string {
  const c = snapshot.context as CaseContext;
  const d = c.duties;
  const live = isFrozen(snapshot)
    ? {}
    : {
        heard: c.rights.hearingHeld,
        // resolveOutcome and the decision-outcome rule read what the draft proposes.
        proposed: proposedOutcome(c),
        attestation: hashLabel(c.attestation?.draftHash, c),
        reviewerId: c.reviewerId,
        // The party's rights: what the notice announced, pending 回避 applications, who handles the case, and
        // the receipt date where a guard reads it under the alphabet's fixed dates (see receiptKey).
        receivedOn: receiptKey(snapshot),
        noticed: c.rights.noticedMeasures,
        // As a set: the alphabet answers the first pending application, so two against one person act as one.
        pending: [...new Set(c.recusalApplications.filter((a) => a.status === 'pending').map((a) => a.againstId))].sort(),
        handlerId: c.handlerId,
        // Only reviewer2 reviews and also holds the head role: whether it gave an opinion decides reviewer_may_not_decide.
        reviewedByHead: (c.reviewers ?? []).includes('reviewer2'),
      };
  return JSON.stringify({
    value: snapshot.value,
    status: snapshot.status,
    major: [c.major.isMajor, c.major.discussionRequired],
    rightsOk: c.rights.noticedAt !== null || c.rights.waived,
    review: c.review && [
      c.review.outcome,
      hashLabel(c.review.draftHash, c),
      isQualifiedIndependentReviewer(c.review.reviewerId),
      (c.review.failed ?? []).length > 0,
    ],
    discussion: hashLabel(c.discussion?.draftHash, c),
    decision: c.decision && [c.decision.outcome, hashLabel(c.decision.draftHash, c)],
    duties: [
      d.serviceRequired,
      d.publicationRequired,
      d.filingRequired,
      d.servedAt !== null,
      d.publishedAt !== null,
      d.publicationWithdrawnAt !== null,
      d.filedAt !== null,
    ],
    recusals: [...new Set(c.recusals)].sort(),
    ended: c.endedAt !== null,
    // Where a refused or declined transfer returns the case, and whether a 立案 after a 不予立案 was ordered.
    transfer: c.transfer ? [c.transfer.from, c.transfer.status, isSupervisionOrdered(c), isReviewRequiredAfterTransfer(c)] : null,
    ...live,
  });
}

/**
 * The receipt date, only in the states where a guard tells the alphabet's two receipt dates apart: in
 * `noticed` (whether the request period is over "today") and `hearingRequested` (a hearing notice dated
 * between them). Every later date of the alphabet (decision, service, filing) follows both. Left out too,
 * for the same reason: the hearing's schedule (one date, and every date after it is that date or later) and
 * the investigators (the alphabet's hosts are always, or never, one of them).
 */
function receiptKey(snapshot: Snapshot): string | null {
  return snapshot.matches('noticed') || snapshot.matches('hearingRequested') ? (snapshot.context as CaseContext).rights.receivedOn : null;
}

/** Adjacency over the abstraction: one representative snapshot per key, every event of the sub-model's alphabet from it. */
export function exploreSpace(machine: CaseMachine = caseMachine, model: ModelName = 'main', input: typeof modelInput = modelInput): Space {
  return getAdjacencyMap(
    machine as never,
    {
      input,
      events: (snapshot: Snapshot) => alphabet(snapshot, model),
      serializeState: (snapshot: Snapshot) => abstractKey(snapshot),
      serializeEvent: (event: LabeledEvent) => event.label,
    } as never,
  ) as unknown as Space;
}
