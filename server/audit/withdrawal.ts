// The duty to withdraw a published decision that was changed, revoked or annulled: within 3 working days,
// with reasons (行政处罚法 art 48 ¶2; 《交通程序规定》 art 79). Its one due date is the `publicationWithdrawal`
// clock's, counted on the database calendar from the revoking decision's date, not from when it was entered.
import { randomUUID } from 'node:crypto';
import type { SqlStatement } from '../../db/core/sql.js';
import type { CaseContext } from '../../machines/case/case.context.js';
import type { InquiryContext } from '../../machines/inquiry/inquiry.context.js';
import type { Policy } from '../policy/policy.schema.js';
import type { WorkingCalendar } from '../calendar/working-days.js';
import { newClock } from '../deadlines/deadline-model.js';
import { closeWithdrawalStatement, insertDeadline } from '../../db/deadlines/deadline-store.js';
import { withdrawPublicationStatement } from '../../db/public/publication-store.js';

/** Whether a withdrawal is owed: the case's decision is published and not withdrawn yet. */
export function withdrawalObligation(caseContext: CaseContext): InquiryContext['withdrawal'] {
  const published = caseContext.duties.publishedAt !== null && caseContext.duties.publicationWithdrawnAt === null;
  return { required: published, withdrawnAt: null, withdrawnOn: null, by: null };
}

/**
 * The `publicationWithdrawal` clock on the case, reminded and escalated like any other, or null when none is
 * owed. It counts from `decidedOn`, the date of the 复议/诉讼 decision that changed or revoked the decision.
 */
export function withdrawalDeadlineStatement(
  caseId: string,
  obligation: InquiryContext['withdrawal'],
  policy: Policy,
  at: string,
  calendar: WorkingCalendar,
  decidedOn: string,
): SqlStatement | null {
  if (!obligation.required) return null;
  const period = policy.deadlines.publicationWithdrawal;
  const clock = { kind: 'publicationWithdrawal' as const, caseId, at, from: decidedOn, policyKey: 'publicationWithdrawal', period };
  return insertDeadline(newClock(clock, { calendar, policy, newId: randomUUID }));
}

/**
 * Closes the case's open `publicationWithdrawal` clock when the clerk records the withdrawal (met or late by
 * its date), and takes the decision off the public page.
 */
export function closeWithdrawalDeadlineStatements(caseId: string, at: string, withdrawnOn: string): SqlStatement[] {
  return [closeWithdrawalStatement(caseId, at, withdrawnOn), withdrawPublicationStatement(caseId, withdrawnOn, at)];
}
