// The rules of a criminal transfer (移送规定 arts 5–12) as pure functions: who sends each transfer event, a
// 专案组 of at least two certified officers, dates in order, where a refused or declined transfer returns the
// case, and that a case back from a 不予立案 is decided only on a fresh legal review. case.rules.ts asks these.
import type { CaseContext } from './case.context.js';
import type { CaseEvent, Role } from './case.events.js';
import { chinaDay } from './legal-dates.js';
import type { PoliceAnswer, TeamMember } from './transfer.events.js';

/** The administrative states a transfer may start from: every state before the decision. */
export const transferOrigins = [
  'investigating',
  'noticed',
  'hearingRequested',
  'hearingScheduled',
  'ready',
  'inReview',
  'correcting',
  'disputed',
  'awaitingDecision',
] as const;
export type TransferOrigin = (typeof transferOrigins)[number];

/**
 * Origins that are past the review (or inside it): a case back from a 不予立案 re-enters at `ready`, so any
 * opinion given before the transfer is void and the decision is bound to a fresh review.
 */
const reviewedOrigins = new Set<TransferOrigin>(['inReview', 'disputed', 'awaitingDecision']);

/** The current (or latest) transfer of a case, as the context keeps it; texts and lists live on the record. */
export interface TransferRecord {
  from: TransferOrigin;
  status: 'proposed' | 'approved' | 'refused' | 'sent' | 'declined' | 'reconsidering' | 'upheld' | 'filed' | 'handedOver' | 'resumed';
  officers: string[];
  reportedBy: string;
  reportedAt: string;
  approval: { by: string; at: string } | null;
  refusal: { by: string; at: string; reasons: string } | null;
  sent: { by: string; at: string; sentOn: string; recipient: string } | null;
  answers: { result: PoliceAnswer; receivedOn: string; at: string }[];
  reconsideration: { by: string; at: string } | null;
  supervision: { result: string; by: string; at: string }[];
  /** The handover to the police after a 立案 (art 12); absent on records written before version 8. */
  handover?: { by: string; at: string; handedOverOn: string; receivedBy: string } | null;
  /** An earlier transfer of this case ended in a final 不予立案: the case stays one decided only through review. */
  afterDecline: boolean;
}

/** A clue about an official's misconduct sent to 纪检监察 (移送规定 art 19). */
export interface ClueRecord {
  by: string;
  at: string;
  recipient: string;
}

/** Which roles may send each transfer event (merged into case.rules.ts `eventRoles`). */
export const transferEventRoles = {
  'transfer.report': ['handler'],
  // The 正职负责人 decides (art 5); the head role holds it here, and a handler may not approve their own report.
  'transfer.approve': ['head'],
  'transfer.refuse': ['head'],
  'transfer.send': ['handler'],
  'transfer.answer': ['handler'],
  'transfer.handover': ['handler'],
  'transfer.reconsider': ['head'],
  'transfer.supervise': ['head'],
  'transfer.resume': ['head'],
  'clue.transfer': ['handler', 'reviewer', 'head'],
} satisfies Record<string, readonly Role[]>;

/** Transfer events only the case handler (with a valid 执法证) may send. */
export const transferHandlerEvents = ['transfer.report', 'transfer.send', 'transfer.answer', 'transfer.handover'] as const;
/** Transfer events a head decides, which the case's handler may not do for their own case. */
export const transferHeadEvents = ['transfer.approve', 'transfer.refuse', 'transfer.reconsider', 'transfer.resume'] as const;

/** A refusal of a transfer command's content (HTTP 422); `fields` names the parts at fault. */
export interface TransferContentRefusal {
  code: 'transfer_team_invalid' | 'legal_date_invalid';
  reason: 'team_too_small' | 'officer_uncertified' | 'date_in_future' | 'date_before_prior';
  detail: string;
  fields: string[];
}

/**
 * The 专案组 (移送规定 art 5): at least two different officers, each holding a valid 执法证 (行政处罚法 art 42),
 * as the server found them. Absent `team` (never from the API) counts as nobody certified.
 */
