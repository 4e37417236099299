// The content rules of the decision stage as pure functions (HTTP 422): the decision agrees with the review
// and the draft, and a collective discussion has a real, eligible panel. case.rules.ts's `refuseContent` asks these.
import type { CaseContext, CaseProcedure } from './case.context.js';
import type { CaseEvent, DecisionOutcome, Panelist } from './case.events.js';
import type { ProposedOutcome } from './draft.schema.js';

/** Why the content of a decision or discussion is refused (stable values; the desk words them per language). */
export type DecisionReason =
  | 'decision_after_referral'
  | 'decision_not_as_proposed'
  | 'quorum_not_met'
  | 'chair_not_member'
  | 'chair_not_eligible'
  | 'member_not_eligible'
  | 'member_conflicted';

/** A content refusal of the decision stage; `fields` names the parts of the command at fault. */
export interface DecisionContentRefusal {
  code: 'decision_outcome_inconsistent' | 'discussion_invalid';
  reason: DecisionReason;
  detail: string;
  fields: string[];
}

/**
 * What the procedure was before it was configurable: no sign-off, and any head alone could record a
 * discussion. Cases opened before the procedure existed keep it, so their record replays as it was accepted.
 */
export const legacyProcedure: CaseProcedure = {
  opinionSignOff: false,
  discussion: { quorum: 1, memberRoles: ['head'], chairRoles: ['head'] },
};

/** The procedure the case opened under. */
export const procedureOf = (context: CaseContext): CaseProcedure => context.procedure ?? legacyProcedure;

/** What the current draft proposes (cases opened before `proposedOutcome` existed: from the first kind). */
export function proposedOutcome(context: CaseContext): ProposedOutcome {
  return context.draft.proposedOutcome ?? (context.draft.proposedKind === 'no_penalty' ? 'no_penalty' : 'penalty');
}

const noPenalty = new Set(['no_penalty', 'no_penalty_minor', 'no_penalty_unfounded']);
/** Equal, or one side is the old `no_penalty` (either ground) and the other a 不予处罚 of a named ground. */
const sameOutcome = (a: string, b: string) =>
  a === b || ((a === 'no_penalty' || b === 'no_penalty') && noPenalty.has(a) && noPenalty.has(b));

/**
 * The decision agrees with the review and the draft (行政处罚法 art 57, 58, 82; 移送规定 art 11): after a
 * referral (建议移送) the only decision is a transfer (no 以罚代刑); otherwise the outcome is the one the
 * decided draft proposes, which is the one the review approved. A different outcome needs a revised draft,
 * and on a major case a new review of it.
 */
export function refuseDecisionOutcome(context: CaseContext, outcome: DecisionOutcome): DecisionContentRefusal | null {
  if (context.review?.outcome === 'referred') {
    if (outcome === 'transfer') return null;
    const detail = `After a referral (建议移送) the only decision is a transfer (移送); ${outcome} would substitute a penalty for the transfer (以罚代刑, 行政处罚法 art 82).`;
    return { code: 'decision_outcome_inconsistent', reason: 'decision_after_referral', detail, fields: ['outcome'] };
  }
  const proposed = proposedOutcome(context);
  if (sameOutcome(outcome, proposed)) return null;
  const detail = `The draft proposes ${proposed}; deciding ${outcome} needs a revised draft${context.major.isMajor ? ' and a new legal review' : ''}.`;
  return { code: 'decision_outcome_inconsistent', reason: 'decision_not_as_proposed', detail, fields: ['outcome'] };
}

type Discussion = Extract<CaseEvent, { type: 'discussion.record' }>;
const holds = (p: Panelist, roles: readonly string[]) => p.active && p.roles.some((r) => roles.includes(r));
const invalid = (reason: DecisionReason, detail: string, fields: string[]): DecisionContentRefusal => ({
  code: 'discussion_invalid',
  reason,
  detail,
  fields,
});

/**
 * A collective discussion (集体讨论, 行政处罚法 art 57 ¶2; 交通 art 76) has a quorum of eligible members, is
 * chaired by one of them who may chair, and seats nobody barred from deciding the case: its handler, anyone
 * who gave a review opinion on it, anyone who declared 回避. Quorum and roles come from the policy [T].
 */
export function refuseDiscussion(context: CaseContext, event: Discussion): DecisionContentRefusal | null {
  if (!event.panel) return null;
  const { discussion } = procedureOf(context);
  const person = new Map(event.panel.map((p) => [p.id, p]));
  const barred = new Set([context.handlerId, ...(context.reviewers ?? []), ...context.recusals]);
  const conflicted = event.members.findIndex((m) => barred.has(m.userId));
  if (conflicted >= 0) {
    const detail = 'The handler, a reviewer of this case or a recused person may not sit on its collective discussion.';
    return invalid('member_conflicted', detail, [`members.${conflicted}.userId`]);
  }
  const ineligible = event.members.findIndex((m) => !person.has(m.userId) || !holds(person.get(m.userId)!, discussion.memberRoles));
  if (ineligible >= 0) {
    const detail = `Members must be active users holding a role of ${discussion.memberRoles.join(', ')}.`;
    return invalid('member_not_eligible', detail, [`members.${ineligible}.userId`]);
  }
  if (event.members.length < discussion.quorum) {
    return invalid('quorum_not_met', `A collective discussion needs at least ${discussion.quorum} members.`, ['members']);
  }
  if (!event.members.some((m) => m.userId === event.chairId)) {
    return invalid('chair_not_member', 'The chair must be one of the members.', ['chairId']);
  }
  if (!holds(person.get(event.chairId)!, discussion.chairRoles)) {
    return invalid('chair_not_eligible', `The chair must hold a role of ${discussion.chairRoles.join(', ')}.`, ['chairId']);
  }
  return null;
}
