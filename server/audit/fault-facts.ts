// From a responsibility chain to an inquiry's inputs: the persons answerable (handler, reviewer, head),
// the facts the fault rules test, and the proposed share of each person under the configured rules.
import type { ReviewItemKey } from '../../machines/case/case.events.js';
import type { OutcomeRecord, OverturnCause } from '../../machines/inquiry/inquiry.events.js';
import type { InquiryPerson, ProposedShare } from '../../machines/inquiry/inquiry.context.js';
import { allocateByRole, type FaultFacts, type FaultRules } from '../../machines/inquiry/inquiry.rules.js';
import type { ChainLink, ResponsibilityChain } from './responsibility.js';

const causeItems: Record<OverturnCause, ReviewItemKey[]> = {
  facts_evidence: ['factsEvidence'],
  law_application: ['lawDiscretion'],
  discretion: ['lawDiscretion'],
  procedure: ['procedure'],
  authority: ['authority', 'withinPowers'],
  documents: ['documents'],
  other: [],
};

const links = (chain: ResponsibilityChain): ChainLink[] => chain.drafts.flatMap((d) => d.links);

type Items = Partial<Record<ReviewItemKey, { passed: boolean }>>;
/** Whether an opinion's items marked as not passed an item matching one of the outcome's causes. */
const failedOn = (items: Items | null | undefined, outcome: OutcomeRecord): boolean =>
  outcome.causes.some((cause) => causeItems[cause].some((key) => items?.[key]?.passed === false));

/** The review that cleared the decided draft (the last approval or referral of its hash), if any. */
function clearingReview(chain: ResponsibilityChain): ChainLink | undefined {
  const hash = chain.decision?.draftHash;
  return links(chain)
    .filter((l) => l.step === 'review' && l.draftHash === hash && l.detail.outcome !== 'returned')
    .pop();
}

/** People answerable for the decision: whoever proposed or attested, reviewed, discussed as head, or decided. */
export function chainPersons(chain: ResponsibilityChain): InquiryPerson[] {
  const persons = new Map<string, InquiryPerson>();
  const add = (link: ChainLink, role: InquiryPerson['roles'][number]) => {
    if (!link.actor) return;
    const person = persons.get(link.actor.id) ?? { id: link.actor.id, name: link.actor.name, roles: [] };
    if (!person.roles.includes(role)) person.roles.push(role);
    persons.set(person.id, person);
  };
  for (const link of links(chain)) {
    if (['proposal', 'attestation', 'hearing', 'supplement', 'objection'].includes(link.step)) add(link, 'handler');
    if (link.step === 'review') add(link, 'reviewer');
    if (['discussion', 'decision', 'coordination', 'sign_off'].includes(link.step)) add(link, 'head');
  }
  return [...persons.values()];
}

/** What the record says about how the decision came about, for the rules' `when` conditions. */
export function faultFacts(chain: ResponsibilityChain, outcome: OutcomeRecord): FaultFacts {
  const decided = chain.decision;
  const clearing = clearingReview(chain);
  const items = (clearing?.detail.items ?? {}) as Partial<Record<ReviewItemKey, { passed: boolean }>>;
  const flagged = failedOn(items, outcome);
  const all = links(chain);
  return {
    forum: outcome.forum,
    result: outcome.result,
    causes: outcome.causes,
    reviewed: clearing !== undefined,
    discussed: all.some((l) => l.step === 'discussion' && l.draftHash === decided?.draftHash),
    // Seed §9(3): a change clears the handler only where it followed the reviewer's specific finding, i.e. a
    // return of an earlier draft that found the very item the decision was overturned for.
    reviewerDirected: all.some(
      (l) =>
        l.step === 'review' &&
        l.detail.outcome === 'returned' &&
        l.draftVersion < (decided?.draftVersion ?? 0) &&
        failedOn(l.detail.items as Items | null | undefined, outcome),
    ),
    reviewerFlaggedCause: flagged,
  };
}

const dissent = {
  level: 'none' as const,
  ruleId: 'dissent_recorded',
  basis: 'voted against the decision in the collective discussion (DOMAIN §2.2)',
};

/** The rules' proposal: one share per person and role, plus one per discussion member (dissenters bear none). */
export function proposeShares(chain: ResponsibilityChain, persons: InquiryPerson[], facts: FaultFacts, rules: FaultRules): ProposedShare[] {
  const byRole = allocateByRole(facts, rules);
  const clearingReviewer = clearingReview(chain)?.actor?.id;
  const shares: ProposedShare[] = [];
  for (const person of persons) {
    for (const role of person.roles) {
      // A reviewer who only judged earlier drafts (and returned them) did not clear the decided text.
      const earlierOnly = role === 'reviewer' && person.id !== clearingReviewer;
      const share = earlierOnly
        ? { level: 'none' as const, ruleId: 'earlier_draft_only', basis: 'reviewed only earlier drafts, which were returned' }
        : byRole[role];
      shares.push({ personId: person.id, name: person.name, role, ...share });
    }
  }
  const decidedHash = chain.decision?.draftHash;
  for (const link of links(chain)) {
    if (link.step !== 'discussion_view' || link.draftHash !== decidedHash) continue;
    // Those who recorded their dissent bear no fault for the collective decision (DOMAIN §2.2).
    const share = link.detail.vote === 'disagree' ? dissent : byRole.discussants;
    shares.push({ personId: link.actor?.id ?? null, name: link.name, role: 'discussants', ...share });
  }
  return shares;
}
