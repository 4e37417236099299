// The 查封、扣押 statechart (行政强制法 arts 18–28): the draft decision, legal review of a major measure (the
// review sub-flow shared with the penalty case), the head's decision, the measure in force with its one
// extension, its conclusion (处理决定 / 解除), and 备案 of a major decision.
// Invariant: `inForce` is entered only through guards that bind the decision to the approved, current draft.
import { and, assign, setup, type SnapshotFrom } from 'xstate';
import { isApprovedDraftBound } from '../review/review-rules.js';
import type { CoercionContext } from './coercion.context.js';
import type { CoercionEvent } from './coercion.events.js';
import { areCoercionDutiesDone, isFilingDue, refuseCoercionActor, refuseCoercionContent } from './coercion.rules.js';
import { coercionUpdates, initialCoercionContext, type CoercionInput, type CoercionUpdate } from './coercion.updates.js';

export type { CoercionInput } from './coercion.updates.js';

const hashOf = (event: CoercionEvent): string => ('draftHash' in event ? event.draftHash : '');
const update = (fn: CoercionUpdate) =>
  assign<CoercionContext, CoercionEvent, undefined, CoercionEvent, never>(({ context, event }) => fn(context, event));
/** Content rules that are not the review's: each guard below names the rule it asks for. */
const contentOk = ({ context, event }: { context: CoercionContext; event: CoercionEvent }) =>
  refuseCoercionContent(context, event) === null;

const submit = [
  { target: 'inReview.assigned', guard: and(['isActorPermitted', 'hasAssignedReviewer']), actions: 'recordAttestation' },
  { target: 'inReview.unassigned', guard: 'isActorPermitted', actions: 'recordAttestation' },
] as const;
const revise = { guard: and(['isActorPermitted', 'isDraftLawful']), actions: 'reviseDraft' } as const;
const withdraw = { target: '#coercion.withdrawn', guard: 'isActorPermitted', actions: 'recordEnd' } as const;

/** The 查封扣押 machine (version 1; coercion.versions.ts). */
export const coercionMachine = setup({
  types: {} as { context: CoercionContext; events: CoercionEvent; input: CoercionInput },
  guards: {
    isActorPermitted: ({ context, event }) => refuseCoercionActor(context, event) === null,
    // art 23 ¶1 (no 生活必需品), art 18(2) (two officers).
    isDraftLawful: contentOk,
    isReviewOutcomeConsistent: contentOk,
    isLegalDateInOrder: contentOk,
    // art 25 ¶1–2: an extension is decided within the period it extends.
    isWithinPeriod: contentOk,
    isDraftHashCurrent: ({ context, event }) => hashOf(event) === context.draft.hash,
    isApprovedDraftCurrent: ({ context, event }) => isApprovedDraftBound(context.review, context.draft.hash, hashOf(event)),
    isReviewNotRequired: ({ context }) => !context.major.isMajor,
    hasAssignedReviewer: ({ context }) => context.reviewerId !== null,
    // art 25 ¶1: 延长 once (可以延长，但是延长期限不得超过三十日).
    isNotExtended: ({ context }) => context.period !== null && context.period.extension === null,
    isFilingDue: ({ context }) => isFilingDue(context),
    areDutiesDone: ({ context }) => areCoercionDutiesDone(context),
  },
  actions: {
    reviseDraft: update(coercionUpdates.reviseDraft),
    recordAttestation: update(coercionUpdates.recordAttestation),
    assignReviewer: update(coercionUpdates.assignReviewer),
    recordOpinion: update(coercionUpdates.recordOpinion),
    recordDecision: update(coercionUpdates.recordDecision),
    recordExtension: update(coercionUpdates.recordExtension),
    recordConclusion: update(coercionUpdates.recordConclusion),
    recordFiling: update(coercionUpdates.recordFiling),
    recordEnd: update(coercionUpdates.recordEnd),
    recordDeadlineNotice: update(coercionUpdates.recordDeadlineNotice),
  },
}).createMachine({
  id: 'coercion',
  context: ({ input }) => initialCoercionContext(input),
  initial: 'drafting',
  // 备案 (seed §22) runs beside the measure: from the decision until it is filed, whatever the measure's state.
  // The scheduler's notice of a clock is recorded in any state the case is open in (final states take no events).
  on: {
    'filing.submit': { guard: and(['isActorPermitted', 'isFilingDue', 'isLegalDateInOrder']), actions: 'recordFiling' },
    'deadline.notify': { guard: 'isActorPermitted', actions: 'recordDeadlineNotice' },
  },
  states: {
    drafting: {
      on: {
        'draft.revise': revise,
        'review.submit': submit,
        // A measure outside the catalog is decided without review, on the current draft.
        'decision.issue': {
          target: 'inForce',
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
              target: '#coercion.awaitingDecision',
              guard: and(['isActorPermitted', 'isReviewOutcomeConsistent', 'isDraftHashCurrent']),
              actions: 'recordOpinion',
            },
            'review.return': {
              target: '#coercion.correcting',
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
          target: 'inForce',
          guard: and(['isActorPermitted', 'isApprovedDraftCurrent', 'isLegalDateInOrder']),
          actions: 'recordDecision',
        },
        // Revising an approved draft voids the approval: the measure goes back to be reviewed again.
        'draft.revise': { target: 'drafting', guard: and(['isActorPermitted', 'isDraftLawful']), actions: 'reviseDraft' },
        'case.withdraw': withdraw,
      },
    },
    inForce: {
      on: {
        'measure.extend': { guard: and(['isActorPermitted', 'isNotExtended', 'isWithinPeriod']), actions: 'recordExtension' },
        'measure.conclude': { target: 'concluded', guard: and(['isActorPermitted', 'isLegalDateInOrder']), actions: 'recordConclusion' },
      },
    },
    concluded: { on: { 'case.close': { target: 'closed', guard: and(['isActorPermitted', 'areDutiesDone']), actions: 'recordEnd' } } },
    closed: { type: 'final' },
    withdrawn: { type: 'final' },
  },
});

export type CoercionMachine = typeof coercionMachine;
/** A snapshot of the coercion machine, as stored in `cases.snapshot`. */
export type CoercionSnapshot = SnapshotFrom<typeof coercionMachine>;
