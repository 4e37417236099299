// Context updates for the party's rights and the duties after a decision: receipt of the notice, the
// hearing's schedule, 回避 applications and reassignment, and the legal dates of service, publication and
// filing. Pure functions of (context, event); the guards decide whether they apply.
import type { CaseContext } from './case.context.js';
import type { CaseEvent } from './case.events.js';
import { chinaDay } from './legal-dates.js';

type EventOf<T extends CaseEvent['type']> = Extract<CaseEvent, { type: T }>;
type Update = (context: CaseContext, event: CaseEvent) => Partial<CaseContext>;

/** A granted 回避 bars the person from the case; an assigned reviewer is released. */
function grant(context: CaseContext, event: CaseEvent): Partial<CaseContext> {
  const { applicationNo, granted } = event as EventOf<'recusal.decide'>;
  const decided = context.recusalApplications.map((a) =>
    a.no === applicationNo ? { ...a, status: granted ? ('granted' as const) : ('refused' as const), decidedBy: event.actor.id } : a,
  );
  const against = decided.find((a) => a.no === applicationNo)!.againstId;
  if (!granted) return { recusalApplications: decided };
  return {
    recusalApplications: decided,
    recusals: [...context.recusals, against],
    reviewerId: context.reviewerId === against ? null : context.reviewerId,
  };
}

/** The party's rights and duties updates, merged into `caseUpdates`. */
export const partyUpdates = {
  // A corrected receipt date of the notice: the 听证 request period counts again from it.
  recordReceipt: (context, event) => {
    const { receivedOn, hearingWindow } = event as EventOf<'notice.receipt'>;
    return { rights: { ...context.rights, receivedOn, hearingWindow } };
  },
  recordHearingSchedule: (_context, event) => {
    const { date, earliestOn, noticeServedOn, hostId, recorderId } = event as EventOf<'hearing.schedule'>;
    return { hearing: { date, earliestOn, noticeServedOn, hostId, recorderId, heldOn: null } };
  },
  recordHearingAdjourned: () => ({ hearing: null }),
  recordRecusalApplication: (context, event) => {
    const { againstId, appliedOn } = event as EventOf<'recusal.apply'>;
    const no = context.recusalApplications.length + 1;
    return {
      recusalApplications: [...context.recusalApplications, { no, againstId, appliedOn, status: 'pending' as const, decidedBy: null }],
    };
  },
  recordRecusalDecision: grant,
  // A granted 回避 of the reviewer whose approval stands voids that approval, as their own declaration would.
  recordRecusalDecisionVoidingReview: (context, event) => ({ ...grant(context, event), reviewerId: null, review: null, discussion: null }),
  assignHandler: (context, event) => {
    const { assignee } = event as EventOf<'handler.assign'>;
    return { handlerId: assignee.id, investigators: [...new Set([...context.investigators, assignee.id])] };
  },
  recordService: (context, event) => {
    const { service } = event as EventOf<'decision.serve'>;
    return { duties: { ...context.duties, servedAt: event.at, servedOn: service.date } };
  },
  recordPublication: (context, event) => {
    const { publishedOn } = event as EventOf<'publication.publish'>;
    return { duties: { ...context.duties, publishedAt: event.at, publishedOn: publishedOn ?? chinaDay(event.at) } };
  },
  recordPublicationWithdrawal: (context, event) => {
    const { withdrawnOn } = event as EventOf<'publication.withdraw'>;
    return {
      duties: { ...context.duties, publicationWithdrawnAt: event.at, publicationWithdrawnOn: withdrawnOn ?? chinaDay(event.at) },
    };
  },
  recordFiling: (context, event) => {
    const { filedOn } = event as EventOf<'filing.submit'>;
    return { duties: { ...context.duties, filedAt: event.at, filedOn } };
  },
} satisfies Record<string, Update>;
