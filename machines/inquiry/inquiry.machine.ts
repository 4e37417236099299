// The accountability inquiry (责任追究) statechart: opened on an overturned decision with a proposed
// allocation of fault; claims of due-diligence exemption (尽职免责) while open; a supervisor's determination.
// Invariant: `determined` is entered only by a permitted supervisor whose allocations name every person once.
import { and, assign, setup } from 'xstate';
import type { InquiryContext, InquiryInput } from './inquiry.context.js';
import type { InquiryEvent } from './inquiry.events.js';
import { coversEveryPerson, isWithdrawalPending, refuseInquiryActor } from './inquiry.rules.js';

/** Bump when states or guards change. */
export const inquiryMachineVersion = 1;

type EventOf<T extends InquiryEvent['type']> = Extract<InquiryEvent, { type: T }>;

export const inquiryMachine = setup({
  types: {} as { context: InquiryContext; events: InquiryEvent; input: InquiryInput },
  guards: {
    isActorPermitted: ({ context, event }) => refuseInquiryActor(context, event) === null,
    isWithdrawalPending: ({ context }) => isWithdrawalPending(context),
    isWithdrawalSettled: ({ context }) => !isWithdrawalPending(context),
    coversEveryPerson: ({ context, event }) => coversEveryPerson(context, (event as EventOf<'inquiry.determine'>).allocations),
    usesConfiguredGrounds: ({ context, event }) => {
      const grounds =
        event.type === 'exemption.claim'
          ? event.grounds
          : event.type === 'inquiry.determine'
            ? event.allocations.flatMap((a) => a.grounds ?? [])
            : [];
      return grounds.every((g) => context.groundCodes.includes(g));
    },
  },
  actions: {
    recordClaim: assign(({ context, event }) => {
      const { grounds, statement } = event as EventOf<'exemption.claim'>;
      return { claims: [...context.claims, { personId: event.actor.id, grounds, statement, at: event.at }] };
    }),
    recordWithdrawal: assign(({ context, event }) => ({
      withdrawal: {
        ...context.withdrawal,
        withdrawnAt: event.at,
        withdrawnOn: (event as EventOf<'withdrawal.record'>).withdrawnOn,
        by: event.actor.id,
      },
    })),
    recordDetermination: assign(({ event }) => {
      const { allocations, conclusion } = event as EventOf<'inquiry.determine'>;
      return { determination: { by: event.actor.id, at: event.at, allocations, conclusion } };
    }),
  },
}).createMachine({
  id: 'inquiry',
  context: ({ input }) => ({ ...input, claims: [], determination: null }),
  initial: 'open',
  states: {
    open: {
      on: {
        'exemption.claim': { guard: and(['isActorPermitted', 'usesConfiguredGrounds']), actions: 'recordClaim' },
        'withdrawal.record': { guard: and(['isActorPermitted', 'isWithdrawalPending']), actions: 'recordWithdrawal' },
        'inquiry.determine': {
          target: 'determined',
          guard: and(['isActorPermitted', 'coversEveryPerson', 'usesConfiguredGrounds']),
          actions: 'recordDetermination',
        },
      },
    },
    // Determined, but a withdrawal of the publication is still owed: the inquiry stays open for the clerk.
    determined: {
      always: { target: 'closed', guard: 'isWithdrawalSettled' },
      on: {
        'withdrawal.record': { target: 'closed', guard: and(['isActorPermitted', 'isWithdrawalPending']), actions: 'recordWithdrawal' },
      },
    },
    closed: { type: 'final' },
  },
});

export type InquiryMachine = typeof inquiryMachine;
