// How each accepted event changes the case context: pure functions of (context, event), wrapped by the
// machine's `assign` actions. They never decide whether an event is allowed; the guards do.
import type { CaseContext, CaseProcedure } from './case.context.js';
import { ReviewItemKeys, type CaseEvent } from './case.events.js';
import type { DraftContent } from './draft.schema.js';
import { classifyDraft, mergeClassification, type MajorCatalog } from './major-catalog.js';
import { resolveOutcome } from './case.rules.js';
import { draftSummary, reviewLawUpdates } from './review.updates.js';

/** What opening a case (立案) needs; the creator is the handler. */
export interface CaseInput {
  caseId: string;
  handlerId: string;
  draft: DraftContent;
  catalog: MajorCatalog;
  at: string;
  /** The procedure in force when the case opens (policy); absent on cases opened before it existed. */
  procedure?: CaseProcedure;
}

/** The items an opinion did not pass (the seven of 交通 art 72; old records may lack some). */
const failedItems = (event: CaseEvent) => {
  const items = (event as { items?: Partial<Record<string, { passed?: boolean }>> }).items;
  return ReviewItemKeys.filter((key) => items?.[key]?.passed === false);
};

type EventOf<T extends CaseEvent['type']> = Extract<CaseEvent, { type: T }>;
/** One context update. */
export type CaseUpdate = (context: CaseContext, event: CaseEvent) => Partial<CaseContext>;

/** The context of a newly opened case, classified against the catalog in force. */
export function initialContext(input: CaseInput): CaseContext {
  const major = classifyDraft(input.draft, input.catalog, false);
  return {
    caseId: input.caseId,
    handlerId: input.handlerId,
    reviewerId: null,
    catalog: input.catalog,
    draft: draftSummary(input.draft, 1),
    major,
    rights: { noticedAt: null, statements: 0, hearingRequested: false, hearingHeld: false, waived: false, lapsed: false },
    attestation: null,
    review: null,
    reviewRounds: 0,
    discussion: null,
    decision: null,
    duties: {
      publicationRequired: false,
      filingRequired: false,
      servedAt: null,
      publishedAt: null,
      publicationWithdrawnAt: null,
      filedAt: null,
    },
    recusals: [],
    alerts: {},
    openedAt: input.at,
    endedAt: null,
    ...(input.procedure ? { procedure: input.procedure } : {}),
    reviewers: [],
    materials: null,
    dispute: null,
    decisionExtension: null,
  };
}

/** Every update, named for its effect; the machine refers to them by these names. */
export const caseUpdates = {
  reviseDraft: (context, event) => {
    const { draft } = event as EventOf<'draft.revise'>;
    const next = classifyDraft(draft, context.catalog, context.rights.hearingHeld);
    return {
      draft: draftSummary(draft, context.draft.version + 1),
      major: mergeClassification(context.major, next),
      // A changed draft voids any approval, attestation and discussion: they judged another text.
      review: null,
      attestation: null,
      discussion: null,
    };
  },
  recordNotice: (context, event) => ({ rights: { ...context.rights, noticedAt: event.at } }),
  recordStatement: (context) => ({ rights: { ...context.rights, statements: context.rights.statements + 1 } }),
  recordHearingRequest: (context) => ({ rights: { ...context.rights, hearingRequested: true } }),
  recordHearingHeld: (context) => ({
    rights: { ...context.rights, hearingHeld: true },
    major: context.catalog.hearingHeldIsMajor
      ? mergeClassification(context.major, { isMajor: true, reasons: ['hearing_held'], discussionRequired: false, discussionReasons: [] })
      : context.major,
  }),
  recordWaiver: (context) => ({ rights: { ...context.rights, waived: true } }),
  recordLapse: (context) => ({ rights: { ...context.rights, lapsed: true } }),
  recordAttestation: (context, event) => ({
    attestation: { draftHash: context.draft.hash, by: event.actor.id, at: event.at },
  }),
  assignReviewer: (_context, event) => ({ reviewerId: (event as EventOf<'review.assign'>).assignee.id }),
  recordApproval: (context, event) => ({
    review: {
      outcome: 'approved' as const,
      draftHash: context.draft.hash,
      reviewerId: event.actor.id,
      at: event.at,
      failed: failedItems(event),
      signedOff: null,
    },
    reviewRounds: context.reviewRounds + 1,
    reviewers: [...new Set([...(context.reviewers ?? []), event.actor.id])],
  }),
  recordReturn: (context, event) => ({
    review: {
      outcome: 'returned' as const,
      draftHash: context.draft.hash,
      reviewerId: event.actor.id,
      at: event.at,
      failed: failedItems(event),
      signedOff: null,
    },
    reviewRounds: context.reviewRounds + 1,
    attestation: null,
    reviewers: [...new Set([...(context.reviewers ?? []), event.actor.id])],
    dispute: null,
  }),
  recordReferral: (context, event) => ({
    review: {
      outcome: 'referred' as const,
      draftHash: context.draft.hash,
      reviewerId: event.actor.id,
      at: event.at,
      failed: failedItems(event),
      target: (event as EventOf<'review.refer'>).target,
      signedOff: null,
    },
    reviewRounds: context.reviewRounds + 1,
    reviewers: [...new Set([...(context.reviewers ?? []), event.actor.id])],
  }),
  recordRecusal: (context, event) => ({
    recusals: [...context.recusals, event.actor.id],
    reviewerId: context.reviewerId === event.actor.id ? null : context.reviewerId,
  }),
  // A reviewer who declares 回避 after judging a draft takes their opinion with them: it is void,
  // and the case goes back to review with the same attested draft.
  recordRecusalVoidingReview: (context, event) => ({
    recusals: [...context.recusals, event.actor.id],
    reviewerId: null,
    review: null,
    discussion: null,
  }),
  recordDiscussion: (context, event) => {
    const { chairId } = event as EventOf<'discussion.record'>;
    return { discussion: { draftHash: context.draft.hash, at: event.at, by: event.actor.id, ...(chairId ? { chairId } : {}) } };
  },
  recordDecision: (context, event) => {
    const outcome = resolveOutcome(context, (event as EventOf<'decision.issue'>).outcome);
    return {
      decision: { draftHash: context.draft.hash, outcome, by: event.actor.id, at: event.at },
      duties: { ...context.duties, publicationRequired: outcome !== 'transfer', filingRequired: context.major.isMajor },
    };
  },
  recordService: (context, event) => ({ duties: { ...context.duties, servedAt: event.at } }),
  recordPublication: (context, event) => ({ duties: { ...context.duties, publishedAt: event.at } }),
  recordPublicationWithdrawal: (context, event) => ({
    duties: { ...context.duties, publicationWithdrawnAt: event.at },
  }),
  recordFiling: (context, event) => ({ duties: { ...context.duties, filedAt: event.at } }),
  recordEnd: (_context, event) => ({ endedAt: event.at }),
  recordDeadlineNotice: (context, event) => {
    const { kind, status } = event as EventOf<'deadline.notify'>;
    return { alerts: { ...context.alerts, [kind]: status } };
  },
  ...reviewLawUpdates,
} satisfies Record<string, CaseUpdate>;
