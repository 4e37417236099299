// The clocks of an execution case, derived from its context on the working-day calendar: the 催告 period (art 35,
// art 37), the art 54 wait and the art 53 deadline of a court application, and the 备案 deadline (seed §22).
// Pure given the calendar; a deadline clock is overdue when today is after its last day while it runs.
import type { WorkingCalendar } from '../calendar/working-days.js';
import { periodEnd } from '../deadlines/deadline-rules.js';
import type { ExecutionContext } from '../../machines/execution/execution.context.js';
import type { ExecutionPolicy } from '../policy/execution-policy.schema.js';

/** One clock as the view shows it. */
export interface ExecutionClock {
  kind: 'executionNotice' | 'executionCourtWait' | 'executionCourtDeadline' | 'executionFiling';
  startsOn: string;
  dueOn: string;
  provisional: boolean;
  /** Stopped: the period it waits for is spent, or the act it bounds is done. */
  done: boolean;
  overdue: boolean;
  basis: string;
}

/** The last day of a 催告 period of `days` served on `servedOn` (art 69: ≤10 days are working days). */
export function noticePeriodEnd(calendar: WorkingCalendar, policy: ExecutionPolicy, servedOn: string, days: number) {
  const unit = days <= policy.notice.workingUpToDays ? 'working' : 'calendar';
  return periodEnd(calendar, servedOn, { days, unit, basis: policy.notice.basis });
}

/** `date` plus `months` calendar months; a day the month lacks becomes its last day (art 53: 三个月内). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last))).toISOString().slice(0, 10);
}

/** The last day to apply to the court (art 53). */
export const courtDeadlineOf = (policy: ExecutionPolicy, c: Pick<ExecutionContext, 'duty'>) =>
  addMonths(c.duty.remedyEndsOn, policy.courtApplication.months);

const waitClock = (kind: ExecutionClock['kind'], startsOn: string, dueOn: string, done: boolean, basis: string): ExecutionClock => ({
  kind,
  startsOn,
  dueOn,
  provisional: false,
  done,
  overdue: false,
  basis,
});

/** The case's clocks on `today`. The 催告 period and the court's wait are the party's time: never overdue. */
export function executionClocks(calendar: WorkingCalendar, policy: ExecutionPolicy, c: ExecutionContext, today: string): ExecutionClock[] {
  const clocks: ExecutionClock[] = [];
  const decided = c.decision !== null || c.conclusion !== null;
  if (c.notice)
    clocks.push(
      waitClock('executionNotice', c.notice.servedOn, c.notice.endsOn, decided || today > c.notice.endsOn, '行政强制法 arts 35, 37'),
    );
  if (c.draft.route === 'court') {
    if (c.notice) {
      const done = decided || today > c.notice.courtWaitEndsOn;
      clocks.push(waitClock('executionCourtWait', c.notice.servedOn, c.notice.courtWaitEndsOn, done, policy.courtWait.basis));
    }
    const dueOn = courtDeadlineOf(policy, c);
    const overdue = c.decision ? c.decision.decidedOn > dueOn : c.conclusion === null && c.endedAt === null && today > dueOn;
    clocks.push({ ...waitClock('executionCourtDeadline', c.duty.remedyEndsOn, dueOn, decided, policy.courtApplication.basis), overdue });
  }
  if (c.decision && c.duties.filingRequired) {
    const end = periodEnd(calendar, c.decision.decidedOn, policy.filing);
    const done = c.duties.filedOn !== null;
    const overdue = done ? c.duties.filedOn! > end.date : today > end.date;
    clocks.push({
      kind: 'executionFiling',
      startsOn: c.decision.decidedOn,
      dueOn: end.date,
      provisional: end.provisional,
      done,
      overdue,
      basis: policy.filing.basis,
    });
  }
  return clocks;
}
