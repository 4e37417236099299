// The case statechart from 立案 to 结案 (DOMAIN §1.1): notice, statement and hearing, legal review,
// collective discussion, decision, then service, publication and filing as parallel duties.
// Invariant: `decided` is entered only through guards that bind the decision to the approved, current draft.
import { and, assign, setup, type SnapshotFrom } from 'xstate';
import type { CaseContext } from './case.context.js';
import type { CaseEvent } from './case.events.js';
import { caseUpdates, initialContext, type CaseInput, type CaseUpdate } from './case.updates.js';
import {
  areDutiesDone,
  isDecisionExtensible,
  isApprovedDraftCurrent,
  isDiscussionHeldWhenRequired,
  isDraftHashCurrent,
  isOutcomeConsistentWithReview,
  refuseActor,
  refuseReviewOutcome,
  resolveOutcome,
} from './case.rules.js';
import {
  isBeforeDecision,
  isWithinPartyRightsPeriod,
  pendingApplication,
  refuseHearingNotice,
  refuseHearingStaff,
  refuseHeavierDraft,
  refuseLapse,
  refuseLegalDate,
  refuseRecusalDecision,
} from './party.rules.js';
import { procedureOf, refuseDiscussion } from './decision.rules.js';
import { refuseMissingAvRecord } from './av-record.rules.js';
import { caseVersions, latestCaseVersion, type CaseFeatures } from './case.versions.js';
import { isReviewRequiredAfterTransfer, type TransferOrigin } from './transfer.rules.js';
import { clueTransition, createTransferStates, startTransfer, transferActions, transferGuards } from './transfer.states.js';

export type { CaseInput } from './case.updates.js';

/** The version new cases open under; older versions stay runnable through `createCaseMachine(features)`. */
export const caseMachineVersion = latestCaseVersion;

type EventOf<T extends CaseEvent['type']> = Extract<CaseEvent, { type: T }>;
const hashOf = (event: CaseEvent): string => ('draftHash' in event ? event.draftHash : '');
/** The person a granted 回避 application names, or null when the answer refuses it. */
const grantedAgainst = (context: CaseContext, event: CaseEvent): string | null => {
  const e = event as EventOf<'recusal.decide'>;
  return e.granted ? (pendingApplication(context, e.applicationNo)?.againstId ?? null) : null;
};
const update = (fn: CaseUpdate) => assign<CaseContext, CaseEvent, undefined, CaseEvent, never>(({ context, event }) => fn(context, event));

/** A new notice after 告知 (a re-notice, e.g. with a heavier draft): the party's rights start again. */
const renotice = { target: '#case.noticed', guard: and(['isActorPermitted', 'isLegalDateInOrder']), actions: 'recordNotice' } as const;

