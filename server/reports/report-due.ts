// Due dates of the periodic supervision reports from the policy: last month's statistics by the monthly
// due day, last year's summary by the annual date. A due day on a rest day moves to the next working day.
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
  const due = calendar.addCalendarDays(nominal, 0);
  return { nominal, date: due.date, provisional: due.provisional, basis: policy.reports[kind].basis };
}
