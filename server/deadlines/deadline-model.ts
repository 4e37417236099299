// How one accepted transition changes a case's clocks, computed purely on the rows: start, pause, resume,
// close, record a notice. The hook persists the difference; the result is also the case's cached list.
import type { CaseContext } from '../../machines/case/case.context.js';
import type { DeadlineRow } from '../../db/deadlines/deadline-store.js';
import type { WorkingCalendar } from '../calendar/working-days.js';
import type { Deadline, Policy } from '../policy/policy.schema.js';
import type { AcceptedChange } from '../cases/case-stream.js';
import { caseClockKinds, chinaDate, clockDates, elapsed, type DeadlineKind, type DeadlineOutcome } from './deadline-rules.js';

/** What a transition needs besides the rows. */
export interface ModelContext {
  calendar: WorkingCalendar;
  policy: Policy;
  newId: () => string;
}

/** Event types that stop a clock, with the clocks each stops (DOMAIN §1.1). */
const closedBy: Partial<Record<string, DeadlineKind[]>> = {
  'hearing.request': ['hearingRequest'],
  'rights.waive': ['hearingRequest'],
  'rights.lapse': ['hearingRequest'],
  'review.approve': ['review'],
  'review.refer': ['review'],
  'decision.issue': ['decision'],
  'decision.serve': ['service'],
  'publication.publish': ['publication'],
  'filing.submit': ['filing'],
};

/** The policy entry a new clock of `kind` counts from; publication depends on the decision (DOMAIN §3). */
function policyEntry(policy: Policy, kind: DeadlineKind, context: CaseContext): { key: string; period: Deadline } {
  if (kind !== 'publication') return { key: kind, period: policy.deadlines[kind] };
  const key = context.decision?.outcome === 'penalty' ? 'penalty' : 'other';
  return { key: `publication.${key}`, period: policy.deadlines.publication[key] };
}

function start(change: AcceptedChange, kind: DeadlineKind, ctx: ModelContext): DeadlineRow {
  const { key, period } = policyEntry(ctx.policy, kind, change.after.context as CaseContext);
  const startDate = chinaDate(change.at);
  const spec = { kind, days: period.days, unit: period.unit, startDate, segmentStart: startDate, usedDays: 0 };
  return {
    ...spec,
    ...clockDates(ctx.calendar, spec, ctx.policy),
    id: ctx.newId(),
    caseId: change.caseId,
    policyKey: key,
    basis: period.basis,
    policyVersion: ctx.policy.version,
    startedAt: change.at,
    state: 'running',
    pausedSince: null,
    pausedDays: 0,
    notice: 'none',
    closedAt: null,
    closedBy: null,
    outcome: null,
    createdAt: change.at,
  };
}

/** Closed on or before the due date is met, after it late; a lapse and an ended case say so instead. */
function close(row: DeadlineRow, change: AcceptedChange, outcome?: DeadlineOutcome): DeadlineRow {
  const met = chinaDate(change.at) <= row.dueDate ? 'met' : 'late';
  const closing = outcome ?? (change.event.type === 'rights.lapse' ? 'lapsed' : met);
  return { ...row, state: 'closed', closedAt: change.at, closedBy: change.event.type, outcome: closing, pausedSince: null };
}

/** review.return stops the reviewer's clock; review.submit resumes it with the days left (补正 time is not counted). */
function pauseOrResume(row: DeadlineRow, change: AcceptedChange, ctx: ModelContext): DeadlineRow {
  const today = chinaDate(change.at);
  if (row.state === 'running') {
    return {
      ...row,
      state: 'paused',
      pausedSince: today,
      usedDays: row.usedDays + elapsed(ctx.calendar, row.unit, row.segmentStart, today),
    };
  }
  const pausedDays = row.pausedDays + elapsed(ctx.calendar, row.unit, row.pausedSince ?? today, today);
  const dates = clockDates(ctx.calendar, { ...row, segmentStart: today }, ctx.policy, row.dueDate);
  // A new segment gets new reminders: the notice level starts again.
  return { ...row, ...dates, state: 'running', pausedSince: null, segmentStart: today, pausedDays, notice: 'none' };
}

/** The clocks of one case after `change`. `rows` are not modified. */
export function nextDeadlines(rows: DeadlineRow[], change: AcceptedChange, ctx: ModelContext): DeadlineRow[] {
  const type = change.event.type;
  const open = (row: DeadlineRow) => row.state !== 'closed';
  const closing = new Set(closedBy[type] ?? []);
  let out = rows.map((row) => (open(row) && closing.has(row.kind) ? close(row, change) : row));
  const kinds: DeadlineKind[] = [];
  if (change.before === null) kinds.push('decision');
  if (type === 'notice.send') kinds.push('hearingRequest');
  if (type === 'decision.issue') {
    const duties = (change.after.context as CaseContext).duties;
    kinds.push(
      'service',
      ...(duties.publicationRequired ? ['publication' as const] : []),
      ...(duties.filingRequired ? ['filing' as const] : []),
    );
  }
  const paused = out.find((row) => row.kind === 'review' && row.state === 'paused');
  if (type === 'review.submit' && !paused) kinds.push('review');
  if ((type === 'review.submit' && paused) || type === 'review.return') {
    out = out.map((row) => (row.kind === 'review' && open(row) ? pauseOrResume(row, change, ctx) : row));
  }
  if (change.event.type === 'deadline.notify') {
    const { deadlineId, status } = change.event;
    out = out.map((row) => (row.id === deadlineId && row.state === 'running' ? { ...row, notice: status } : row));
  }
  out = [...out, ...kinds.map((kind) => start(change, kind, ctx))];
  // When the case has ended (结案 or 撤销), every case clock still open ends as cancelled.
  const ended = change.after.status === 'done';
  return ended ? out.map((row) => (open(row) && caseClockKinds.has(row.kind) ? close(row, change, 'cancelled') : row)) : out;
}
