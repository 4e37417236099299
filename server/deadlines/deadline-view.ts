// What a deadline looks like in the API: the stored clock plus its status today. Also the case-view
// decorator that embeds a case's deadlines in every case response.
import type { DeadlineRow } from '../../db/deadlines/deadline-store.js';
import type { CaseView } from '../cases/case-view.js';
import type { Services } from '../services.js';
import { chinaDate, displayStatus } from './deadline-rules.js';
import { deadlineRuntime } from './deadline-runtime.js';

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

/** The deadlines of one case as of `services.now()`, soonest due first. */
export async function caseDeadlines(services: Services, caseId: string): Promise<DeadlineView[]> {
  return toDeadlineViews(await deadlineRuntime(services).store.byCase(caseId), chinaDate(services.now()));
}

/** Case-view decorator: adds `deadlines` to the view (registered through the module's service options). */
export function withDeadlines(view: CaseView, services: Services): CaseView | Promise<CaseView> {
  const today = chinaDate(services.now());
  const decorate = (rows: DeadlineRow[]) => ({ ...view, deadlines: toDeadlineViews(rows, today) }) as CaseView;
  const rows = deadlineRuntime(services).cache.forView(view.id, view.version);
  // The answer to an event is decorated without an await (see deadline-hook.ts); views read the database.
  return rows instanceof Promise ? rows.then(decorate) : decorate(rows);
}
