// The criminal transfer (行刑衔接, 移送规定 arts 5–12) as state nodes of the case machine: its guards and
// actions, the transition that starts it from any state before the decision, and the `transfer` and
// `transferred` states. Invariant: a transfer leaves only by 立案 (the case ends, from version 8 after the art 12
// handover), a refusal (back where it was), or a final 不予立案 (back on the administrative track, where the
// decision needs a fresh review).
import { and, assign } from 'xstate';
import type { CaseContext } from './case.context.js';
import type { CaseEvent } from './case.events.js';
import {
  isAnswerFiled,
  isSupervisionOrdered,
  isTransferFrom,
  refuseTransferContent,
  refuseTransferTeam,
  resumeTarget,
  transferOrigins,
  type TransferOrigin,
} from './transfer.rules.js';
import { recordTransferReport, transferUpdates } from './transfer.updates.js';

type Update = (context: CaseContext, event: CaseEvent) => Partial<CaseContext>;
type Params = { from: TransferOrigin };
const update = (fn: Update) => assign<CaseContext, CaseEvent, undefined, CaseEvent, never>(({ context, event }) => fn(context, event));

/** The guards of the transfer, by name (merged into the case machine's `setup`). */
export const transferGuards = {
  isTransferTeamValid: ({ event }: { event: CaseEvent }) =>
    event.type !== 'transfer.report' || refuseTransferTeam(event.officers, event.team) === null,
  isTransferAnswerDated: ({ context, event }: { context: CaseContext; event: CaseEvent }) => refuseTransferContent(context, event) === null,
  isHandoverDated: ({ context, event }: { context: CaseContext; event: CaseEvent }) => refuseTransferContent(context, event) === null,
  isAnswerFiled: ({ event }: { event: CaseEvent }) => isAnswerFiled(event),
  isSupervisionOrdered: ({ context }: { context: CaseContext }) => isSupervisionOrdered(context),
  isTransferFrom: ({ context }: { context: CaseContext }, params: Params) => isTransferFrom(context, params.from),
  isResumeTo: ({ context }: { context: CaseContext }, params: Params) => resumeTarget(context) === params.from,
};

/** The actions of the transfer, by name (merged into the case machine's `setup`). */
export const transferActions = {
  recordTransferReport: assign<CaseContext, CaseEvent, Params, CaseEvent, never>(({ context, event }, params) =>
    recordTransferReport(context, event, params.from),
  ),
  recordTransferApproval: update(transferUpdates.recordTransferApproval),
  recordTransferRefusal: update(transferUpdates.recordTransferRefusal),
  recordTransferSent: update(transferUpdates.recordTransferSent),
  recordTransferFiled: update(transferUpdates.recordTransferFiled),
  recordTransferFiledAwaitingHandover: update(transferUpdates.recordTransferFiledAwaitingHandover),
  recordHandover: update(transferUpdates.recordHandover),
  recordTransferDeclined: update(transferUpdates.recordTransferDeclined),
  recordReconsideration: update(transferUpdates.recordReconsideration),
  recordSupervision: update(transferUpdates.recordSupervision),
  recordTransferResumed: update(transferUpdates.recordTransferResumed),
  recordClue: update(transferUpdates.recordClue),
};

/** `transfer.report` from administrative state `from`: the 专案组's report starts the transfer (art 5). */
export const startTransfer = (from: TransferOrigin) =>
  ({
    target: '#case.transfer',
    guard: and(['isActorPermitted', 'isTransferTeamValid']),
    actions: { type: 'recordTransferReport', params: { from } },
  }) as const;

/** The state an origin returns to: an open review resumes assigned or not, as it stood. */
const targetsOf = <A extends 'recordTransferRefusal' | 'recordTransferResumed'>(
  from: TransferOrigin,
  guard: 'isTransferFrom' | 'isResumeTo',
  action: A,
) => {
  const when = { type: guard, params: { from } } as const;
  if (from !== 'inReview') return [{ target: `#case.${from}`, guard: and(['isActorPermitted', when]), actions: action }];
  return [
    { target: '#case.inReview.assigned', guard: and(['isActorPermitted', when, 'hasAssignedReviewer']), actions: action },
    { target: '#case.inReview.unassigned', guard: and(['isActorPermitted', when]), actions: action },
  ];
};

