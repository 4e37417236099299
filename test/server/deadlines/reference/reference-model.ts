// Frozen copy of the deadline computation as it was before the allocation work (commit 54183a1): the oracle
// the regression test compares the optimised code with. The rules (clock states, policy, calendar) are the real
// ones, imported; only how they are computed is copied, and never edited.
// How one accepted transition changes a case's clocks, computed purely on the rows from the states before
// and after it: start, pause, resume, close, record a notice. The deadline service persists the difference.
import type { CaseContext } from '../../../../machines/case/case.context.js';
import type { DeadlineRow } from '../../../../db/deadlines/deadline-store.js';
import type { WorkingCalendar } from '../../../../server/calendar/working-days.js';
import type { Deadline, Policy } from '../../../../server/policy/policy.schema.js';
import type { AcceptedChange } from '../../../../server/cases/case-stream.js';
import type { DeadlineKind, DeadlineOutcome } from '../../../../server/deadlines/deadline-rules.js';
import { chinaDate, clockDates, elapsed, shift } from './reference-rules.js';
import { caseClockOrder, clockFrom, endsWithAnswer, isAdministrativeTrackOver } from '../../../../server/deadlines/deadline-clocks.js';
import { clockPhase } from './reference-clocks.js';
import { legalDateOf } from '../../../../machines/case/legal-dates.js';

/** What a transition needs besides the rows. */
export interface ModelContext {
  calendar: WorkingCalendar;
  policy: Policy;
  newId: () => string;
}

/** The 查封扣押 clocks: their rows follow the coercion case (server/coercion/coercion-deadlines.ts), never a penalty transition. */
type CoercionClockKind = 'coercionPeriod' | 'coercionFiling';

/** The policy entries of the transfer clocks (named after the law's steps, not the clocks). */
const transferPolicyKeys = {
  transferApproval: 'criminalTransferDecision',
  transferSend: 'criminalTransferSend',
  transferReconsideration: 'criminalTransferReconsideration',
  policeFiling: 'criminalTransferPoliceFiling',
  policeReconsideration: 'criminalTransferPoliceReconsideration',
  transferHandover: 'criminalTransferHandover',
} as const;

/** The policy entry a new clock of `kind` counts from; publication depends on the decision (DOMAIN §3). */
function policyEntry(policy: Policy, kind: DeadlineKind, context: CaseContext): { key: string; period: Deadline } {
  const transfer = transferPolicyKeys[kind as keyof typeof transferPolicyKeys];
  if (transfer) return { key: transfer, period: policy.deadlines[transfer] };
  if (kind !== 'publication')
    return {
      key: kind,
      period: policy.deadlines[kind as Exclude<DeadlineKind, keyof typeof transferPolicyKeys | 'publication' | CoercionClockKind>],
    };
  const key = context.decision?.outcome === 'penalty' ? 'penalty' : 'other';
  return { key: `publication.${key}`, period: policy.deadlines.publication[key] };
}

/** What a new clock is: which kind, for which case, from when, counted under which policy entry. */
export interface ClockStart {
  kind: DeadlineKind;
  caseId: string;
  /** The instant the clock is started (recorded as `startedAt`). */
  at: string;
  /**
   * The legal date the period counts from, when it is not the day of `at` (交通 art 17: not counted). A
   * period already over on that date is simply over: its due date is in the past.
   */
  from?: string | null;
  policyKey: string;
  period: Deadline;
}

/** A new running clock, its dates counted on the one calendar: every clock, case or not, starts here. */
export function newClock(clock: ClockStart, ctx: ModelContext): DeadlineRow {
  const startDate = clock.from ?? chinaDate(clock.at);
  const spec = { kind: clock.kind, days: clock.period.days, unit: clock.period.unit, startDate, segmentStart: startDate, usedDays: 0 };
  return {
    ...spec,
    ...clockDates(ctx.calendar, spec, ctx.policy),
    id: ctx.newId(),
    caseId: clock.caseId,
    policyKey: clock.policyKey,
    basis: clock.period.basis,
    policyVersion: ctx.policy.version,
    startedAt: clock.at,
    state: 'running',
    pausedSince: null,
    pausedDays: 0,
    notice: 'none',
    closedAt: null,
    closedBy: null,
    outcome: null,
    createdAt: clock.at,
  };
}

function start(change: AcceptedChange, kind: DeadlineKind, ctx: ModelContext): DeadlineRow {
  const { key, period } = policyEntry(ctx.policy, kind, change.after.context as CaseContext);
  return newClock({ kind, caseId: change.caseId, at: change.at, from: clockFrom(kind, change.after), policyKey: key, period }, ctx);
}

/**
 * Closed on or before the due date is met, after it late, judged by the legal date of the closing event (the
 * 送达回证's date, not when it was typed in); a lapse and an ended case say so instead.
 */
function close(row: DeadlineRow, change: AcceptedChange): DeadlineRow {
  const met = legalDateOf(change.event) <= row.dueDate ? 'met' : 'late';
  // The case ended (撤销立案), or went to the police, while the clock ran: the duty ended with it.
  const ended: DeadlineOutcome | null = isAdministrativeTrackOver(change.after) && !endsWithAnswer(row.kind) ? 'cancelled' : null;
  const outcome = ended ?? (change.event.type === 'rights.lapse' ? 'lapsed' : met);
  return { ...row, state: 'closed', closedAt: change.at, closedBy: change.event.type, outcome, pausedSince: null };
}

