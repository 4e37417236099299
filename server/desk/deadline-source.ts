// Deadline facts for badges and queue order, from whatever the running server offers: the `deadlines`
// a deadline module adds to case views, else the scheduler's notices kept in the case snapshot.
// Invariant: the desk never computes a due date itself; with no data it shows the case's age instead.
import { z } from 'zod';
import type { CaseRow } from '../../db/cases/case-store.js';

/** How urgent one deadline is for the badge. */
export type Urgency = 'overdue' | 'soon' | 'ok' | 'paused';

/** One open deadline as the desk shows it; `dueDate` is a `YYYY-MM-DD` China date when known. */
export interface DeskDeadline {
  kind: string;
  dueDate: string | null;
  urgency: Urgency;
  provisional: boolean;
}

// Loose on purpose: the deadline module owns this shape; the desk reads only what it needs.
const ViewDeadlineSchema = z.object({
  kind: z.string(),
  dueDate: z.string(),
  state: z.string().optional(),
  /** The deadline module's status for today: running, due-soon, overdue, paused, or an outcome once closed. */
  status: z.string().optional(),
  notice: z.string().nullable().optional(),
  warnDate: z.string().nullable().optional(),
  provisional: z.boolean().optional(),
});

function urgencyOf(d: z.infer<typeof ViewDeadlineSchema>, today: string): Urgency {
  if (d.status === 'overdue') return 'overdue';
  if (d.status === 'due-soon') return 'soon';
  if (d.status === 'paused' || d.state === 'paused') return 'paused';
  if (d.status === 'running') return 'ok';
  if (d.notice === 'overdue' || d.notice === 'escalated' || d.dueDate < today) return 'overdue';
  if (d.notice === 'warning' || (d.warnDate && d.warnDate <= today)) return 'soon';
  return 'ok';
}

function fromView(view: object, today: string): DeskDeadline[] | null {
  const raw = (view as { deadlines?: unknown }).deadlines;
  if (!Array.isArray(raw)) return null;
  return raw.flatMap((item) => {
    const d = ViewDeadlineSchema.safeParse(item);
    if (!d.success || d.data.state === 'closed') return [];
    return [{ kind: d.data.kind, dueDate: d.data.dueDate, urgency: urgencyOf(d.data, today), provisional: d.data.provisional ?? false }];
  });
}

function fromAlerts(row: CaseRow | null): DeskDeadline[] {
  const alerts = (row?.snapshot.context.alerts ?? {}) as Record<string, string>;
  return Object.entries(alerts).map(([kind, status]) => ({
    kind,
    dueDate: null,
    urgency: status === 'warning' ? 'soon' : 'overdue',
    provisional: false,
  }));
}

/** The open deadlines of a case: from its view when a deadline module decorates views, else from notices. */
export function deadlinesOf(view: object, row: CaseRow | null, today: string): DeskDeadline[] {
  return fromView(view, today) ?? fromAlerts(row);
}

const rank: Record<Urgency, number> = { overdue: 0, soon: 1, ok: 2, paused: 3 };

/** The most urgent deadline (overdue, then due soon, then the earliest date), or null. */
export function mostUrgent(list: readonly DeskDeadline[]): DeskDeadline | null {
  return [...list].sort(compareDeadlines)[0] ?? null;
}

/** Orders deadlines by urgency, then due date (unknown dates last). */
export function compareDeadlines(a: DeskDeadline | null, b: DeskDeadline | null): number {
  if (!a || !b) return a ? -1 : b ? 1 : 0;
  if (rank[a.urgency] !== rank[b.urgency]) return rank[a.urgency] - rank[b.urgency];
  return (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999');
}

/** Today's date in China as `YYYY-MM-DD`. */
export function chinaToday(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
