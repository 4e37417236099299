// The 行政强制执行 statechart (行政强制法 arts 34–58): the 催告 (art 35) and the party's statements (art 36), legal
// review of a major decision (the review sub-flow shared with the other kinds), the head's decision (art 37
// 强制执行决定, art 50 代履行决定, art 53 申请法院强制执行), its execution, 中止/终结 (arts 39–40, 42) and 备案.
// Invariant: `decided` is entered only after a 催告 and through guards binding the decision to the approved draft.
import { and, assign, setup, type SnapshotFrom } from 'xstate';
import { isApprovedDraftBound } from '../review/review-rules.js';
import type { ExecutionContext } from './execution.context.js';
import type { ExecutionEvent } from './execution.events.js';
import * as content from './execution.content.js';
import { areExecutionDutiesDone, isExecutionFilingDue, refuseExecutionActor } from './execution.rules.js';
import { executionUpdates, initialExecutionContext, type ExecutionInput, type ExecutionUpdate } from './execution.updates.js';

export type { ExecutionInput } from './execution.updates.js';

type Args = { context: ExecutionContext; event: ExecutionEvent };
type Decide = Extract<ExecutionEvent, { type: 'decision.issue' }>;
const hashOf = (event: ExecutionEvent): string => ('draftHash' in event ? event.draftHash : '');
const update = (fn: ExecutionUpdate) =>
  assign<ExecutionContext, ExecutionEvent, undefined, ExecutionEvent, never>(({ context, event }) => fn(context, event));
const contentOk = ({ context, event }: Args) => content.refuseExecutionContent(context, event) === null;
const decisionOk =
  (rule: (c: ExecutionContext, e: Decide) => unknown) =>
  ({ context, event }: Args) =>
    event.type !== 'decision.issue' || rule(context, event) === null;

/** The guards on content (422), not on state or person: the service asks the state question without them. */
export const executionContentGuards = [
  'isDraftLawful',
  'isReviewOutcomeConsistent',
  'isLegalDateInOrder',
  'isDecisionDated',
  'isNoticePeriodOver',
  'areStatementsAdopted',
  'isNotRestDay',
  'isWithinCourtDeadline',
  'isOfRoute',
  'isCarryLawful',
] as const;

const revise = { guard: and(['isActorPermitted', 'isDraftLawful']), actions: 'reviseDraft' } as const;
const withdraw = { target: '#execution.withdrawn', guard: 'isActorPermitted', actions: 'recordEnd' } as const;
const statement = { guard: and(['isActorPermitted', 'isLegalDateInOrder']), actions: 'recordStatement' } as const;
const performed = {
  target: '#execution.concluded',
  guard: and(['isActorPermitted', 'isLegalDateInOrder']),
  actions: 'recordPerformance',
} as const;
const submit = [
  { target: 'inReview.assigned', guard: and(['isActorPermitted', 'hasAssignedReviewer']), actions: 'recordAttestation' },
  { target: 'inReview.unassigned', guard: 'isActorPermitted', actions: 'recordAttestation' },
] as const;
const timed = ['isDecisionDated', 'isNoticePeriodOver', 'areStatementsAdopted', 'isNotRestDay', 'isWithinCourtDeadline'] as const;
const terminate = { target: '#execution.concluded', guard: 'isActorPermitted', actions: 'recordTermination' } as const;

