// Frozen copy of the deadline computation as it was before the allocation work (commit 54183a1): the oracle
// the regression test compares the optimised code with. The rules (clock states, policy, calendar) are the real
// ones, imported; only how they are computed is copied, and never edited.
import type { WorkingCalendar } from '../../../../server/calendar/working-days.js';
import type { Deadline, Policy } from '../../../../server/policy/policy.schema.js';
import { partyWindows, type ClockDates, type ClockSpec } from '../../../../server/deadlines/deadline-rules.js';

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The date in China (UTC+8, no daylight saving) of an ISO instant. */
export function chinaDate(at: string | Date): string {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
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
  const due =
    left <= 0 && previousDue !== undefined
      ? { date: previousDue, provisional: calendar.isWorkingDay(previousDue).provisional }
      : periodEnd(calendar, spec.segmentStart, { days: Math.max(left, 0), unit: spec.unit, basis: '' });
  if (partyWindows.has(spec.kind)) return { dueDate: due.date, warnDate: null, escalateDate: null, provisional: due.provisional };
  const warn = shift(calendar, due.date, policy.deadlines.warnBefore, -1);
  const escalate = shift(calendar, due.date, policy.deadlines.escalateAfter, 1);
  return { dueDate: due.date, warnDate: warn.date, escalateDate: escalate.date, provisional: due.provisional || escalate.provisional };
}
