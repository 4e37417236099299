// Reminders for the periodic reports, listed with the deadlines for heads: last month's statistics and
// last year's summary, until recorded as submitted. Same statuses as case deadlines (running, due-soon, overdue).
import type { Services } from '../services.js';
import { chinaDate, displayStatus, shift } from '../deadlines/deadline-rules.js';
import { previousMonth, reportDue, type ReportKind } from './report-due.js';
import { findSubmission } from './report-submissions.js';

/** One report reminder in the deadlines list. */
export interface ReportReminder {
  id: string;
  kind: 'monthlyReport' | 'annualReport';
  period: string;
  status: 'running' | 'due-soon' | 'overdue';
  dueDate: string;
  warnDate: string;
  provisional: boolean;
  basis: string;
}

/** The reminders open on `services.now()`: the latest ended month and year not yet submitted. */
export async function reportReminders(services: Services): Promise<ReportReminder[]> {
  const today = chinaDate(services.now());
  const calendar = await services.calendar.calendar();
  const periods: [ReportKind, string][] = [
    ['monthly', previousMonth(today.slice(0, 7))],
    ['annual', String(Number(today.slice(0, 4)) - 1)],
  ];
  const out: ReportReminder[] = [];
  for (const [kind, period] of periods) {
    if (await findSubmission(services, kind, period)) continue;
    const due = reportDue(calendar, services.policy, kind, period);
    const warn = shift(calendar, due.date, services.policy.deadlines.warnBefore, -1);
    const status = displayStatus(
      { state: 'running', outcome: null, dueDate: due.date, warnDate: warn.date },
      today,
    ) as ReportReminder['status'];
    out.push({
      id: `report:${kind}:${period}`,
      kind: `${kind}Report`,
      period,
      status,
      dueDate: due.date,
      warnDate: warn.date,
      provisional: due.provisional,
      basis: due.basis,
    });
  }
  return out;
}
