// Context updates of a criminal transfer and of a clue transfer: pure functions of (context, event), spread into
// the machine's actions by transfer.states.ts. They never decide whether an event is allowed; the guards do.
import type { CaseContext } from './case.context.js';
import type { CaseEvent } from './case.events.js';
import { chinaDay } from './legal-dates.js';
import type { TransferOrigin, TransferRecord } from './transfer.rules.js';

type EventOf<T extends CaseEvent['type']> = Extract<CaseEvent, { type: T }>;
type Update = (context: CaseContext, event: CaseEvent) => Partial<CaseContext>;

/** The current transfer with `patch` applied (only ever called while one exists: the guards see to it). */
const patched = (context: CaseContext, patch: Partial<TransferRecord>): Partial<CaseContext> => ({
  transfer: { ...context.transfer!, ...patch },
});

/** A new transfer proposed from state `from` (the action's parameter), replacing any earlier refused one. */
export function recordTransferReport(context: CaseContext, event: CaseEvent, from: TransferOrigin): Partial<CaseContext> {
  const e = event as EventOf<'transfer.report'>;
  const before = context.transfer;
  const transfer: TransferRecord = {
    from,
    status: 'proposed',
    officers: [...new Set(e.officers)],
    reportedBy: e.actor.id,
    reportedAt: e.at,
    approval: null,
    refusal: null,
    sent: null,
    answers: [],
    reconsideration: null,
    supervision: [],
    // A later transfer, refused, must not lift the review a final 不予立案 required (isReviewRequiredAfterTransfer).
    afterDecline: before?.status === 'resumed' || before?.afterDecline === true,
  };
  return { transfer };
}

const answer = (context: CaseContext, event: CaseEvent) => {
  const e = event as EventOf<'transfer.answer'>;
  return [...(context.transfer?.answers ?? []), { result: e.result, receivedOn: e.receivedOn, at: e.at }];
};

/** The updates without parameters, by action name. */
export const transferUpdates = {
  recordTransferApproval: (context, event) => patched(context, { status: 'approved', approval: { by: event.actor.id, at: event.at } }),
  recordTransferRefusal: (context, event) => {
    const { reasons } = event as EventOf<'transfer.refuse'>;
    return patched(context, { status: 'refused', refusal: { by: event.actor.id, at: event.at, reasons } });
  },
  recordTransferSent: (context, event) => {
    const { recipient } = event as EventOf<'transfer.send'>;
    return patched(context, { status: 'sent', sent: { by: event.actor.id, at: event.at, sentOn: chinaDay(event.at), recipient } });
  },
  // 立案: the case is in the criminal process now; the administrative case ends here (移送规定 art 11 ¶3).
  recordTransferFiled: (context, event) => ({
    ...patched(context, { status: 'filed', answers: answer(context, event) }),
    endedAt: event.at,
  }),
  // 立案 under a version that tracks the handover (art 12): the administrative track ends, the case waits for it.
  recordTransferFiledAwaitingHandover: (context, event) => patched(context, { status: 'filed', answers: answer(context, event) }),
  // The seized items and materials are with the police: the case ends here.
  recordHandover: (context, event) => {
    const { handedOverOn, receivedBy } = event as EventOf<'transfer.handover'>;
    return {
      ...patched(context, { status: 'handedOver', handover: { by: event.actor.id, at: event.at, handedOverOn, receivedBy } }),
      endedAt: event.at,
    };
  },
  recordTransferDeclined: (context, event) => {
    const status = context.transfer?.reconsideration ? 'upheld' : 'declined';
    return patched(context, { status, answers: answer(context, event) });
  },
  recordReconsideration: (context, event) =>
    patched(context, { status: 'reconsidering', reconsideration: { by: event.actor.id, at: event.at } }),
  recordSupervision: (context, event) => {
    const { result } = event as EventOf<'transfer.supervise'>;
    const supervision = [...(context.transfer?.supervision ?? []), { result, by: event.actor.id, at: event.at }];
    return patched(context, { supervision });
  },
  // Back on the administrative track: any opinion, attestation and discussion from before the transfer is void,
  // so the decision can only follow a fresh review of the draft (see isReviewRequiredAfterTransfer).
  recordTransferResumed: (context) => ({
    ...patched(context, { status: 'resumed' }),
    review: null,
    attestation: null,
    discussion: null,
  }),
  recordClue: (context, event) => {
    const { recipient } = event as EventOf<'clue.transfer'>;
    return { clues: [...(context.clues ?? []), { by: event.actor.id, at: event.at, recipient }] };
  },
} satisfies Record<string, Update>;
