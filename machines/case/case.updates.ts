// How each accepted event changes the case context: pure functions of (context, event), wrapped by the
// machine's `assign` actions. They never decide whether an event is allowed; the guards do.
import type { CaseContext, CaseProcedure } from './case.context.js';
import { ReviewItemKeys, type CaseEvent } from './case.events.js';
import type { DraftContent } from './draft.schema.js';
import { classifyDraft, mergeClassification, type MajorCatalog } from './major-catalog.js';
import { resolveOutcome } from './case.rules.js';
import { chinaDay } from './legal-dates.js';
import { isFilingRequiredFor, isServiceRequiredFor } from './party.rules.js';
import { partyUpdates } from './party.updates.js';
import { draftSummary, reviewLawUpdates } from './review.updates.js';

/** What opening a case (立案) needs; the creator is the handler. */
export interface CaseInput {
  caseId: string;
  handlerId: string;
  draft: DraftContent;
  catalog: MajorCatalog;
  at: string;
  /** The 立案 date, when it is earlier than the day the case is entered (default: that day). */
  openedOn?: string;
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
    rights: {
      noticedAt: null,
      statements: 0,
      hearingRequested: false,
      hearingHeld: false,
      waived: false,
      lapsed: false,
      receivedOn: null,
      hearingWindow: null,
      noticedMeasures: null,
      notices: 0,
      lastStatementAt: null,
    },
    hearing: null,
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
      serviceRequired: false,
      servedOn: null,
      publishedOn: null,
      publicationWithdrawnOn: null,
      filedOn: null,
    },
    recusals: [],
    investigators: [input.handlerId],
    recusalApplications: [],
    alerts: {},
    openedAt: input.at,
    openedOn: input.openedOn ?? chinaDay(input.at),
    endedAt: null,
    ...(input.procedure ? { procedure: input.procedure } : {}),
    reviewers: [],
    materials: null,
    dispute: null,
    decisionExtension: null,
  };
}

/** A new draft text: reclassified, and every judgment of the old text (approval, attestation, discussion) void. */
function reviseDraft(context: CaseContext, draft: DraftContent): Partial<CaseContext> {
  const next = classifyDraft(draft, context.catalog, context.rights.hearingHeld);
  return {
    draft: draftSummary(draft, context.draft.version + 1),
    major: mergeClassification(context.major, next),
    // A changed draft voids any approval, attestation and discussion: they judged another text.
    review: null,
    attestation: null,
    discussion: null,
  };
}

/** Every update, named for its effect; the machine refers to them by these names. */
export const caseUpdates = {
  reviseDraft: (context, event) => reviseDraft(context, (event as EventOf<'draft.revise'>).draft),
  // A (new) 违法行为通知书, with the draft it announces when it carries one: the party's rights start again
  // from its receipt, and no later draft may be heavier than what it announced. Review comes after the party
  // was heard (交通 art 71), so a new notice voids any review, attestation and discussion of the earlier one.
  recordNotice: (context, event) => {
    const { service, draft, hearingWindow } = event as EventOf<'notice.send'>;
    const revised = draft ? reviseDraft(context, draft) : {};
    const rights = { ...context.rights, hearingRequested: false, waived: false, lapsed: false };
    return {
      review: null,
      attestation: null,
      discussion: null,
      ...revised,
      rights: {
        ...rights,
        noticedAt: event.at,
        receivedOn: service.date,
        hearingWindow,
        noticedMeasures: (revised.draft ?? context.draft).measures,
        notices: context.rights.notices + 1,
      },
      hearing: null,
    };
  },
  recordStatement: (context, event) => ({
    rights: { ...context.rights, statements: context.rights.statements + 1, lastStatementAt: event.at },
  }),
  recordHearingRequest: (context) => ({ rights: { ...context.rights, hearingRequested: true } }),
  recordHearingHeld: (context, event) => ({
    rights: { ...context.rights, hearingHeld: true },
    hearing: context.hearing && { ...context.hearing, heldOn: (event as EventOf<'hearing.hold'>).heldOn },
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
    const { outcome: sent, decidedOn, documentNo } = event as EventOf<'decision.issue'>;
    const outcome = resolveOutcome(context, sent);
    const decision = { draftHash: context.draft.hash, outcome, by: event.actor.id, at: event.at };
    return {
      decision: { ...decision, decidedOn: decidedOn ?? chinaDay(event.at), documentNo: documentNo ?? null },
      duties: {
        ...context.duties,
        publicationRequired: outcome !== 'transfer',
        filingRequired: isFilingRequiredFor(context, outcome),
        serviceRequired: isServiceRequiredFor(outcome),
      },
    };
  },
  ...partyUpdates,
  recordEnd: (_context, event) => ({ endedAt: event.at }),
  recordDeadlineNotice: (context, event) => {
    const { kind, status } = event as EventOf<'deadline.notify'>;
    return { alerts: { ...context.alerts, [kind]: status } };
  },
  ...reviewLawUpdates,
} satisfies Record<string, CaseUpdate>;
