// What a deadline looks like in the API: the stored clock plus its status today.
import type { DeadlineRow } from '../../db/deadlines/deadline-store.js';
import { displayStatus } from './deadline-rules.js';

/** The API shape of one deadline. */
export function toDeadlineView(row: DeadlineRow, today: string) {
  return {
    id: row.id,
    caseId: row.caseId,
    kind: row.kind,
    status: displayStatus(row, today),
    dueDate: row.dueDate,
    provisional: row.provisional,
    startDate: row.startDate,
    period: { days: row.days, unit: row.unit, policyKey: row.policyKey, policyVersion: row.policyVersion, basis: row.basis },
    warnDate: row.warnDate,
    escalateDate: row.escalateDate,
    notice: row.notice,
    state: row.state,
    usedDays: row.usedDays,
    pausedSince: row.pausedSince,
    pausedDays: row.pausedDays,
    closedAt: row.closedAt,
    closedBy: row.closedBy,
    outcome: row.outcome,
  };
}
export type DeadlineView = ReturnType<typeof toDeadlineView>;

/** Rows soonest due first (then oldest, then by id), the same order whether cached or read. */
const byDue = (a: DeadlineRow, b: DeadlineRow): number =>
  a.dueDate.localeCompare(b.dueDate) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/** Views of `rows` as of `today`, soonest due first. */
export function toDeadlineViews(rows: DeadlineRow[], today: string): DeadlineView[] {
  return [...rows].sort(byDue).map((row) => toDeadlineView(row, today));
}
