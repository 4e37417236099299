// The 查封、扣押 clocks as durable rows of `deadlines`, derived from the case's context before and after one
// accepted event: the art 25 period from 实施 (its due date moved by the one extension) and the 备案 of a major
// decision. Pure; the coercion stream commits the rows with the event, so the scheduler sweeps and reminds them.
// Invariant: each clock's due date is the one the context (and the view's clock) holds; each kind starts once.
import type { CoercionContext } from '../../machines/coercion/coercion.context.js';
import type { CoercionEvent } from '../../machines/coercion/coercion.events.js';
import type { DeadlineRow } from '../../db/deadlines/deadline-store.js';
import type { DeadlineKind, DeadlineOutcome } from '../../db/deadlines/deadline-values.js';
import type { WorkingCalendar } from '../calendar/working-days.js';
import type { Policy } from '../policy/policy.schema.js';
import { clockDates } from '../deadlines/deadline-rules.js';
import { newClock } from '../deadlines/deadline-model.js';
import { periodEndOf } from '../../machines/coercion/coercion.rules.js';

/** One accepted coercion event as the clocks see it. */
export interface CoercionChange {
  caseId: string;
  event: CoercionEvent;
  before: CoercionContext | null;
  after: CoercionContext;
  /** The machine finished (closed or withdrawn). */
  done: boolean;
  at: string;
}

export interface CoercionClockContext {
  calendar: WorkingCalendar;
  policy: Policy;
  newId: () => string;
}

/** Reminder dates for a clock due on `dueDate` (the context's date, never counted again here). */
function datesDueOn(row: DeadlineRow, dueDate: string, ctx: CoercionClockContext) {
  return clockDates(ctx.calendar, { ...row, days: 0, usedDays: 0, segmentStart: dueDate }, ctx.policy, dueDate);
}

function closeRow(row: DeadlineRow, change: CoercionChange, outcome: DeadlineOutcome): DeadlineRow {
  return { ...row, state: 'closed', closedAt: change.at, closedBy: change.event.type, outcome, pausedSince: null };
}

/** The period clock: started on 实施, its due date moved by the extension, closed by the conclusion. */
function period(row: DeadlineRow | undefined, change: CoercionChange, ctx: CoercionClockContext): DeadlineRow | null {
  const p = change.after.period;
  if (!p) return row ?? null;
  if (!row) {
    const unit = ctx.policy.coercion.periodUnit;
    const started = newClock(
      {
        kind: 'coercionPeriod',
        caseId: change.caseId,
        at: change.at,
        from: p.implementedOn,
        policyKey: 'coercion.periodUnit',
        period: { days: p.days, unit: unit.unit, basis: '行政强制法 art 25' },
      },
      ctx,
    );
    row = { ...started, ...datesDueOn(started, p.endsOn, ctx) };
  }
  if (row.state === 'closed') return row;
  const dueOn = periodEndOf(change.after)!;
  if (p.extension && row.dueDate !== dueOn) {
    row = {
      ...row,
      days: p.days + p.extension.days,
      ...datesDueOn(row, dueOn, ctx),
      basis: '行政强制法 art 25 ¶1–2 (延长)',
      notice: 'none',
    };
  }
  const c = change.after.conclusion;
  if (c) return closeRow(row, change, c.withinPeriod ? 'met' : 'late');
  return change.done ? closeRow(row, change, 'cancelled') : row;
}

/** The 备案 clock of a major decision: started by the decision, closed by the filing. */
function filing(row: DeadlineRow | undefined, change: CoercionChange, ctx: CoercionClockContext): DeadlineRow | null {
  const { decision, duties } = change.after;
  if (!decision || !duties.filingRequired) return row ?? null;
  row ??= newClock(
    {
      kind: 'coercionFiling',
      caseId: change.caseId,
      at: change.at,
      from: decision.decidedOn,
      policyKey: 'coercion.filing',
      period: ctx.policy.coercion.filing,
    },
    ctx,
  );
  if (row.state === 'closed') return row;
  if (duties.filedOn) return closeRow(row, change, duties.filedOn <= row.dueDate ? 'met' : 'late');
  return change.done ? closeRow(row, change, 'cancelled') : row;
}

const clocks: Record<'coercionPeriod' | 'coercionFiling', typeof period> = { coercionPeriod: period, coercionFiling: filing };

/** The case's clock rows after `change`, `rows` untouched; a scheduler's notice annotates its clock. */
export function nextCoercionDeadlines(rows: DeadlineRow[], change: CoercionChange, ctx: CoercionClockContext): DeadlineRow[] {
  const kinds = Object.keys(clocks) as (keyof typeof clocks)[];
  const others = rows.filter((r) => !kinds.includes(r.kind as keyof typeof clocks));
  const followed = kinds.flatMap((kind: DeadlineKind & keyof typeof clocks) => {
    const next = clocks[kind](
      rows.find((r) => r.kind === kind),
      change,
      ctx,
    );
    return next ? [next] : [];
  });
  const out = [...others, ...followed];
  const { event } = change;
  if (event.type !== 'deadline.notify') return out;
  return out.map((row) => (row.id === event.deadlineId && row.state === 'running' ? { ...row, notice: event.status } : row));
}