/** The case machine built with one version's features (case.versions.ts); nothing else differs between versions. */
export function createCaseMachine(features: CaseFeatures) {
  // 移送规定 arts 5–12: from any state before the decision the handler may report a suspected crime.
  const transferFrom = (state: TransferOrigin) => (features.criminalTransfer ? { 'transfer.report': startTransfer(state) } : {});
  return setup({
    types: {} as { context: CaseContext; events: CaseEvent; input: CaseInput },
    guards: {
      isActorPermitted: ({ context, event }) => refuseActor(context, event) === null,
      isDraftHashCurrent: ({ context, event }) => isDraftHashCurrent(context, hashOf(event)),
      isReviewOutcomeConsistent: ({ event }) =>
        refuseReviewOutcome(event as EventOf<'review.approve' | 'review.return' | 'review.refer'>) === null,
      isApprovedDraftCurrent: ({ context, event }) => isApprovedDraftCurrent(context, hashOf(event)),
      // 音像记录 (seed §9(2)): where the policy table requires it, at least one audio or video record.
      hasRequiredAvRecord: ({ event }) => refuseMissingAvRecord(event) === null,
      // A case back from a 不予立案 is decided only through review (transfer.rules.ts), minor or not.
      isReviewNotRequired: ({ context }) => !context.major.isMajor && !isReviewRequiredAfterTransfer(context),
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
      // The party's rights and the duties (party.rules.ts).
      isLegalDateInOrder: ({ context, event }) => refuseLegalDate(context, event) === null,
      isHearingWindowOver: ({ context, event }) => refuseLapse(context, event) === null,
      isNoHeavierThanNoticed: ({ context, event }) =>
        refuseHeavierDraft(context, event as EventOf<'draft.revise'> | EventOf<'materials.supplement'>) === null,
      isHearingNoticeLongEnough: ({ event }) => refuseHearingNotice(event as EventOf<'hearing.schedule'>) === null,
      isHearingStaffIndependent: ({ context, event }) => refuseHearingStaff(context, event as EventOf<'hearing.schedule'>) === null,
      isWithinPartyRightsPeriod: ({ context }) => isWithinPartyRightsPeriod(context),
      isBeforeDecision: ({ context }) => isBeforeDecision(context),
      isRecusalApplicationPending: ({ context, event }) => refuseRecusalDecision(context, event as EventOf<'recusal.decide'>) === null,
      isGrantAgainstAssignedReviewer: ({ context, event }) => grantedAgainst(context, event) === context.reviewerId,
      isGrantAgainstApprovingReviewer: ({ context, event }) =>
        context.review !== null && grantedAgainst(context, event) === context.review.reviewerId,
      isHandlerRecused: ({ context }) => context.recusals.includes(context.handlerId),
      isServiceRequired: ({ context }) => context.duties.serviceRequired,
      isSignOffRequired: ({ context }) => procedureOf(context).opinionSignOff,
      isSignOffAgreed: ({ event }) => (event as EventOf<'review.signOff'>).agree,
      isReturnStanding: ({ context }) => context.review?.outcome === 'returned' && context.review.draftHash === context.draft.hash,
      isDecisionExtensible: ({ context }) => isDecisionExtensible(context),
      isDiscussionPanelValid: ({ context, event }) => refuseDiscussion(context, event as EventOf<'discussion.record'>) === null,
      // The criminal transfer (行刑衔接, transfer.states.ts).
      ...transferGuards,
    },
    // Each action applies one pure update from case.updates.ts.
    actions: {
      reviseDraft: update(caseUpdates.reviseDraft),
      recordNotice: update(caseUpdates.recordNotice),
      recordStatement: update(caseUpdates.recordStatement),
      recordHearingRequest: update(caseUpdates.recordHearingRequest),
      recordHearingHeld: update(caseUpdates.recordHearingHeld),
      recordWaiver: update(caseUpdates.recordWaiver),
      recordLapse: update(caseUpdates.recordLapse),
      recordAttestation: update(caseUpdates.recordAttestation),
      assignReviewer: update(caseUpdates.assignReviewer),
      recordApproval: update(caseUpdates.recordApproval),
      recordReturn: update(caseUpdates.recordReturn),
      recordReferral: update(caseUpdates.recordReferral),
      recordRecusal: update(caseUpdates.recordRecusal),
      recordRecusalVoidingReview: update(caseUpdates.recordRecusalVoidingReview),
      recordDiscussion: update(caseUpdates.recordDiscussion),
      recordDecision: update(caseUpdates.recordDecision),
      recordService: update(caseUpdates.recordService),
      recordPublication: update(caseUpdates.recordPublication),
      recordPublicationWithdrawal: update(caseUpdates.recordPublicationWithdrawal),
      recordFiling: update(caseUpdates.recordFiling),
      recordEnd: update(caseUpdates.recordEnd),
      recordDeadlineNotice: update(caseUpdates.recordDeadlineNotice),
      recordReceipt: update(caseUpdates.recordReceipt),
      recordHearingSchedule: update(caseUpdates.recordHearingSchedule),
      recordHearingAdjourned: update(caseUpdates.recordHearingAdjourned),
      recordRecusalApplication: update(caseUpdates.recordRecusalApplication),
      recordRecusalDecision: update(caseUpdates.recordRecusalDecision),
      recordRecusalDecisionVoidingReview: update(caseUpdates.recordRecusalDecisionVoidingReview),
      assignHandler: update(caseUpdates.assignHandler),
      recordMaterialsRequest: update(caseUpdates.recordMaterialsRequest),
      recordSupplement: update(caseUpdates.recordSupplement),
      recordSignOff: update(caseUpdates.recordSignOff),
      recordSignOffRefusal: update(caseUpdates.recordSignOffRefusal),
      recordObjection: update(caseUpdates.recordObjection),
      recordCoordination: update(caseUpdates.recordCoordination),
      recordExtension: update(caseUpdates.recordExtension),
      ...transferActions,
    },
  }).createMachine({
    id: 'case',
    context: ({ input }) => initialContext(input),
    initial: 'investigating',
    // Deadline notices are accepted wherever the case is still open; they only annotate, never move it.
    on: {
      'deadline.notify': { guard: and(['isActorPermitted', 'isCaseOpen']), actions: 'recordDeadlineNotice' },
      // From 告知 until the decision, whatever the state, the party's statements are recorded and heard; one
      // after an approval is shown to the reviewer and head but voids nothing unless the draft changes.
      'statement.record': { guard: and(['isActorPermitted', 'isWithinPartyRightsPeriod']), actions: 'recordStatement' },
      // 回避 applications and their answers, and a new handler after the handler's 回避, until the decision.
      'recusal.apply': { guard: and(['isActorPermitted', 'isBeforeDecision', 'isLegalDateInOrder']), actions: 'recordRecusalApplication' },
      'recusal.decide': {
        guard: and(['isActorPermitted', 'isBeforeDecision', 'isRecusalApplicationPending']),
        actions: 'recordRecusalDecision',
      },
      'handler.assign': { guard: and(['isActorPermitted', 'isBeforeDecision', 'isHandlerRecused']), actions: 'assignHandler' },
      // 交通 art 78: a head may extend the decision period once, before the decision.
      ...(features.decisionExtension
        ? { 'decision.extend': { guard: and(['isActorPermitted', 'isDecisionExtensible']), actions: 'recordExtension' } as const }
        : {}),
      // 移送规定 art 19: clues of officials' misconduct go to 纪检监察, at any stage.
      ...(features.criminalTransfer ? { 'clue.transfer': clueTransition } : {}),
    },
    states: {
      investigating: {
        on: {
          ...transferFrom('investigating'),
          'draft.revise': { guard: 'isActorPermitted', actions: 'reviseDraft' },
          'notice.send': { target: 'noticed', guard: and(['isActorPermitted', 'isLegalDateInOrder']), actions: 'recordNotice' },
          'conflict.declare': { guard: 'isActorPermitted', actions: 'recordRecusal' },
          'case.withdraw': { target: 'withdrawn', guard: 'isActorPermitted', actions: 'recordEnd' },
        },
      },
      noticed: {
        on: {
          ...transferFrom('noticed'),
          'statement.record': { guard: 'isActorPermitted', actions: 'recordStatement' },
          'hearing.request': { target: 'hearingRequested', guard: 'isActorPermitted', actions: 'recordHearingRequest' },
          'rights.waive': { target: 'ready', guard: 'isActorPermitted', actions: 'recordWaiver' },
          // Only once the 听证 request period is over (交通 art 82, art 17), for the scheduler and a handler alike.
          'rights.lapse': { target: 'ready', guard: and(['isActorPermitted', 'isHearingWindowOver']), actions: 'recordLapse' },
          'notice.receipt': { guard: and(['isActorPermitted', 'isLegalDateInOrder']), actions: 'recordReceipt' },
          'notice.send': renotice,
          'conflict.declare': { guard: 'isActorPermitted', actions: 'recordRecusal' },
          'case.withdraw': { target: 'withdrawn', guard: 'isActorPermitted', actions: 'recordEnd' },
        },
      },
      hearingRequested: {
        on: {
          ...transferFrom('hearingRequested'),
          'statement.record': { guard: 'isActorPermitted', actions: 'recordStatement' },
          // The head names host and recorder and has the 听证通知书 served 7 working days ahead (交通 arts 83–84).
          'hearing.schedule': {
            target: 'hearingScheduled',
            guard: and(['isActorPermitted', 'isLegalDateInOrder', 'isHearingNoticeLongEnough', 'isHearingStaffIndependent']),
            actions: 'recordHearingSchedule',
          },
          // An unjustified absence counts as waiving the hearing (行政处罚法 art 64(8)).
          'rights.waive': { target: 'ready', guard: 'isActorPermitted', actions: 'recordWaiver' },
          'notice.send': renotice,
          'conflict.declare': { guard: 'isActorPermitted', actions: 'recordRecusal' },
          'case.withdraw': { target: 'withdrawn', guard: 'isActorPermitted', actions: 'recordEnd' },
        },
      },
      hearingScheduled: {
        on: {
          ...transferFrom('hearingScheduled'),
          // 音像记录 (seed §9(2)): where the policy table requires it, at least one audio or video record.
          'hearing.hold': {
            target: 'ready',
            guard: and(['isActorPermitted', 'isLegalDateInOrder', 'hasRequiredAvRecord']),
            actions: 'recordHearingHeld',
          },
          // An adjourned hearing is scheduled again, with a new notice.
          'hearing.adjourn': { target: 'hearingRequested', guard: 'isActorPermitted', actions: 'recordHearingAdjourned' },
          'rights.waive': { target: 'ready', guard: 'isActorPermitted', actions: 'recordWaiver' },
          'notice.send': renotice,
          'conflict.declare': { guard: 'isActorPermitted', actions: 'recordRecusal' },
          'case.withdraw': { target: 'withdrawn', guard: 'isActorPermitted', actions: 'recordEnd' },
        },
      },
      ready: {
        on: {
          ...transferFrom('ready'),
          'draft.revise': { guard: and(['isActorPermitted', 'isNoHeavierThanNoticed']), actions: 'reviseDraft' },
          'notice.send': renotice,
          'review.submit': [
            { target: 'inReview.assigned', guard: and(['isActorPermitted', 'hasAssignedReviewer']), actions: 'recordAttestation' },
            { target: 'inReview.unassigned', guard: 'isActorPermitted', actions: 'recordAttestation' },
          ],
          'decision.issue': {
            target: 'decided',
            guard: and([
              'isActorPermitted',
              'isReviewNotRequired',
              'isDraftHashCurrent',
              'isDiscussionHeldWhenRequired',
              'isOutcomeConsistentWithReview',
              'isLegalDateInOrder',
            ]),
            actions: 'recordDecision',
          },
          'conflict.declare': { guard: 'isActorPermitted', actions: 'recordRecusal' },
          'case.withdraw': { target: 'withdrawn', guard: 'isActorPermitted', actions: 'recordEnd' },
        },
      },
      inReview: {
        initial: 'unassigned',
        on: {
          ...transferFrom('inReview'),
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
              // Where the policy asks for it, an opinion takes effect only once the 法制审核机构's head signs it off.
              'review.approve': [
                {
                  target: 'awaitingSignOff',
                  guard: and(['isActorPermitted', 'isReviewOutcomeConsistent', 'isDraftHashCurrent', 'isSignOffRequired']),
                  actions: 'recordApproval',
                },
                {
                  target: '#case.awaitingDecision',
                  guard: and(['isActorPermitted', 'isReviewOutcomeConsistent', 'isDraftHashCurrent']),
                  actions: 'recordApproval',
                },
              ],
              'review.return': [
                {
                  target: 'awaitingSignOff',
                  guard: and(['isActorPermitted', 'isReviewOutcomeConsistent', 'isSignOffRequired']),
                  actions: 'recordReturn',
                },
                {
                  target: '#case.correcting',
                  guard: and(['isActorPermitted', 'isReviewOutcomeConsistent']),
                  actions: 'recordReturn',
                },
              ],
              'review.refer': [
                {
                  target: 'awaitingSignOff',
                  guard: and(['isActorPermitted', 'isReviewOutcomeConsistent', 'isSignOffRequired']),
                  actions: 'recordReferral',
                },
                {
                  target: '#case.awaitingDecision',
                  guard: and(['isActorPermitted', 'isReviewOutcomeConsistent']),
                  actions: 'recordReferral',
                },
              ],
              // 补充材料: the review period does not run while the handler supplements (deadline-clocks.ts).
              'review.requestMaterials': { target: 'awaitingMaterials', guard: 'isActorPermitted', actions: 'recordMaterialsRequest' },
              'conflict.declare': [
                { target: 'unassigned', guard: and(['isActorPermitted', 'isAssignedReviewer']), actions: 'recordRecusal' },
                { guard: 'isActorPermitted', actions: 'recordRecusal' },
              ],
              'recusal.decide': {
                target: 'unassigned',
                guard: and(['isActorPermitted', 'isRecusalApplicationPending', 'isGrantAgainstAssignedReviewer']),
                actions: 'recordRecusalDecision',
              },
            },
          },
          awaitingMaterials: {
            on: {
              'materials.supplement': [
                {
                  target: 'assigned',
                  guard: and(['isActorPermitted', 'isNoHeavierThanNoticed', 'hasAssignedReviewer']),
                  actions: 'recordSupplement',
                },
                { target: 'unassigned', guard: and(['isActorPermitted', 'isNoHeavierThanNoticed']), actions: 'recordSupplement' },
              ],
              'review.assign': { guard: 'isActorPermitted', actions: 'assignReviewer' },
              'conflict.declare': { guard: 'isActorPermitted', actions: 'recordRecusal' },
            },
          },
          awaitingSignOff: {
            on: {
              'review.signOff': [
                {
                  target: '#case.correcting',
                  guard: and(['isActorPermitted', 'isSignOffAgreed', 'isReturnStanding']),
                  actions: 'recordSignOff',
                },
                { target: '#case.awaitingDecision', guard: and(['isActorPermitted', 'isSignOffAgreed']), actions: 'recordSignOff' },
                { target: 'assigned', guard: 'isActorPermitted', actions: 'recordSignOffRefusal' },
              ],
              'conflict.declare': [
                { target: 'unassigned', guard: and(['isActorPermitted', 'isApprovingReviewer']), actions: 'recordRecusalVoidingReview' },
                { guard: 'isActorPermitted', actions: 'recordRecusal' },
              ],
            },
          },
        },
      },
      correcting: {
        on: {
          ...transferFrom('correcting'),
          'draft.revise': { guard: and(['isActorPermitted', 'isNoHeavierThanNoticed']), actions: 'reviseDraft' },
          'notice.send': renotice,
          'review.submit': [
            { target: 'inReview.assigned', guard: and(['isActorPermitted', 'hasAssignedReviewer']), actions: 'recordAttestation' },
            { target: 'inReview.unassigned', guard: 'isActorPermitted', actions: 'recordAttestation' },
          ],
          'conflict.declare': { guard: 'isActorPermitted', actions: 'recordRecusal' },
          'case.withdraw': { target: 'withdrawn', guard: 'isActorPermitted', actions: 'recordEnd' },
          // 118号 (十四): the handler may object to a return; the head coordinates (state `disputed`).
          'review.object': { target: 'disputed', guard: and(['isActorPermitted', 'isReturnStanding']), actions: 'recordObjection' },
        },
      },
      disputed: {
        on: {
          ...transferFrom('disputed'),
          'review.coordinate': { target: 'correcting', guard: 'isActorPermitted', actions: 'recordCoordination' },
          'conflict.declare': { guard: 'isActorPermitted', actions: 'recordRecusal' },
          'case.withdraw': { target: 'withdrawn', guard: 'isActorPermitted', actions: 'recordEnd' },
        },
      },
      awaitingDecision: {
        on: {
          ...transferFrom('awaitingDecision'),
          'discussion.record': { guard: and(['isActorPermitted', 'isDiscussionPanelValid']), actions: 'recordDiscussion' },
          'decision.issue': {
            target: 'decided',
            guard: and([
              'isActorPermitted',
              'isApprovedDraftCurrent',
              'isDiscussionHeldWhenRequired',
              'isOutcomeConsistentWithReview',
              'isLegalDateInOrder',
            ]),
            actions: 'recordDecision',
          },
          // Revising an approved draft voids the approval: the case goes back to be reviewed again.
          'draft.revise': { target: 'ready', guard: and(['isActorPermitted', 'isNoHeavierThanNoticed']), actions: 'reviseDraft' },
          'notice.send': renotice,
          'conflict.declare': [
            {
              target: 'inReview.unassigned',
              guard: and(['isActorPermitted', 'isApprovingReviewer']),
              actions: 'recordRecusalVoidingReview',
            },
            { guard: 'isActorPermitted', actions: 'recordRecusal' },
          ],
          'recusal.decide': {
            target: 'inReview.unassigned',
            guard: and(['isActorPermitted', 'isRecusalApplicationPending', 'isGrantAgainstApprovingReviewer']),
            actions: 'recordRecusalDecisionVoidingReview',
          },
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
            initial: 'routing',
            states: {
              // No 决定书 is served for a transfer (移送司法机关): its service clock never starts.
              routing: { always: [{ target: 'due', guard: 'isServiceRequired' }, { target: 'notRequired' }] },
              due: {
                on: {
                  'decision.serve': { target: 'served', guard: and(['isActorPermitted', 'isLegalDateInOrder']), actions: 'recordService' },
                },
              },
              served: {},
              notRequired: {},
            },
          },
          publication: {
            initial: 'routing',
            states: {
              routing: { always: [{ target: 'due', guard: 'isPublicationRequired' }, { target: 'notRequired' }] },
              due: {
                on: {
                  'publication.publish': {
                    target: 'published',
                    guard: and(['isActorPermitted', 'isLegalDateInOrder']),
                    actions: 'recordPublication',
                  },
                },
              },
              published: {
                on: {
                  'publication.withdraw': {
                    target: 'withdrawn',
                    guard: and(['isActorPermitted', 'isLegalDateInOrder']),
                    actions: 'recordPublicationWithdrawal',
                  },
                },
              },
              withdrawn: {},
              notRequired: {},
            },
          },
          filing: {
            initial: 'routing',
            states: {
              routing: { always: [{ target: 'due', guard: 'isFilingRequired' }, { target: 'notRequired' }] },
              due: {
                on: {
                  'filing.submit': { target: 'filed', guard: and(['isActorPermitted', 'isLegalDateInOrder']), actions: 'recordFiling' },
                },
              },
              filed: {},
              notRequired: {},
            },
          },
        },
      },
      // Present in every version (their typing must not depend on a flag) but reachable only through
      // `transfer.report`, which exists only where `criminalTransfer` is on.
      ...createTransferStates(features.transferHandover),
      closed: { type: 'final' },
      withdrawn: { type: 'final' },
    },
  });
}

/** The case machine of the latest version: what new cases open under. */
export const caseMachine = createCaseMachine(caseVersions[latestCaseVersion]);

export type CaseMachine = typeof caseMachine;
/** A snapshot of the case machine, as stored in `cases.snapshot` and passed between services. */
export type CaseSnapshot = SnapshotFrom<typeof caseMachine>;
