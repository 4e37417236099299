// What content the law allows on an execution case (HTTP 422), one function per rule so each machine guard names
// the article it enforces: 催告 first (arts 35, 37), statements adopted (art 36), no night or rest day without
// urgency (art 43), the 代履行 reminder (art 51(2)), the court's wait and deadline (arts 53–54). Pure.
import { chinaDay } from '../case/legal-dates.js';
import { refuseItemsAgainstOutcome, type ItemsReason } from '../review/review-items.js';
import type { ExecutionContext } from './execution.context.js';
import type { ExecutionDraft } from './execution.draft.js';
import { ExecutionReviewItemKeys, type ExecutionEvent } from './execution.events.js';

/** A refusal of content (HTTP 422), with the fields at fault. */
export interface ExecutionContentRefusal {
  code:
    | 'review_outcome_inconsistent'
    | 'legal_date_invalid'
    | 'execution_amount_missing'
    | 'execution_route_mismatch'
    | 'execution_time_missing'
    | 'execution_surcharge_over_amount'
    | 'execution_duty_changed'
    | 'execution_notice_period_running'
    | 'execution_statement_not_adopted'
    | 'execution_rest_day'
    | 'execution_court_deadline_passed'
    | 'execution_reminder_missing';
  reason: ItemsReason | 'date_in_future' | 'date_before_prior' | 'rest_day' | 'night' | 'content';
  detail: string;
  fields: string[];
}
type Refusal = ExecutionContentRefusal | null;
type EventOf<T extends ExecutionEvent['type']> = Extract<ExecutionEvent, { type: T }>;

const refuse = (
  code: ExecutionContentRefusal['code'],
  detail: string,
  fields: string[],
  reason: ExecutionContentRefusal['reason'] = 'content',
) => ({
  code,
  reason,
  detail,
  fields,
});

/** A legal date is not after the day it is entered, and not before the date it follows. */
export function refuseDate(field: string, date: string, at: string, notBefore: string | null): Refusal {
  if (date > chinaDay(at)) return refuse('legal_date_invalid', `${field} ${date} is after today.`, [field], 'date_in_future');
  if (notBefore !== null && date < notBefore)
    return refuse('legal_date_invalid', `${field} ${date} is before ${notBefore}.`, [field], 'date_before_prior');
  return null;
}

/** What a draft may propose (art 35(3), art 37 ¶2(3), art 45 ¶2); a revision keeps the duty it enforces. */
export function refuseExecutionDraft(draft: ExecutionDraft, fixed: ExecutionContext['duty'] | null = null): Refusal {
  const { duty } = draft;
  if (duty.kind === 'money' && duty.amountYuan === undefined)
    return refuse('execution_amount_missing', '金钱给付义务 states its amount (行政强制法 art 35(3)).', ['draft.duty.amountYuan']);
  if ((draft.route === 'substitute') !== (draft.means === 'substitute'))
    return refuse('execution_route_mismatch', '代履行 is both the route and the means (行政强制法 art 50).', [
      'draft.route',
      'draft.means',
    ]);
  if (draft.route !== 'court' && draft.plannedOn === undefined)
    return refuse('execution_time_missing', '强制执行决定 states the time of execution (行政强制法 art 37 ¶2(3)).', ['draft.plannedOn']);
  if (draft.surchargeYuan > (duty.kind === 'money' ? (duty.amountYuan ?? 0) : 0)) {
    const detail = '加处罚款或者滞纳金的数额不得超出金钱给付义务的数额 (行政强制法 art 45 ¶2).';
    return refuse('execution_surcharge_over_amount', detail, ['draft.surchargeYuan']);
  }
  if (fixed && !sameDuty(fixed, draft)) {
    return refuse('execution_duty_changed', 'The duty enforced is fixed when the case opens; open a new case for another.', ['draft.duty']);
  }
  return null;
}

const sameDuty = (fixed: ExecutionContext['duty'], draft: ExecutionDraft) =>
  fixed.decisionRef === draft.duty.decisionRef &&
  fixed.kind === draft.duty.kind &&
  fixed.amountYuan === (draft.duty.amountYuan ?? null) &&
  fixed.dueOn === draft.duty.dueOn &&
  fixed.remedyEndsOn === draft.duty.remedyEndsOn;

/** art 35: a 催告 after the period to perform ended, stating the amount where money is owed. */
function refuseNotice(c: ExecutionContext, e: EventOf<'notice.serve'>): Refusal {
  if (c.duty.kind === 'money' && e.amountYuan === undefined)
    return refuse('execution_amount_missing', '催告书 states the amount owed (行政强制法 art 35(3)).', ['amountYuan']);
  const later = [c.duty.dueOn, c.openedOn].sort().at(-1)!;
  return refuseDate('servedOn', e.servedOn, e.at, later);
}

/** art 37 ¶1 (after the 催告 period) and art 54 (10 days after the 催告 was served, for the court). */
export function refuseNoticePeriod(c: ExecutionContext, e: EventOf<'decision.issue'>): Refusal {
  if (!c.notice) return refuse('execution_notice_period_running', 'No 催告 was served (行政强制法 arts 35, 54).', ['decidedOn']);
  const until = c.draft.route === 'court' && c.notice.courtWaitEndsOn > c.notice.endsOn ? c.notice.courtWaitEndsOn : c.notice.endsOn;
  if (e.decidedOn > until) return null;
  const detail = `The 催告 period runs until ${until}; the decision may be made only after it (行政强制法 art 37 ¶1, art 54).`;
  return refuse('execution_notice_period_running', detail, ['decidedOn']);
}

