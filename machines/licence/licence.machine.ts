// The 行政许可 (撤销 / 撤回) statechart (行政许可法 arts 7, 8, 36, 69): the draft decision, the notice and the
// licensee's 陈述、申辩, legal review of a major decision (the review sub-flow shared with the other kinds), the
// head's decision, then 送达, 公示 and 备案. Invariant: `decided` is entered only after the hearing closed and
// through guards that bind the decision to the approved, current draft (or, for a minor one, the current draft).
import { and, assign, setup, type SnapshotFrom } from 'xstate';
import { isApprovedDraftBound } from '../review/review-rules.js';
import type { LicenceContext } from './licence.context.js';
import type { LicenceEvent } from './licence.events.js';
import { areLicenceDutiesDone, isFilingDue, isPublicationOwed, refuseLicenceActor, refuseLicenceContent } from './licence.rules.js';
import { initialLicenceContext, licenceUpdates, type LicenceInput, type LicenceUpdate } from './licence.updates.js';

export type { LicenceInput } from './licence.updates.js';

const hashOf = (event: LicenceEvent): string => ('draftHash' in event ? event.draftHash : '');
const update = (fn: LicenceUpdate) =>
  assign<LicenceContext, LicenceEvent, undefined, LicenceEvent, never>(({ context, event }) => fn(context, event));
/** Content rules that are not the review's: each guard below names the rule it asks for. */
const contentOk = ({ context, event }: { context: LicenceContext; event: LicenceEvent }) => refuseLicenceContent(context, event) === null;

const submit = [
  { target: 'inReview.assigned', guard: and(['isActorPermitted', 'hasAssignedReviewer']), actions: 'recordAttestation' },
  { target: 'inReview.unassigned', guard: 'isActorPermitted', actions: 'recordAttestation' },
] as const;
const revise = { guard: and(['isActorPermitted', 'isDraftLawful']), actions: 'reviseDraft' } as const;
const withdraw = { target: '#licence.withdrawn', guard: 'isActorPermitted', actions: 'recordEnd' } as const;

/** The licence machine (version 1; licence.versions.ts). */
export const licenceMachine = setup({
  types: {} as { context: LicenceContext; events: LicenceEvent; input: LicenceInput },
  guards: {
    isActorPermitted: ({ context, event }) => refuseLicenceActor(context, event) === null,
    // art 69 grounds for 撤销, art 8 for 撤回, art 69 ¶3 reasons for 不予撤销; the outcome the notice told.
    isDraftLawful: contentOk,
    isReviewOutcomeConsistent: contentOk,
    isLegalDateInOrder: contentOk,
    // arts 7, 36: a statement heard, or the period for statements over.
    isHearingClosable: contentOk,
    isDraftHashCurrent: ({ context, event }) => hashOf(event) === context.draft.hash,
    isApprovedDraftCurrent: ({ context, event }) => isApprovedDraftBound(context.review, context.draft.hash, hashOf(event)),
    isReviewNotRequired: ({ context }) => !context.major.isMajor,
    hasAssignedReviewer: ({ context }) => context.reviewerId !== null,
    isServiceDue: ({ context }) => context.duties.servedOn === null,
    isPublicationDue: ({ context }) => isPublicationOwed(context) && context.duties.publishedOn === null,
    isFilingDue: ({ context }) => isFilingDue(context),
    areDutiesDone: ({ context }) => areLicenceDutiesDone(context),
  },
  actions: {
    reviseDraft: update(licenceUpdates.reviseDraft),
    serveNotice: update(licenceUpdates.serveNotice),
    recordStatement: update(licenceUpdates.recordStatement),
    closeHearing: update(licenceUpdates.closeHearing),
    recordAttestation: update(licenceUpdates.recordAttestation),
    assignReviewer: update(licenceUpdates.assignReviewer),
    recordOpinion: update(licenceUpdates.recordOpinion),
    recordDecision: update(licenceUpdates.recordDecision),
    recordService: update(licenceUpdates.recordService),
    recordPublication: update(licenceUpdates.recordPublication),
    recordFiling: update(licenceUpdates.recordFiling),
    recordEnd: update(licenceUpdates.recordEnd),
  },
}).createMachine({
  id: 'licence',
  context: ({ input }) => initialLicenceContext(input),
  initial: 'drafting',
  states: {
    drafting: {
      on: {
        'draft.revise': revise,
        'notice.serve': { target: 'hearing', guard: and(['isActorPermitted', 'isLegalDateInOrder']), actions: 'serveNotice' },
        'case.withdraw': withdraw,
      },
    },
    hearing: {
      on: {
        'statement.record': { guard: and(['isActorPermitted', 'isLegalDateInOrder']), actions: 'recordStatement' },
        'hearing.close': { target: 'heard', guard: and(['isActorPermitted', 'isHearingClosable']), actions: 'closeHearing' },
        'case.withdraw': withdraw,
      },
    },
    heard: {
      on: {
        'draft.revise': revise,
        'review.submit': submit,
        // A decision outside the catalog is made without review, on the current draft.
        'decision.issue': {
          target: 'decided',
          guard: and(['isActorPermitted', 'isReviewNotRequired', 'isDraftHashCurrent', 'isLegalDateInOrder']),
          actions: 'recordDecision',
        },
        'case.withdraw': withdraw,
      },
    },
    inReview: {
      initial: 'unassigned',
      on: { 'case.withdraw': withdraw },
      states: {
        unassigned: { on: { 'review.assign': { target: 'assigned', guard: 'isActorPermitted', actions: 'assignReviewer' } } },
        assigned: {
          on: {
            'review.assign': { target: 'assigned', guard: 'isActorPermitted', actions: 'assignReviewer' },
            'review.approve': {
              target: '#licence.awaitingDecision',
              guard: and(['isActorPermitted', 'isReviewOutcomeConsistent', 'isDraftHashCurrent']),
              actions: 'recordOpinion',
            },
            'review.return': {
              target: '#licence.correcting',
              guard: and(['isActorPermitted', 'isReviewOutcomeConsistent']),
              actions: 'recordOpinion',
            },
          },
        },
      },
    },
    correcting: { on: { 'draft.revise': revise, 'review.submit': submit, 'case.withdraw': withdraw } },
    awaitingDecision: {
      on: {
        'decision.issue': {
          target: 'decided',
          guard: and(['isActorPermitted', 'isApprovedDraftCurrent', 'isLegalDateInOrder']),
          actions: 'recordDecision',
        },
        // Revising an approved draft voids the approval: it goes back to be reviewed again.
        'draft.revise': { target: 'heard', guard: and(['isActorPermitted', 'isDraftLawful']), actions: 'reviseDraft' },
        'case.withdraw': withdraw,
      },
    },
    decided: {
      on: {
        'service.record': { guard: and(['isActorPermitted', 'isServiceDue', 'isLegalDateInOrder']), actions: 'recordService' },
        'publication.record': { guard: and(['isActorPermitted', 'isPublicationDue', 'isLegalDateInOrder']), actions: 'recordPublication' },
        'filing.submit': { guard: and(['isActorPermitted', 'isFilingDue', 'isLegalDateInOrder']), actions: 'recordFiling' },
        'case.close': { target: 'closed', guard: and(['isActorPermitted', 'areDutiesDone']), actions: 'recordEnd' },
      },
    },
    closed: { type: 'final' },
    withdrawn: { type: 'final' },
  },
});

export type LicenceMachine = typeof licenceMachine;
/** A snapshot of the licence machine, as stored in `cases.snapshot`. */
export type LicenceSnapshot = SnapshotFrom<typeof licenceMachine>;