/** The execution machine (version 1; execution.versions.ts). */
export const executionMachine = setup({
  types: {} as { context: ExecutionContext; events: ExecutionEvent; input: ExecutionInput },
  guards: {
    isActorPermitted: ({ context, event }) => refuseExecutionActor(context, event) === null,
    // art 35(3), art 37 ¶2(3), art 45 ¶2; the duty stays the one the case opened on.
    isDraftLawful: contentOk,
    isReviewOutcomeConsistent: contentOk,
    isLegalDateInOrder: contentOk,
    isDecisionDated: decisionOk(content.refuseDecisionDates),
    // art 37 ¶1: 当事人逾期仍不履行 after the 催告; art 54: 催告书送达十日后.
    isNoticePeriodOver: decisionOk(content.refuseNoticePeriod),
    // art 36: statements that hold are adopted before the decision.
    areStatementsAdopted: decisionOk((c) => content.refuseStatementsOpen(c)),
    // art 43 ¶1: no night or 法定节假日 unless 情况紧急.
    isNotRestDay: decisionOk((c, e) =>
      c.draft.route === 'court' ? null : content.refuseRestrictedTime(e.planned, c.draft.urgent, 'draft.plannedOn'),
    ),
    // art 53: within three months of the end of the remedy period.
    isWithinCourtDeadline: decisionOk(content.refuseCourtDeadline),
    isOfRoute: ({ context, event }) => content.isRouteOf(context, event.type),
    // art 43 ¶1 and art 51(2) (the reminder three days before a 代履行).
    isCarryLawful: contentOk,
    isDraftHashCurrent: ({ context, event }) => hashOf(event) === context.draft.hash,
    isApprovedDraftCurrent: ({ context, event }) => isApprovedDraftBound(context.review, context.draft.hash, hashOf(event)),
    isReviewNotRequired: ({ context }) => !context.major.isMajor,
    hasAssignedReviewer: ({ context }) => context.reviewerId !== null,
    isFilingDue: ({ context }) => isExecutionFilingDue(context),
    areDutiesDone: ({ context }) => areExecutionDutiesDone(context),
  },
  actions: Object.fromEntries(Object.entries(executionUpdates).map(([name, fn]) => [name, update(fn)])) as Record<
    keyof typeof executionUpdates,
    ReturnType<typeof update>
  >,
}).createMachine({
  id: 'execution',
  context: ({ input }) => initialExecutionContext(input),
  initial: 'awaitingNotice',
  // 备案 (seed §22) runs beside the execution: from the decision until it is filed.
  on: { 'filing.submit': { guard: and(['isActorPermitted', 'isFilingDue', 'isLegalDateInOrder']), actions: 'recordFiling' } },
  states: {
    // art 35: nothing is decided before the written 催告.
    awaitingNotice: {
      on: {
        'draft.revise': revise,
        'notice.serve': { target: 'drafting', guard: and(['isActorPermitted', 'isLegalDateInOrder']), actions: 'recordNotice' },
        'case.withdraw': withdraw,
      },
    },
    drafting: {
      on: {
        'draft.revise': revise,
        'statement.record': statement,
        'review.submit': submit,
        // A decision outside the catalog is made without review, on the current draft.
        'decision.issue': {
          target: 'decided',
          guard: and(['isActorPermitted', 'isReviewNotRequired', 'isDraftHashCurrent', ...timed]),
          actions: 'recordDecision',
        },
        'duty.performed': performed,
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
              target: '#execution.awaitingDecision',
              guard: and(['isActorPermitted', 'isReviewOutcomeConsistent', 'isDraftHashCurrent']),
              actions: 'recordOpinion',
            },
            'review.return': {
              target: '#execution.correcting',
              guard: and(['isActorPermitted', 'isReviewOutcomeConsistent']),
              actions: 'recordOpinion',
            },
          },
        },
      },
    },
    correcting: {
      on: {
        'draft.revise': revise,
        'statement.record': statement,
        'review.submit': submit,
        'duty.performed': performed,
        'case.withdraw': withdraw,
      },
    },
    awaitingDecision: {
      on: {
        'decision.issue': {
          target: 'decided',
          guard: and(['isActorPermitted', 'isApprovedDraftCurrent', ...timed]),
          actions: 'recordDecision',
        },
        // Revising an approved draft voids the approval: the decision goes back to be reviewed again.
        'draft.revise': { target: 'drafting', guard: and(['isActorPermitted', 'isDraftLawful']), actions: 'reviseDraft' },
        'statement.record': statement,
        'duty.performed': performed,
        'case.withdraw': withdraw,
      },
    },
    decided: {
      on: {
        'substitute.remind': { guard: and(['isActorPermitted', 'isOfRoute', 'isLegalDateInOrder']), actions: 'recordReminder' },
        'execution.carry': { target: 'concluded', guard: and(['isActorPermitted', 'isOfRoute', 'isCarryLawful']), actions: 'recordCarry' },
        'court.rule': { target: 'concluded', guard: and(['isActorPermitted', 'isOfRoute', 'isLegalDateInOrder']), actions: 'recordRuling' },
        'execution.suspend': { target: 'suspended', guard: 'isActorPermitted', actions: 'recordSuspension' },
        'execution.terminate': terminate,
        'duty.performed': performed,
      },
    },
    // art 39 ¶2: resumed once the ground is gone; art 42 ¶2: resumed when the party breaks the 执行协议.
    suspended: {
      on: {
        'execution.resume': { target: 'decided', guard: 'isActorPermitted', actions: 'recordResumption' },
        'execution.terminate': terminate,
        'duty.performed': performed,
      },
    },
    concluded: { on: { 'case.close': { target: 'closed', guard: and(['isActorPermitted', 'areDutiesDone']), actions: 'recordEnd' } } },
    closed: { type: 'final' },
    withdrawn: { type: 'final' },
  },
});

export type ExecutionMachine = typeof executionMachine;
/** A snapshot of the execution machine, as stored in `cases.snapshot`. */
export type ExecutionSnapshot = SnapshotFrom<typeof executionMachine>;