// A refusal (with reasons, art 5) returns the case where it was; a final 不予立案 returns it to the
// administrative track, at `ready` at the latest, with any earlier opinion void (transfer.updates.ts).
const refuse = transferOrigins.flatMap((from) => targetsOf(from, 'isTransferFrom', 'recordTransferRefusal'));
const resume = transferOrigins.flatMap((from) => targetsOf(from, 'isResumeTo', 'recordTransferResumed'));
const supervise = { guard: 'isActorPermitted', actions: 'recordSupervision' } as const;
/**
 * The `transfer` state (compound) and the final `transferred` state, as case.machine.ts places them. With
 * `handover` (version 8) a 立案 waits in `handingOver` for the art 12 handover; without it the 立案 ends the case.
 * `handingOver` is present either way (the typing must not depend on a flag) but reachable only with it.
 */
export function createTransferStates(handover: boolean) {
  const filed = handover
    ? ({ target: '#case.transfer.handingOver', actions: 'recordTransferFiledAwaitingHandover' } as const)
    : ({ target: '#case.transferred', actions: 'recordTransferFiled' } as const);
  const answered = (declined: 'declined' | 'upheld') => [
    { ...filed, guard: and(['isActorPermitted', 'isTransferAnswerDated', 'isAnswerFiled']) },
    { target: declined, guard: and(['isActorPermitted', 'isTransferAnswerDated']), actions: 'recordTransferDeclined' as const },
  ];
  // After the procuratorate ordered a 立案 (art 9 ¶2), the police's 立案 is recorded even after a 不予立案.
  const filedAfterSupervision = {
    ...filed,
    guard: and(['isActorPermitted', 'isTransferAnswerDated', 'isAnswerFiled', 'isSupervisionOrdered']),
  };
  return {
    transfer: {
      initial: 'proposed',
      states: {
        // art 5: the 正职负责人 decides within 3 days (clock `transferApproval`).
        proposed: {
          on: {
            'transfer.approve': { target: 'approved', guard: 'isActorPermitted', actions: 'recordTransferApproval' },
            'transfer.refuse': refuse,
          },
        },
        // art 6: sent within 24 hours of the approval (clock `transferSend`), with the 移送书 and the lists.
        approved: { on: { 'transfer.send': { target: 'sent', guard: 'isActorPermitted', actions: 'recordTransferSent' } } },
        sent: { on: { 'transfer.answer': answered('declined') } },
        // art 9: 复议 within 3 days of the 不予立案 (clock `transferReconsideration`), or the procuratorate.
        declined: {
          on: {
            'transfer.reconsider': { target: 'reconsidering', guard: 'isActorPermitted', actions: 'recordReconsideration' },
            'transfer.supervise': supervise,
            'transfer.answer': filedAfterSupervision,
            'transfer.resume': resume,
          },
        },
        reconsidering: { on: { 'transfer.answer': answered('upheld'), 'transfer.supervise': supervise } },
        upheld: { on: { 'transfer.supervise': supervise, 'transfer.answer': filedAfterSupervision, 'transfer.resume': resume } },
        // art 12: the police filed the case; the seized items and materials go to them within 3 days of the
        // 立案通知书 (clock `transferHandover`), with the formalities of a handover. The administrative track is over.
        handingOver: {
          on: {
            'transfer.handover': {
              target: '#case.transferred',
              guard: and(['isActorPermitted', 'isHandoverDated']),
              actions: 'recordHandover',
            },
          },
        },
      },
    },
    // 立案 by the police (and, from version 8, the handover): the matter is in the criminal process (art 11).
    transferred: { type: 'final' },
  } as const;
}

/** A clue about an official's misconduct (art 19): recorded at any stage of an open case, changing nothing else. */
export const clueTransition = { guard: and(['isActorPermitted', 'isCaseOpen']), actions: 'recordClue' } as const;