/** A running clock stops counting: the days used so far are kept (补充材料 time is not counted). */
function pause(row: DeadlineRow, change: AcceptedChange, ctx: ModelContext): DeadlineRow {
  const today = chinaDate(change.at);
  const usedDays = row.usedDays + elapsed(ctx.calendar, row.unit, row.segmentStart, today);
  return { ...row, state: 'paused', pausedSince: today, usedDays };
}

/** A paused clock runs again with the days left; a new segment gets new reminders. */
function resume(row: DeadlineRow, change: AcceptedChange, ctx: ModelContext): DeadlineRow {
  const today = chinaDate(change.at);
  const pausedDays = row.pausedDays + elapsed(ctx.calendar, row.unit, row.pausedSince ?? today, today);
  const dates = clockDates(ctx.calendar, { ...row, segmentStart: today }, ctx.policy, row.dueDate);
  return { ...row, ...dates, state: 'running', pausedSince: null, segmentStart: today, pausedDays, notice: 'none' };
}

/** A running, never paused clock whose legal start date changed (a corrected receipt, a new notice) counts again from it. */
function redate(row: DeadlineRow, from: string, ctx: ModelContext): DeadlineRow {
  const spec = { ...row, startDate: from, segmentStart: from, usedDays: 0 };
  return { ...spec, ...clockDates(ctx.calendar, spec, ctx.policy), notice: 'none' };
}

/**
 * The decision clock once a head granted the one extension (交通 art 78): the period grows by the policy's
 * `decisionExtension`, counted in its own unit from the clock's start, and new reminders follow the new due date.
 * Derived from the context (an extension on `after` but not `before`), like every clock from its state.
 */
function extendIfGranted(row: DeadlineRow, change: AcceptedChange, ctx: ModelContext): DeadlineRow {
  const granted = (change.after.context as CaseContext).decisionExtension ?? null;
  const before = (change.before?.context as CaseContext | undefined)?.decisionExtension ?? null;
  if (row.kind !== 'decision' || granted === null || before !== null) return row;
  const ext = ctx.policy.deadlines.decisionExtension;
  const policyKey = `${row.policyKey}+decisionExtension`;
  if (ext.unit === row.unit) {
    const extended = { ...row, days: row.days + ext.days };
    return {
      ...extended,
      ...clockDates(ctx.calendar, extended, ctx.policy),
      policyKey,
      basis: `${row.basis}; ${ext.basis}`,
      notice: 'none',
    };
  }
  const due = shift(ctx.calendar, row.dueDate, ext, 1);
  const dates = clockDates(ctx.calendar, { ...row, days: 0, usedDays: 0, segmentStart: due.date }, ctx.policy, due.date);
  return { ...row, ...dates, policyKey, basis: `${row.basis}; ${ext.basis}`, notice: 'none' };
}

/** The next row of clock `kind` (its open row, if any) for the phase the case is in after `change`. */
function follow(kind: DeadlineKind, open: DeadlineRow | undefined, change: AcceptedChange, ctx: ModelContext): DeadlineRow[] {
  if (open) open = extendIfGranted(open, change, ctx);
  const phase = clockPhase(kind, change.after);
  if (!open) {
    if (phase === 'off') return [];
    const started = start(change, kind, ctx);
    return [phase === 'paused' ? pause(started, change, ctx) : started];
  }
  if (phase === 'off') return [close(open, change)];
  const from = clockFrom(kind, change.after);
  if (phase === 'running' && open.state === 'running' && open.pausedDays === 0 && from !== null && from !== open.startDate) {
    return [redate(open, from, ctx)];
  }
  if (phase === 'paused' && open.state === 'running') return [pause(open, change, ctx)];
  if (phase === 'running' && open.state === 'paused') return [resume(open, change, ctx)];
  return [open];
}

/**
 * The clocks of one case after `change`, `rows` untouched: each case clock follows the state it measures
 * (deadline-clocks.ts): started on entering it, paused and resumed in its pause states, closed on leaving
 * it. A scheduler's notice annotates its clock. Other clocks (the publication withdrawal) pass through.
 */
export function nextDeadlines(rows: DeadlineRow[], change: AcceptedChange, ctx: ModelContext): DeadlineRow[] {
  const isOpen = (row: DeadlineRow) => row.state !== 'closed';
  const tracked = new Set(caseClockOrder);
  const followed = new Map<DeadlineKind, DeadlineRow[]>(
    caseClockOrder.map((kind) => [
      kind,
      follow(
        kind,
        rows.find((r) => r.kind === kind && isOpen(r)),
        change,
        ctx,
      ),
    ]),
  );
  const kept = rows.filter((row) => !(tracked.has(row.kind) && isOpen(row)));
  let out = [...kept, ...caseClockOrder.flatMap((kind) => followed.get(kind)!)];
  // Withdrawing the publication on the case discharges the withdrawal duty an overturned decision started.
  if (change.event.type === 'publication.withdraw') {
    out = out.map((row) => (row.kind === 'publicationWithdrawal' && isOpen(row) ? close(row, change) : row));
  }
  if (change.event.type === 'deadline.notify') {
    const { deadlineId, status } = change.event;
    out = out.map((row) => (row.id === deadlineId && row.state === 'running' ? { ...row, notice: status } : row));
  }
  return out;
}
