// The clocks of a 行政许可 (撤销 / 撤回) case, derived from its context on the working-day calendar: the period for
// 陈述、申辩 (arts 7, 36), 公示 within 7 working days (118号 (六)), and 备案 of a major decision (seed §22).
// Pure given the calendar; a clock is overdue when today is after its last day and it is still running, or it stopped late.
import type { WorkingCalendar } from '../calendar/working-days.js';
import { periodEnd } from '../deadlines/deadline-rules.js';
import type { LicenceContext } from '../../machines/licence/licence.context.js';
import { isPublicationOwed } from '../../machines/licence/licence.rules.js';
import type { LicencePolicy } from '../policy/licence-policy.schema.js';

/** One clock as the view shows it. */
export interface LicenceClock {
  kind: 'licenceStatements' | 'licencePublication' | 'licenceFiling';
  startsOn: string;
  dueOn: string;
  provisional: boolean;
  /** Stopped: the hearing closed, the decision published, or filed. */
  done: boolean;
  overdue: boolean;
  basis: string;
}

/** The last day the licensee may 陈述、申辩 after a notice served on `servedOn`. */
export function statementsDueOn(calendar: WorkingCalendar, policy: LicencePolicy, servedOn: string): string {
  return periodEnd(calendar, servedOn, policy.statements).date;
}

type Period = LicencePolicy['publication'];

function clock(
  calendar: WorkingCalendar,
  kind: LicenceClock['kind'],
  from: string,
  period: Period,
  stoppedOn: string | null,
  today: string,
) {
  const end = periodEnd(calendar, from, period);
  const overdue = stoppedOn !== null ? stoppedOn > end.date : today > end.date;
  const done = stoppedOn !== null;
  return { kind, startsOn: from, dueOn: end.date, provisional: end.provisional, done, overdue, basis: period.basis };
}

/** The case's clocks on `today`. */
export function licenceClocks(calendar: WorkingCalendar, policy: LicencePolicy, c: LicenceContext, today: string): LicenceClock[] {
  const clocks: LicenceClock[] = [];
  const h = c.hearing;
  if (h) {
    // The licensee's period: never overdue for the organ; it shows when statements may still come.
    const basis = policy.statements.basis;
    const done = h.closedAt !== null;
    clocks.push({
      kind: 'licenceStatements',
      startsOn: h.servedOn,
      dueOn: h.statementsDueOn,
      provisional: false,
      done,
      overdue: false,
      basis,
    });
  }
  if (c.decision && isPublicationOwed(c))
    clocks.push(clock(calendar, 'licencePublication', c.decision.decidedOn, policy.publication, c.duties.publishedOn, today));
  if (c.decision && c.duties.filingRequired)
    clocks.push(clock(calendar, 'licenceFiling', c.decision.decidedOn, policy.filing, c.duties.filedOn, today));
  return clocks;
}
