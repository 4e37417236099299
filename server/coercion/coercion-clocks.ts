// The clocks of a 查封、扣押 case, derived from its context on the working-day calendar: the measure's period
// (行政强制法 art 25: ≤30 days, one extension ≤30 days) and the 备案 deadline of a major decision (seed §22).
// Pure given the calendar; a clock is overdue when today is after its last day and it is still running.
import type { WorkingCalendar } from '../calendar/working-days.js';
import { periodEnd } from '../deadlines/deadline-rules.js';
import type { CoercionContext } from '../../machines/coercion/coercion.context.js';
import type { CoercionPolicy } from '../policy/coercion-policy.schema.js';

/** One clock as the view shows it. */
export interface CoercionClock {
  kind: 'coercionPeriod' | 'coercionFiling';
  startsOn: string;
  dueOn: string;
  provisional: boolean;
  /** Stopped: the measure concluded, or the decision filed. */
  done: boolean;
  overdue: boolean;
  basis: string;
}

/** The last day of a period of `days` from `from`, counted as the policy says (art 25 with art 69). */
export function coercionPeriodEnd(calendar: WorkingCalendar, policy: CoercionPolicy, from: string, days: number) {
  return periodEnd(calendar, from, { days, unit: policy.periodUnit.unit, basis: policy.periodUnit.basis });
}

/** The case's clocks on `today`. */
export function coercionClocks(calendar: WorkingCalendar, policy: CoercionPolicy, c: CoercionContext, today: string): CoercionClock[] {
  const clocks: CoercionClock[] = [];
  if (c.period) {
    const dueOn = c.period.extension?.endsOn ?? c.period.endsOn;
    const done = c.conclusion !== null;
    const overdue = done ? !c.conclusion!.withinPeriod : today > dueOn;
    clocks.push({
      kind: 'coercionPeriod',
      startsOn: c.period.implementedOn,
      dueOn,
      provisional: false,
      done,
      overdue,
      basis: '行政强制法 art 25',
    });
  }
  if (c.decision && c.duties.filingRequired) {
    const end = periodEnd(calendar, c.decision.decidedOn, policy.filing);
    const done = c.duties.filedOn !== null;
    const overdue = done ? c.duties.filedOn! > end.date : today > end.date;
    clocks.push({
      kind: 'coercionFiling',
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
