// The calendar questions the API asks, as Results: inputs were checked against the range by the route's schema;
// an answer that would leave the range becomes a `date_out_of_range` refusal here, never an invalid date or a 500.
// Invariant: only CalendarRangeError is turned into a refusal; any other throw is a bug and stays one.
import { fail, ok, type Result } from '../shared/result.js';
import { CalendarRangeError, FIRST_DATE, LAST_DATE } from './calendar-range.js';
import type { DayStatus, WorkingCalendar } from './working-days.js';

function withinRange<T>(question: string, compute: () => T): Result<T> {
  try {
    return ok(compute());
  } catch (error) {
    if (!(error instanceof CalendarRangeError)) throw error;
    return fail({
      kind: 'validation',
      code: 'date_out_of_range',
      detail: `The answer to ${question} falls outside the calendar's range ${FIRST_DATE}…${LAST_DATE}.`,
    });
  }
}

/** The `days`-th working day from `from` (see WorkingCalendar.addWorkingDays). */
export function addWorkingDays(calendar: WorkingCalendar, from: string, days: number): Result<{ date: string; provisional: boolean }> {
  return withinRange(`${from} plus ${days} working days`, () => calendar.addWorkingDays(from, days));
}

/** Working days in (from, to]. */
export function countWorkingDays(calendar: WorkingCalendar, from: string, to: string): Result<{ days: number; provisional: boolean }> {
  return withinRange(`the count from ${from} to ${to}`, () => calendar.countWorkingDays(from, to));
}

/** Whether `date` is a working day. */
export function dayStatus(calendar: WorkingCalendar, date: string): Result<DayStatus> {
  return withinRange(date, () => calendar.isWorkingDay(date));
}