export function refuseTransferTeam(officers: string[], team: TeamMember[] | undefined): TransferContentRefusal | null {
  const distinct = [...new Set(officers)];
  if (distinct.length < 2) {
    const detail = 'A transfer is proposed by a 专案组 of at least two officers (移送规定 art 5).';
    return { code: 'transfer_team_invalid', reason: 'team_too_small', detail, fields: ['officers'] };
  }
  const certified = new Set((team ?? []).filter((m) => m.certified).map((m) => m.id));
  const uncertified = distinct.find((id) => !certified.has(id));
  if (uncertified === undefined) return null;
  const detail = `Officer ${uncertified} holds no valid enforcement certificate (执法证).`;
  return { code: 'transfer_team_invalid', reason: 'officer_uncertified', detail, fields: [`officers.${officers.indexOf(uncertified)}`] };
}

/** The police answer's date is not in the future and not before the transfer was sent. */
function refuseAnswerDate(context: CaseContext, event: Extract<CaseEvent, { type: 'transfer.answer' }>): TransferContentRefusal | null {
  const sentOn = context.transfer?.sent?.sentOn ?? null;
  if (event.receivedOn > chinaDay(event.at)) {
    const detail = `receivedOn ${event.receivedOn} is in the future.`;
    return { code: 'legal_date_invalid', reason: 'date_in_future', detail, fields: ['receivedOn'] };
  }
  if (sentOn !== null && event.receivedOn < sentOn) {
    const detail = `receivedOn ${event.receivedOn} is before the transfer was sent (${sentOn}).`;
    return { code: 'legal_date_invalid', reason: 'date_before_prior', detail, fields: ['receivedOn'] };
  }
  return null;
}

/** The handover's date is not in the future and not before the 立案 notice was received (art 12). */
function refuseHandoverDate(context: CaseContext, event: Extract<CaseEvent, { type: 'transfer.handover' }>): TransferContentRefusal | null {
  const filedOn = context.transfer?.answers.at(-1)?.receivedOn ?? null;
  if (event.handedOverOn > chinaDay(event.at)) {
    const detail = `handedOverOn ${event.handedOverOn} is in the future.`;
    return { code: 'legal_date_invalid', reason: 'date_in_future', detail, fields: ['handedOverOn'] };
  }
  if (filedOn !== null && event.handedOverOn < filedOn) {
    const detail = `handedOverOn ${event.handedOverOn} is before the 立案 notice was received (${filedOn}).`;
    return { code: 'legal_date_invalid', reason: 'date_before_prior', detail, fields: ['handedOverOn'] };
  }
  return null;
}

/** Content refusal of a transfer event (422), or null; other events are not judged here. */
export function refuseTransferContent(context: CaseContext, event: CaseEvent): TransferContentRefusal | null {
  if (event.type === 'transfer.report') return refuseTransferTeam(event.officers, event.team);
  if (event.type === 'transfer.answer') return refuseAnswerDate(context, event);
  if (event.type === 'transfer.handover') return refuseHandoverDate(context, event);
  return null;
}

/** The state a refused transfer returns the case to: where it was (an open review starts a new round). */
export const isTransferFrom = (context: CaseContext, from: TransferOrigin): boolean => context.transfer?.from === from;

/** Where a case continues after a final 不予立案: where it was, but never past a review given before the transfer. */
export function resumeTarget(context: CaseContext): TransferOrigin {
  const from = context.transfer?.from ?? 'ready';
  return reviewedOrigins.has(from) ? 'ready' : from;
}

/**
 * A case the police declined to open (不予立案) continues administratively, and is decided only through legal
 * review (交通 art 71: a case once suspected of a crime is 疑难复杂), whatever its classification.
 */
export function isReviewRequiredAfterTransfer(context: CaseContext): boolean {
  return context.transfer?.status === 'resumed' || context.transfer?.afterDecline === true;
}

/** The first 不予立案 may be reconsidered once (art 9); after the 复议 it stands unless the procuratorate acts. */
export const isSupervisionOrdered = (context: CaseContext): boolean =>
  (context.transfer?.supervision ?? []).some((s) => s.result === 'filing_ordered');

/** The police answer is 立案. */
export const isAnswerFiled = (event: CaseEvent): boolean => event.type === 'transfer.answer' && event.result === 'filed';
