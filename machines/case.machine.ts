// The case statechart from 立案 to 结案 (DOMAIN §1.1): notice, statement and hearing, legal review,
// collective discussion, decision, then service, publication and filing as parallel duties.
// Invariant: `decided` is entered only through guards that bind the decision to the approved, current draft.
import { and, assign, setup } from 'xstate';
import type { CaseContext } from './case.context.js';
import type { CaseEvent } from './case.events.js';
import type { DraftContent } from './draft.schema.js';
import { classifyDraft, mergeClassification, type MajorCatalog } from './major-catalog.js';
import { sha256Canonical } from './canonical-hash.js';
import {
  areDutiesDone,
  isApprovedDraftCurrent,
  isDiscussionHeldWhenRequired,
  isDraftHashCurrent,
  isOutcomeConsistentWithReview,
  refuseActor,
  resolveOutcome,
} from './case.rules.js';

/** Bump when states or guards change so stored snapshots are known to come from an older machine. */
export const caseMachineVersion = 2;

/** What opening a case (立案) needs; the creator is the handler. */
export interface CaseInput {
  caseId: string;
  handlerId: string;
  draft: DraftContent;
  catalog: MajorCatalog;
  at: string;
}

type EventOf<T extends CaseEvent['type']> = Extract<CaseEvent, { type: T }>;
const hashOf = (event: CaseEvent): string => ('draftHash' in event ? event.draftHash : '');