/** art 36: a statement whose facts, reasons or evidence hold is adopted by a revision of the draft heard on. */
export function refuseStatementsOpen(c: ExecutionContext): Refusal {
  const open = c.statements.flatMap((s, i) => (s.holds && s.draftVersion >= c.draft.version ? [`statements.${i}`] : []));
  if (open.length === 0) return null;
  const detail = '当事人提出的事实、理由或者证据成立的，行政机关应当采纳 (行政强制法 art 36): revise the draft first.';
  return refuse('execution_statement_not_adopted', detail, open);
}

/** art 43 ¶1: 不得在夜间或者法定节假日实施行政强制执行 unless 情况紧急 (the reason recorded). */
export function refuseRestrictedTime(when: { restDay: boolean; night: boolean }, urgent: boolean, field: string): Refusal {
  if (urgent || (!when.restDay && !when.night)) return null;
  const what = when.restDay ? '法定节假日 or rest day' : 'night';
  const detail = `Execution on a ${what} needs 情况紧急 with its reason (行政强制法 art 43 ¶1).`;
  return refuse('execution_rest_day', detail, [field], when.restDay ? 'rest_day' : 'night');
}

/** art 53: the application to the court within 3 months from the end of the remedy period. */
export function refuseCourtDeadline(c: ExecutionContext, e: EventOf<'decision.issue'>): Refusal {
  if (c.draft.route !== 'court' || e.decidedOn <= e.courtDeadline) return null;
  const detail = `The application to the court was due by ${e.courtDeadline} (行政强制法 art 53: 三个月内).`;
  return refuse('execution_court_deadline_passed', detail, ['decidedOn']);
}

/** The decision's own dates and time: not in the future, after opening, and the planned day not before it. */
export function refuseDecisionDates(c: ExecutionContext, e: EventOf<'decision.issue'>): Refusal {
  return refuseDate('decidedOn', e.decidedOn, e.at, c.openedOn) ?? refusePlannedBefore(c, e.decidedOn);
}

const refusePlannedBefore = (c: ExecutionContext, decidedOn: string): Refusal =>
  c.draft.plannedOn !== null && c.draft.plannedOn < decidedOn
    ? refuse('legal_date_invalid', `plannedOn ${c.draft.plannedOn} is before the decision.`, ['draft.plannedOn'], 'date_before_prior')
    : null;

/** Whether the event is of the route the decision took. */
export const isRouteOf = (c: ExecutionContext, type: ExecutionEvent['type']): boolean =>
  type === 'court.rule'
    ? c.draft.route === 'court'
    : type === 'substitute.remind'
      ? c.draft.route === 'substitute'
      : c.draft.route !== 'court';

/** art 51(2): the 代履行 is announced by a 催告 at least three days before; art 52's immediate removal needs none. */
export function refuseCarry(c: ExecutionContext, e: EventOf<'execution.carry'>): Refusal {
  const dated = refuseDate('carriedOn', e.carriedOn, e.at, c.decision?.decidedOn ?? null);
  if (dated) return dated;
  const urgent = c.draft.urgent || e.urgentReason !== undefined;
  const time = refuseRestrictedTime(e.carried, urgent, 'carriedOn');
  if (time || c.draft.route !== 'substitute' || c.draft.urgent) return time;
  const latest = new Date(Date.parse(`${e.carriedOn}T00:00:00Z`) - 3 * 86_400_000).toISOString().slice(0, 10);
  if (c.reminder && c.reminder.servedOn <= latest) return null;
  return refuse('execution_reminder_missing', '代履行三日前，催告当事人履行 (行政强制法 art 51(2)).', ['carriedOn']);
}

/** Content refusal of any event (422), or null: the one place the service asks why content is refused. */
export function refuseExecutionContent(c: ExecutionContext, e: ExecutionEvent): Refusal {
  if (['substitute.remind', 'execution.carry', 'court.rule'].includes(e.type) && !isRouteOf(c, e.type))
    return refuse('execution_route_mismatch', `${e.type} is not of the route ${c.draft.route}.`, ['type']);
  switch (e.type) {
    case 'draft.revise':
      return refuseExecutionDraft(e.draft, c.duty);
    case 'notice.serve':
      return refuseNotice(c, e);
    case 'statement.record':
      return refuseDate('heardOn', e.heardOn, e.at, c.notice?.servedOn ?? c.openedOn);
    case 'review.approve':
    case 'review.return': {
      const items = refuseItemsAgainstOutcome(ExecutionReviewItemKeys, e.type === 'review.approve' ? 'approve' : 'return', e.items);
      return items ? { code: 'review_outcome_inconsistent', ...items } : null;
    }
    case 'decision.issue':
      return (
        refuseDecisionDates(c, e) ??
        refuseNoticePeriod(c, e) ??
        refuseStatementsOpen(c) ??
        (c.draft.route === 'court' ? null : refuseRestrictedTime(e.planned, c.draft.urgent, 'draft.plannedOn')) ??
        refuseCourtDeadline(c, e)
      );
    case 'substitute.remind':
      return refuseDate('servedOn', e.servedOn, e.at, c.decision?.decidedOn ?? null);
    case 'execution.carry':
      return refuseCarry(c, e);
    case 'court.rule':
      return refuseDate('ruledOn', e.ruledOn, e.at, c.decision?.decidedOn ?? null);
    case 'duty.performed':
      return refuseDate('performedOn', e.performedOn, e.at, c.openedOn);
    case 'filing.submit':
      return refuseDate('filedOn', e.filedOn, e.at, c.decision?.decidedOn ?? null);
    default:
      return null;
  }
}
