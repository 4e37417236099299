// Pure deadline arithmetic: when a clock is due, when it warns and escalates, what a closing means, and
// what a row shows on a given day. No I/O and no clock: "today" is always passed in as a China date.
import type { WorkingCalendar } from '../calendar/working-days.js';
import type { Deadline, Policy } from '../policy/policy.schema.js';

import { noticeLevels, type DeadlineKind, type DeadlineOutcome, type NoticeLevel } from '../../db/deadlines/deadline-values.js';

// The stored values (kinds, notice levels, outcomes) are defined beside the table that keeps them.
export {
  deadlineKinds,
  noticeLevels,
  type DeadlineKind,
  type DeadlineOutcome,
  type NoticeLevel,
} from '../../db/deadlines/deadline-values.js';

/**
 * Party windows (the 听证 request period) are the party's time, not the agency's: they raise no
 * reminders or escalation; when one passes unused the scheduler records that the rights lapsed.
 */
export const partyWindows: ReadonlySet<DeadlineKind> = new Set(['hearingRequest']);

/** What is needed to (re)compute a clock's dates. */
export interface ClockSpec {
  kind: DeadlineKind;
  days: number;
  unit: Deadline['unit'];
  /** First day of the whole period and of the current running segment (differs after a pause). */
  startDate: string;
  segmentStart: string;
  /** Days (in `unit`) already used before the current segment. */
  usedDays: number;
}

/** The computed dates of a clock. */
export interface ClockDates {
  dueDate: string;
  warnDate: string | null;
  escalateDate: string | null;
  provisional: boolean;
}

const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
/** The last China day asked for and its date: events arrive day after day, so most calls ask the same day. */
let lastDay = Number.NaN;
let lastDate = '';

/** The date in China (UTC+8, no daylight saving) of an ISO instant. */
export function chinaDate(at: string | Date): string {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  const day = Math.floor((ms + CHINA_OFFSET_MS) / DAY_MS);
  // An invalid instant gives NaN, never equal to lastDay: it throws below as it always did.
  if (day !== lastDay) {
    lastDate = new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
    lastDay = day;
  }
  return lastDate;
}

/** Moves `date` by `n` plain days (for reminder windows counted in calendar days). */
function shiftDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** `date` moved by a policy period, forwards or backwards; working periods skip rest days. */
export function shift(calendar: WorkingCalendar, date: string, period: Deadline, sign: 1 | -1): { date: string; provisional: boolean } {
  if (period.unit === 'working') return calendar.addWorkingDays(date, sign * period.days);
  return { date: shiftDays(date, sign * period.days), provisional: false };
}

/**
 * The last day of a period of `period` counted from legal date `from` (交通 art 17: `from` itself not counted;
 * working periods count working days; a calendar period ending on a rest day moves to the next working day).
 */
export function periodEnd(calendar: WorkingCalendar, from: string, period: Deadline): { date: string; provisional: boolean } {
  if (period.unit === 'natural') return { date: shiftDays(from, period.days), provisional: false };
  return period.unit === 'working' ? calendar.addWorkingDays(from, period.days) : calendar.addCalendarDays(from, period.days);
}

/** Days of `unit` in (from, to]: what a running segment used, or how long a pause lasted. */
export function elapsed(calendar: WorkingCalendar, unit: Deadline['unit'], from: string, to: string): number {
  if (unit === 'working') return calendar.countWorkingDays(from, to).days;
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The due date (the last day still in time) under DOMAIN §4.1: the trigger day is not counted; working
 * periods count working days; calendar periods ending on a rest day move to the next working day.
 * A segment after a pause counts only the days left; when none are left the earlier due date stands.
 */
export function clockDates(calendar: WorkingCalendar, spec: ClockSpec, policy: Policy, previousDue?: string): ClockDates {
  const left = spec.days - spec.usedDays;
  const kept = left <= 0 && previousDue !== undefined;
  // The dates depend on nothing else (the kind only through `partyWindows`): many clocks start the same day.
  const key = `${partyWindows.has(spec.kind) ? 'p' : 'a'}${spec.unit}${kept ? `=${previousDue}` : `${Math.max(left, 0)}:${spec.segmentStart}`}`;
  const memo = memoFor(calendar, policy);
  let dates = memo.get(key);
  if (!dates) {
    dates = Object.freeze(computeClockDates(calendar, spec, policy, previousDue));
    if (memo.size >= MAX_MEMO) memo.clear();
    memo.set(key, dates);
  }
  return dates;
}

/** Dates already counted, for one calendar and policy at a time (a new calendar version starts afresh); bounded. */
let memoKey: { calendar: WorkingCalendar; policy: Policy } | null = null;
let memo = new Map<string, ClockDates>();
const MAX_MEMO = 4096;

function memoFor(calendar: WorkingCalendar, policy: Policy): Map<string, ClockDates> {
  if (memoKey?.calendar !== calendar || memoKey.policy !== policy) {
    memoKey = { calendar, policy };
    memo = new Map();
  }
  return memo;
}

function computeClockDates(calendar: WorkingCalendar, spec: ClockSpec, policy: Policy, previousDue?: string): ClockDates {
  const left = spec.days - spec.usedDays;
  const due =
    left <= 0 && previousDue !== undefined
      ? { date: previousDue, provisional: calendar.isWorkingDay(previousDue).provisional }
      : periodEnd(calendar, spec.segmentStart, { days: Math.max(left, 0), unit: spec.unit, basis: '' });
  if (partyWindows.has(spec.kind)) return { dueDate: due.date, warnDate: null, escalateDate: null, provisional: due.provisional };
  const warn = shift(calendar, due.date, policy.deadlines.warnBefore, -1);
  const escalate = shift(calendar, due.date, policy.deadlines.escalateAfter, 1);
  return { dueDate: due.date, warnDate: warn.date, escalateDate: escalate.date, provisional: due.provisional || escalate.provisional };
}

/** The notice a running clock calls for on `today` (none for party windows or before the reminder window). */
export function noticeDue(row: { dueDate: string; warnDate: string | null; escalateDate: string | null }, today: string): NoticeLevel {
  if (row.escalateDate !== null && today >= row.escalateDate) return 'escalated';
  if (row.warnDate === null) return 'none';
  if (today > row.dueDate) return 'overdue';
  return today >= row.warnDate ? 'warning' : 'none';
}

/** Whether `level` is more severe than `than`. */
export const isMoreSevere = (level: NoticeLevel, than: NoticeLevel): boolean => noticeLevels.indexOf(level) > noticeLevels.indexOf(than);

/** What a deadline shows on `today`: its outcome when closed, else paused, overdue, due-soon or running. */
export function displayStatus(
  row: { state: string; outcome: DeadlineOutcome | null; dueDate: string; warnDate: string | null },
  today: string,
): 'running' | 'due-soon' | 'overdue' | 'paused' | DeadlineOutcome {
  if (row.state === 'closed') return row.outcome ?? 'met';
  if (row.state === 'paused') return 'paused';
  if (today > row.dueDate) return 'overdue';
  return row.warnDate !== null && today >= row.warnDate ? 'due-soon' : 'running';
}