export const caseMachine = setup({
  types: {} as { context: CaseContext; events: CaseEvent; input: CaseInput },
  guards: {
    isActorPermitted: ({ context, event }) => refuseActor(context, event) === null,
    isDraftHashCurrent: ({ context, event }) => isDraftHashCurrent(context, hashOf(event)),
    isApprovedDraftCurrent: ({ context, event }) => isApprovedDraftCurrent(context, hashOf(event)),
    isReviewNotRequired: ({ context }) => !context.major.isMajor,
    isDiscussionHeldWhenRequired: ({ context }) => isDiscussionHeldWhenRequired(context),
    isOutcomeConsistentWithReview: ({ context, event }) =>
      isOutcomeConsistentWithReview(context, resolveOutcome(context, (event as EventOf<'decision.issue'>).outcome)),
    areDutiesDone: ({ context }) => areDutiesDone(context),
    isCaseOpen: ({ context }) => context.endedAt === null,
    hasAssignedReviewer: ({ context }) => context.reviewerId !== null,
    isAssignedReviewer: ({ context, event }) => context.reviewerId === event.actor.id,
    isApprovingReviewer: ({ context, event }) => context.review !== null && context.review.reviewerId === event.actor.id,
    isPublicationRequired: ({ context }) => context.duties.publicationRequired,
    isFilingRequired: ({ context }) => context.duties.filingRequired,
  },
  actions: {
    reviseDraft: assign(({ context, event }) => {
      const { draft } = event as EventOf<'draft.revise'>;
      const next = classifyDraft(draft, context.catalog, context.rights.hearingHeld);
      return {
        draft: { version: context.draft.version + 1, hash: sha256Canonical(draft), proposedKind: draft.proposed.kind },
        major: mergeClassification(context.major, next),
        // A changed draft voids any approval, attestation and discussion: they judged another text.
        review: null,
        attestation: null,
        discussion: null,
      };
    }),
    recordNotice: assign(({ context, event }) => ({ rights: { ...context.rights, noticedAt: event.at } })),
    recordStatement: assign(({ context }) => ({ rights: { ...context.rights, statements: context.rights.statements + 1 } })),
    recordHearingRequest: assign(({ context }) => ({ rights: { ...context.rights, hearingRequested: true } })),
    recordHearingHeld: assign(({ context }) => ({
      rights: { ...context.rights, hearingHeld: true },
      major: context.catalog.hearingHeldIsMajor
        ? mergeClassification(context.major, { isMajor: true, reasons: ['hearing_held'], discussionRequired: false, discussionReasons: [] })
        : context.major,
    })),
    recordWaiver: assign(({ context }) => ({ rights: { ...context.rights, waived: true } })),
    recordLapse: assign(({ context }) => ({ rights: { ...context.rights, lapsed: true } })),
    recordAttestation: assign(({ context, event }) => ({
      attestation: { draftHash: context.draft.hash, by: event.actor.id, at: event.at },
    })),
    assignReviewer: assign(({ event }) => ({ reviewerId: (event as EventOf<'review.assign'>).assignee.id })),
    recordApproval: assign(({ context, event }) => ({
      review: { outcome: 'approved' as const, draftHash: context.draft.hash, reviewerId: event.actor.id, at: event.at },
      reviewRounds: context.reviewRounds + 1,
    })),
    recordReturn: assign(({ context, event }) => ({
      review: { outcome: 'returned' as const, draftHash: context.draft.hash, reviewerId: event.actor.id, at: event.at },
      reviewRounds: context.reviewRounds + 1,
      attestation: null,
    })),
    recordReferral: assign(({ context, event }) => ({
      review: { outcome: 'referred' as const, draftHash: context.draft.hash, reviewerId: event.actor.id, at: event.at },
      reviewRounds: context.reviewRounds + 1,
    })),
    recordRecusal: assign(({ context, event }) => ({
      recusals: [...context.recusals, event.actor.id],
      reviewerId: context.reviewerId === event.actor.id ? null : context.reviewerId,
    })),
    // A reviewer who declares 回避 after judging a draft takes their opinion with them: it is void,
    // and the case goes back to review with the same attested draft.
    recordRecusalVoidingReview: assign(({ context, event }) => ({
      recusals: [...context.recusals, event.actor.id],
      reviewerId: null,
      review: null,
      discussion: null,
    })),
    recordDiscussion: assign(({ context, event }) => ({
      discussion: { draftHash: context.draft.hash, at: event.at, by: event.actor.id },
    })),
    recordDecision: assign(({ context, event }) => {
      const outcome = resolveOutcome(context, (event as EventOf<'decision.issue'>).outcome);
      return {
        decision: { draftHash: context.draft.hash, outcome, by: event.actor.id, at: event.at },
        duties: { ...context.duties, publicationRequired: outcome !== 'transfer', filingRequired: context.major.isMajor },
      };
    }),
    recordService: assign(({ context, event }) => ({ duties: { ...context.duties, servedAt: event.at } })),
    recordPublication: assign(({ context, event }) => ({ duties: { ...context.duties, publishedAt: event.at } })),
    recordPublicationWithdrawal: assign(({ context, event }) => ({
      duties: { ...context.duties, publicationWithdrawnAt: event.at },
    })),
    recordFiling: assign(({ context, event }) => ({ duties: { ...context.duties, filedAt: event.at } })),
    recordEnd: assign(({ event }) => ({ endedAt: event.at })),
    recordDeadlineNotice: assign(({ context, event }) => {
      const { kind, status } = event as EventOf<'deadline.notify'>;
      return { alerts: { ...context.alerts, [kind]: status } };
    }),
  },
}).createMachine({
  id: 'case',
  context: ({ input }) => {
    const major = classifyDraft(input.draft, input.catalog, false);
    return {
      caseId: input.caseId,
      handlerId: input.handlerId,
      reviewerId: null,
      catalog: input.catalog,
      draft: { version: 1, hash: sha256Canonical(input.draft), proposedKind: input.draft.proposed.kind },
      major,
      rights: { noticedAt: null, statements: 0, hearingRequested: false, hearingHeld: false, waived: false, lapsed: false },
      attestation: null,
      review: null,
      reviewRounds: 0,
      discussion: null,
      decision: null,
      duties: { publicationRequired: false, filingRequired: false, servedAt: null, publishedAt: null, publicationWithdrawnAt: null, filedAt: null },
      recusals: [],
      alerts: {},
      openedAt: input.at,
      endedAt: null,
    };
  },
  initial: 'investigating',
  // Deadline notices are accepted wherever the case is still open; they only annotate, never move it.
  on: {
    'deadline.notify': { guard: and(['isActorPermitted', 'isCaseOpen']), actions: 'recordDeadlineNotice' },
  },
  states: {
    investigating: {
      on: {
        'draft.revise': { guard: 'isActorPermitted', actions: 'reviseDraft' },
        'notice.send': { target: 'noticed', guard: 'isActorPermitted', actions: 'recordNotice' },
        'conflict.declare': { guard: 'isActorPermitted', actions: 'recordRecusal' },
        'case.withdraw': { target: 'withdrawn', guard: 'isActorPermitted', actions: 'recordEnd' },
      },
    },
    noticed: {
      on: {
        'statement.record': { guard: 'isActorPermitted', actions: 'recordStatement' },
        'hearing.request': { target: 'hearingRequested', guard: 'isActorPermitted', actions: 'recordHearingRequest' },
        'rights.waive': { target: 'ready', guard: 'isActorPermitted', actions: 'recordWaiver' },
        'rights.lapse': { target: 'ready', guard: 'isActorPermitted', actions: 'recordLapse' },
        'conflict.declare': { guard: 'isActorPermitted', actions: 'recordRecusal' },
        'case.withdraw': { target: 'withdrawn', guard: 'isActorPermitted', actions: 'recordEnd' },
      },
    },
    hearingRequested: {
      on: {
        'statement.record': { guard: 'isActorPermitted', actions: 'recordStatement' },
        'hearing.hold': { target: 'ready', guard: 'isActorPermitted', actions: 'recordHearingHeld' },
        // An unjustified absence counts as waiving the hearing (行政处罚法 art 64(8)).
        'rights.waive': { target: 'ready', guard: 'isActorPermitted', actions: 'recordWaiver' },
        'conflict.declare': { guard: 'isActorPermitted', actions: 'recordRecusal' },
        'case.withdraw': { target: 'withdrawn', guard: 'isActorPermitted', actions: 'recordEnd' },
      },
    },
    ready: {
      on: {
        'draft.revise': { guard: 'isActorPermitted', actions: 'reviseDraft' },
        'review.submit': [
          { target: 'inReview.assigned', guard: and(['isActorPermitted', 'hasAssignedReviewer']), actions: 'recordAttestation' },
          { target: 'inReview.unassigned', guard: 'isActorPermitted', actions: 'recordAttestation' },
        ],
        'decision.issue': {
          target: 'decided',
          guard: and(['isActorPermitted', 'isReviewNotRequired', 'isDraftHashCurrent', 'isDiscussionHeldWhenRequired', 'isOutcomeConsistentWithReview']),
          actions: 'recordDecision',
        },
        'conflict.declare': { guard: 'isActorPermitted', actions: 'recordRecusal' },
        'case.withdraw': { target: 'withdrawn', guard: 'isActorPermitted', actions: 'recordEnd' },
      },
    },
    inReview: {
      initial: 'unassigned',
      on: {
        'case.withdraw': { target: 'withdrawn', guard: 'isActorPermitted', actions: 'recordEnd' },
      },
      states: {
        unassigned: {
          on: {
            'review.assign': { target: 'assigned', guard: 'isActorPermitted', actions: 'assignReviewer' },
            'conflict.declare': { guard: 'isActorPermitted', actions: 'recordRecusal' },
          },
        },
        assigned: {
          on: {
            'review.assign': { target: 'assigned', guard: 'isActorPermitted', actions: 'assignReviewer' },
            'review.approve': {
              target: '#case.awaitingDecision',
              guard: and(['isActorPermitted', 'isDraftHashCurrent']),
              actions: 'recordApproval',
            },
            'review.return': { target: '#case.correcting', guard: 'isActorPermitted', actions: 'recordReturn' },
            'review.refer': { target: '#case.awaitingDecision', guard: 'isActorPermitted', actions: 'recordReferral' },
            'conflict.declare': [
              { target: 'unassigned', guard: and(['isActorPermitted', 'isAssignedReviewer']), actions: 'recordRecusal' },
              { guard: 'isActorPermitted', actions: 'recordRecusal' },
            ],
          },
        },
      },
    },
    correcting: {
      on: {
        'draft.revise': { guard: 'isActorPermitted', actions: 'reviseDraft' },
        'review.submit': [
          { target: 'inReview.assigned', guard: and(['isActorPermitted', 'hasAssignedReviewer']), actions: 'recordAttestation' },
          { target: 'inReview.unassigned', guard: 'isActorPermitted', actions: 'recordAttestation' },
        ],
        'conflict.declare': { guard: 'isActorPermitted', actions: 'recordRecusal' },
        'case.withdraw': { target: 'withdrawn', guard: 'isActorPermitted', actions: 'recordEnd' },
      },
    },
    awaitingDecision: {
      on: {
        'discussion.record': { guard: 'isActorPermitted', actions: 'recordDiscussion' },
        'decision.issue': {
          target: 'decided',
          guard: and(['isActorPermitted', 'isApprovedDraftCurrent', 'isDiscussionHeldWhenRequired', 'isOutcomeConsistentWithReview']),
          actions: 'recordDecision',
        },
        // Revising an approved draft voids the approval: the case goes back to be reviewed again.
        'draft.revise': { target: 'ready', guard: 'isActorPermitted', actions: 'reviseDraft' },
        'conflict.declare': [
          { target: 'inReview.unassigned', guard: and(['isActorPermitted', 'isApprovingReviewer']), actions: 'recordRecusalVoidingReview' },
          { guard: 'isActorPermitted', actions: 'recordRecusal' },
        ],
        'case.withdraw': { target: 'withdrawn', guard: 'isActorPermitted', actions: 'recordEnd' },
      },
    },
    decided: {
      type: 'parallel',
      on: {
        'case.close': { target: 'closed', guard: and(['isActorPermitted', 'areDutiesDone']), actions: 'recordEnd' },
      },
      states: {
        service: {
          initial: 'due',
          states: {
            due: { on: { 'decision.serve': { target: 'served', guard: 'isActorPermitted', actions: 'recordService' } } },
            served: {},
          },
        },
        publication: {
          initial: 'routing',
          states: {
            routing: { always: [{ target: 'due', guard: 'isPublicationRequired' }, { target: 'notRequired' }] },
            due: { on: { 'publication.publish': { target: 'published', guard: 'isActorPermitted', actions: 'recordPublication' } } },
            published: {
              on: { 'publication.withdraw': { target: 'withdrawn', guard: 'isActorPermitted', actions: 'recordPublicationWithdrawal' } },
            },
            withdrawn: {},
            notRequired: {},
          },
        },
        filing: {
          initial: 'routing',
          states: {
            routing: { always: [{ target: 'due', guard: 'isFilingRequired' }, { target: 'notRequired' }] },
            due: { on: { 'filing.submit': { target: 'filed', guard: 'isActorPermitted', actions: 'recordFiling' } } },
            filed: {},
            notRequired: {},
          },
        },
      },
    },
    closed: { type: 'final' },
    withdrawn: { type: 'final' },
  },
});

export type CaseMachine = typeof caseMachine;
