// The party's rights and the duties after a decision, as pure rules of (context, event): legal dates in
// order, the 听证 request period not cut short, no heavier penalty after 告知, a lawful hearing schedule, the
// 回避 applications, and which duties a decision owes. case.rules.ts asks these through `refuseContent`.
import type { CaseContext } from './case.context.js';
import type { CaseEvent, CaseEventType } from './case.events.js';
import type { ContentRefusal } from './case.rules.js';
import { measuresOf } from './draft.schema.js';
import { chinaDay, laterOf } from './legal-dates.js';
import { heavierMeasures } from './heavier-measures.js';

type EventOf<T extends CaseEventType> = Extract<CaseEvent, { type: T }>;
type Refusal = ContentRefusal | null;

/** One legal date an event carries: where it is in the command, and the earlier date it must not precede. */
interface LegalDate {
  field: string;
  date: string;
  notBefore: string | null;
  /** What `notBefore` is, for people. */
  follows: string;
}

const today = (event: CaseEvent) => chinaDay(event.at);
const dated = (field: string, date: string, notBefore: string | null, follows: string): LegalDate => ({ field, date, notBefore, follows });

/** The legal date of each dated event (an omitted optional date is today's), and what it follows. */
const legalDates: Partial<Record<CaseEventType, (c: CaseContext, e: CaseEvent) => LegalDate>> = {
  'notice.send': (c, e) => dated('service.date', (e as EventOf<'notice.send'>).service.date, c.openedOn, '立案'),
  'notice.receipt': (c, e) => dated('receivedOn', (e as EventOf<'notice.receipt'>).receivedOn, c.openedOn, '立案'),
  'hearing.schedule': (c, e) =>
    dated('noticeServedOn', (e as EventOf<'hearing.schedule'>).noticeServedOn, c.rights.receivedOn, '违法行为通知书 receipt'),
  'hearing.hold': (c, e) => dated('heldOn', (e as EventOf<'hearing.hold'>).heldOn, c.hearing?.date ?? null, 'scheduled hearing date'),
  'recusal.apply': (c, e) => dated('appliedOn', (e as EventOf<'recusal.apply'>).appliedOn, c.openedOn, '立案'),
  'decision.issue': (c, e) =>
    dated(
      'decidedOn',
      (e as EventOf<'decision.issue'>).decidedOn ?? today(e),
      laterOf(laterOf(c.openedOn, c.rights.receivedOn), c.hearing?.heldOn),
      '立案, 告知 and any hearing',
    ),
  'decision.serve': (c, e) => dated('service.date', (e as EventOf<'decision.serve'>).service.date, c.decision?.decidedOn ?? null, '决定'),
  'publication.publish': (c, e) =>
    dated('publishedOn', (e as EventOf<'publication.publish'>).publishedOn ?? today(e), c.decision?.decidedOn ?? null, '决定'),
  'publication.withdraw': (c, e) =>
    dated('withdrawnOn', (e as EventOf<'publication.withdraw'>).withdrawnOn ?? today(e), c.duties.publishedOn, '公示'),
  'filing.submit': (c, e) => dated('filedOn', (e as EventOf<'filing.submit'>).filedOn, c.decision?.decidedOn ?? null, '决定'),
};

const refusal = (code: ContentRefusal['code'], reason: ContentRefusal['reason'], detail: string, fields: string[]): ContentRefusal => ({
  code,
  reason,
  detail,
  fields,
});

/** A legal date in the future, or before the date it follows (service before 立案, a hearing before its date). */
export function refuseLegalDate(context: CaseContext, event: CaseEvent): Refusal {
  const legal = legalDates[event.type]?.(context, event);
  if (!legal) return null;
  if (legal.date > today(event)) {
    return refusal('legal_date_invalid', 'date_in_future', `${legal.field} ${legal.date} is in the future.`, [legal.field]);
  }
  if (legal.notBefore !== null && legal.date < legal.notBefore) {
    const detail = `${legal.field} ${legal.date} is before the ${legal.follows} date ${legal.notBefore}.`;
    return refusal('legal_date_invalid', 'date_before_prior', detail, [legal.field]);
  }
  return null;
}

/** The 立案 date a case is opened with: never in the future. */
export function refuseOpenedOn(openedOn: string, at: string): Refusal {
  if (openedOn <= chinaDay(at)) return null;
  return refusal('legal_date_invalid', 'date_in_future', `openedOn ${openedOn} is in the future.`, ['openedOn']);
}

/**
 * The 听证 request period (交通 art 82: 5 working days from receipt, the receipt day not counted, art 17) is
 * over: only then may anyone, the scheduler included, record that the right lapsed. A period counted on a
 * provisional calendar is never treated as over.
 */
