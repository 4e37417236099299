// Due dates of the periodic supervision reports from the policy: last month's statistics by the monthly
// due day, last year's summary by the annual date. These are fixed dates (每月5日前, 1月31日前), not periods:
// one that falls on a rest day moves as the policy's rule says (default: earlier, to the last working day).
import type { WorkingCalendar } from '../calendar/working-days.js';
import type { Policy } from '../policy/policy.schema.js';

/** A report period: `YYYY-MM` (monthly) or `YYYY` (annual). */
export type ReportKind = 'monthly' | 'annual';

/** The month after `YYYY-MM`. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The month before `YYYY-MM`. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The due date of the report for `period`, with the nominal date and whether the calendar was provisional. */
export function reportDue(calendar: WorkingCalendar, policy: Policy, kind: ReportKind, period: string) {
  const nominal =
    kind === 'monthly'
      ? `${nextMonth(period)}-${String(policy.reports.monthly.dueDay).padStart(2, '0')}`
      : `${Number(period) + 1}-${policy.reports.annual.due}`;
  const due = onWorkingDay(calendar, nominal, policy.reports.restDay.rule);
  return { nominal, date: due.date, provisional: due.provisional, rule: policy.reports.restDay.rule, basis: policy.reports[kind].basis };
}

/** `date` itself when it is a working day, else the working day the rule names (or `date` as it is). */
export function onWorkingDay(
  calendar: WorkingCalendar,
  date: string,
  rule: Policy['reports']['restDay']['rule'],
): { date: string; provisional: boolean } {
  const day = calendar.isWorkingDay(date);
  if (day.working || rule === 'asIs') return { date, provisional: day.provisional };
  // The n-th working day before or after `date` does not count `date` itself, a rest day here.
  const moved = calendar.addWorkingDays(date, rule === 'previousWorkingDay' ? -1 : 1);
  return { date: moved.date, provisional: moved.provisional || day.provisional };
}
