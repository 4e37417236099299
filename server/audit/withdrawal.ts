// The duty to withdraw a published decision that was changed, revoked or annulled: within 3 working days,
// with reasons (行政处罚法 art 48 ¶2; 《交通程序规定》 art 79). Computes the due date and the deadline row.
import { randomUUID } from 'node:crypto';
import type { InStatement } from '@libsql/client';
import type { CaseContext } from '../../machines/case/case.context.js';
import type { InquiryContext } from '../../machines/inquiry/inquiry.context.js';
import type { Policy } from '../policy/policy.schema.js';
import type { WorkingCalendar } from '../calendar/working-days.js';
import { chinaDate, shift } from '../deadlines/deadline-rules.js';
import { insertDeadline } from '../../db/deadlines/deadline-store.js';

/** Whether a withdrawal is owed, and by when, for an adverse outcome recorded at `at`. */
export function withdrawalObligation(
  caseContext: CaseContext,
  policy: Policy,
  at: string,
  cal: WorkingCalendar,
): InquiryContext['withdrawal'] {
  const published = caseContext.duties.publishedAt !== null && caseContext.duties.publicationWithdrawnAt === null;
  const none = { required: false, dueDate: null, provisional: false, withdrawnAt: null, withdrawnOn: null, by: null };
  if (!published) return none;
  const period = policy.deadlines.publicationWithdrawal;
  const start = chinaDate(at);
  const due = period.unit === 'working' ? cal.addWorkingDays(start, period.days) : cal.addCalendarDays(start, period.days);
  return { ...none, required: true, dueDate: due.date, provisional: due.provisional };
}

/** A running `publicationWithdrawal` clock on the case in the deadlines table, reminded and escalated like any other. */
export function withdrawalDeadlineStatement(
  caseId: string,
  obligation: InquiryContext['withdrawal'],
  policy: Policy,
  at: string,
  cal: WorkingCalendar,
): InStatement | null {
  if (!obligation.required || !obligation.dueDate) return null;
  const period = policy.deadlines.publicationWithdrawal;
  const start = chinaDate(at);
  return insertDeadline({
    id: randomUUID(),
    caseId,
    kind: 'publicationWithdrawal',
    policyKey: 'publicationWithdrawal',
    basis: period.basis,
    policyVersion: policy.version,
    days: period.days,
    unit: period.unit,
    startedAt: at,
    startDate: start,
    segmentStart: start,
    usedDays: 0,
    dueDate: obligation.dueDate,
    warnDate: shift(cal, obligation.dueDate, policy.deadlines.warnBefore, -1).date,
    escalateDate: shift(cal, obligation.dueDate, policy.deadlines.escalateAfter, 1).date,
    provisional: obligation.provisional,
    createdAt: at,
  });
}

/** Closes the case's open `publicationWithdrawal` clock when the clerk records the withdrawal: met or late. */
export function closeWithdrawalDeadlineStatement(caseId: string, at: string, withdrawnOn: string): InStatement {
  return {
    sql: `UPDATE deadlines SET state = 'closed', closed_at = ?, closed_by = 'withdrawal.record', paused_since = NULL,
          outcome = CASE WHEN ? <= due_date THEN 'met' ELSE 'late' END
          WHERE case_id = ? AND kind = 'publicationWithdrawal' AND state != 'closed'`,
    args: [at, withdrawnOn, caseId],
  };
}