export function refuseLapse(context: CaseContext, event: CaseEvent): Refusal {
  const recounted = event.type === 'rights.lapse' ? event.hearingWindow : undefined;
  const window = recounted ?? context.rights.hearingWindow;
  if (window?.provisional) {
    const detail = `The hearing-request period ends on ${window.endsOn} only provisionally (no State Council schedule for that year yet).`;
    return refusal('hearing_window_open', 'window_provisional', detail, []);
  }
  if (!window || today(event) <= window.endsOn) {
    const detail = `The party may ask for a hearing until ${window?.endsOn ?? 'the period is counted'}; the right has not lapsed.`;
    return refusal('hearing_window_open', 'window_open', detail, []);
  }
  return null;
}

/**
 * A revision after 告知 may not make any measure heavier than the notice announced (交通 art 70 ¶2, art 81),
 * whether it comes as a revision or with supplemented materials (补充材料) during review.
 */
export function refuseHeavierDraft(context: CaseContext, event: EventOf<'draft.revise'> | EventOf<'materials.supplement'>): Refusal {
  const noticed = context.rights.noticedMeasures;
  if (noticed === null || event.draft === undefined) return null;
  const heavier = heavierMeasures(noticed, measuresOf(event.draft));
  if (heavier.length === 0) return null;
  const detail = `After 告知 the proposed ${heavier.map((m) => m.kind).join(', ')} may not be heavier than notified; send a new notice with this draft.`;
  return refusal('penalty_heavier_after_notice', 'heavier_than_noticed', detail, ['proposed']);
}

/** The 听证通知书 was served at least the notice period before the hearing (交通 art 83). */
export function refuseHearingNotice(event: EventOf<'hearing.schedule'>): Refusal {
  if (event.date >= event.earliestOn) return null;
  const detail = `A hearing noticed on ${event.noticeServedOn} may be held on ${event.earliestOn} at the earliest.`;
  return refusal('hearing_notice_too_short', 'notice_too_short', detail, ['date', 'noticeServedOn']);
}

/** Neither the host nor the recorder investigated the case or is barred by 回避 (交通 art 84, arts 12–14). */
export function refuseHearingStaff(context: CaseContext, event: EventOf<'hearing.schedule'>): Refusal {
  const barred = (id: string) => context.investigators.includes(id) || context.recusals.includes(id);
  if (barred(event.hostId)) {
    return refusal('hearing_staff_not_independent', 'host_barred', 'The hearing host investigated this case or is recused.', ['hostId']);
  }
  if (barred(event.recorderId)) {
    const detail = 'The hearing recorder investigated this case or is recused.';
    return refusal('hearing_staff_not_independent', 'recorder_barred', detail, ['recorderId']);
  }
  return null;
}

/** The pending 回避 application an answer names. */
export function pendingApplication(context: CaseContext, no: number) {
  return context.recusalApplications.find((a) => a.no === no && a.status === 'pending') ?? null;
}

/** An answer names a pending application. */
export function refuseRecusalDecision(context: CaseContext, event: EventOf<'recusal.decide'>): Refusal {
  if (pendingApplication(context, event.applicationNo)) return null;
  const detail = `No pending 回避 application number ${event.applicationNo} on this case.`;
  return refusal('recusal_application_not_pending', 'no_pending_application', detail, ['applicationNo']);
}

/** Content refusals of the party's rights and the duties, or null. */
export function refusePartyContent(context: CaseContext, event: CaseEvent): Refusal {
  const dates = refuseLegalDate(context, event);
  if (dates) return dates;
  switch (event.type) {
    case 'rights.lapse':
      return refuseLapse(context, event);
    case 'draft.revise':
    case 'materials.supplement':
      return refuseHeavierDraft(context, event);
    case 'hearing.schedule':
      return refuseHearingNotice(event) ?? refuseHearingStaff(context, event);
    case 'recusal.decide':
      return refuseRecusalDecision(context, event);
    default:
      return null;
  }
}

/** From 告知 until the decision the party's statements are heard (行政处罚法 art 45; 交通 art 70). */
export const isWithinPartyRightsPeriod = (c: CaseContext): boolean => c.rights.noticedAt !== null && isBeforeDecision(c);

/** The case is open and undecided: 回避 and reassignment still matter. */
export const isBeforeDecision = (c: CaseContext): boolean => c.decision === null && c.endedAt === null;

/** The 决定书 is served on the party except for a transfer to judicial organs (no 决定书 to serve). */
export const isServiceRequiredFor = (outcome: string): boolean => outcome !== 'transfer';

/** Filing (备案) applies to major decisions of the outcomes the catalog lists (seed §22; default 处罚 only). */
export function isFilingRequiredFor(context: CaseContext, outcome: string): boolean {
  return context.major.isMajor && (context.catalog.filingOutcomes ?? ['penalty']).includes(outcome);
}
