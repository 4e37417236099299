// Working-day arithmetic for statutory periods over published year tables plus regional overrides (DOMAIN §4),
// answered from prefix sums over the whole range, so no question costs more than a binary search.
// Invariant: any answer that relied on a year without a published schedule is flagged `provisional`.
import type { CalendarOverride } from '../../db/calendar/calendar-store.js';
import type { CalendarYear } from './calendar-data.js';
import { CalendarRangeError, FIRST_DAY, FIRST_YEAR, LAST_YEAR, firstDayOfYear, toDate, toDay } from './calendar-range.js';
import { DayTable, RANGE_DAYS, indexOf, weekdayMarks, type DayMarks } from './day-table.js';
import { holidaysOf } from './statutory-holidays.js';

// Reading of 工作日 (DOMAIN §4.1, interpretation point): a working day is an official working day,
// i.e. Mon–Fri, plus 补班 weekend days, minus every rest day of a holiday period, including 调休 rest
// weekdays such as 2026-01-02. 行政处罚法 art 85 only names 法定节假日, but offices are closed on 调休
// days, so a party cannot act on them; counting them would shorten a party's period against the law's intent.

/** Whether a date is worked, and whether that answer rests on an unpublished year's guess. */
export type DayStatus = { working: boolean; provisional: boolean };

/** An admin decision about one date; a `region` limits it to calendars built for that region. */
export type { CalendarOverride };

/** Options for {@link createCalendar}. */
export type CalendarOptions = { years: CalendarYear[]; overrides?: CalendarOverride[]; region?: string };

/**
 * Working-day calendar; all dates are `YYYY-MM-DD` between 1949-10-01 and 2100-12-31. A date outside that
 * range, or an answer that would fall outside it, throws {@link CalendarRangeError}.
 */
export interface WorkingCalendar {
  /** Whether `date` is a working day. */
  isWorkingDay(date: string): DayStatus;
  /** The n-th working day after `from` (the triggering day is not counted); n < 0 counts backwards. */
  addWorkingDays(from: string, n: number): { date: string; provisional: boolean };
  /** Working days in (from, to]; negative when `to` is before `from`, so overdue periods count down. */
  countWorkingDays(from: string, to: string): { days: number; provisional: boolean };
  /** End of an n-calendar-day period from `from`; a non-working last day moves to the next working day. */
  addCalendarDays(from: string, n: number): { date: string; provisional: boolean };
}

function checkCount(n: number, allowNegative: boolean): void {
  if (!Number.isSafeInteger(n) || (!allowNegative && n < 0)) {
    throw new TypeError(`calendar: expected ${allowNegative ? 'an' : 'a non-negative'} integer count, got ${n}`);
  }
}

/** Indexes year tables by year (special days by UTC day number), rejecting tables that would make answers ambiguous. */
function indexYears(years: CalendarYear[]): Map<number, Map<number, boolean>> {
  const index = new Map<number, Map<number, boolean>>();
  for (const table of years) {
    if (index.has(table.year)) throw new Error(`calendar: year ${table.year} is given twice`);
    const days = new Map<number, boolean>();
    const add = (date: string, working: boolean): void => {
      const day = toDay(date);
      if (Number(date.slice(0, 4)) !== table.year) throw new Error(`calendar: ${date} listed in year ${table.year}`);
      if (days.has(day)) throw new Error(`calendar: ${date} is listed twice in year ${table.year}`);
      days.set(day, working);
    };
    for (const date of table.holidays) add(date, false);
    for (const date of table.workdays) add(date, true);
    index.set(table.year, days);
  }
  return index;
}

/** Keeps the overrides that apply to `region`; a region-specific entry beats a global one for the same date. */
function indexOverrides(overrides: CalendarOverride[], region: string | undefined): Map<number, boolean> {
  const global = new Map<number, boolean>();
  const regional = new Map<number, boolean>();
  for (const o of overrides) {
    const day = toDay(o.date);
    if (o.region !== undefined && o.region !== region) continue;
    const target = o.region === undefined ? global : regional;
    if (target.has(day) && target.get(day) !== o.working) {
      throw new Error(`calendar: conflicting overrides for ${o.date}${o.region ? ` in ${o.region}` : ''}`);
    }
    target.set(day, o.working);
  }
  return new Map([...global, ...regional]);
}

/**
 * Marks every day of the range. Precedence for a date: an override (regional, then global), then the published
 * year table, then the weekday rule; a year missing from `years` rests on its computed statutory holidays and
 * art 6 make-up days (statutory-holidays.ts) and is provisional. Special days outside the range are ignored:
 * they cannot change an answer inside it.
 */
function markDays(years: Map<number, Map<number, boolean>>, overrides: Map<number, boolean>): DayMarks {
  const marks = weekdayMarks();
  const set = (day: number, working: boolean, provisional?: boolean) => {
    const i = indexOf(day);
    if (i < 0) return;
    marks.working[i] = working ? 1 : 0;
    if (provisional !== undefined) marks.provisional[i] = provisional ? 1 : 0;
  };
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year += 1) {
    const table = years.get(year);
    if (table) {
      for (const [day, working] of table) set(day, working);
      continue;
    }
    const [start, end] = [
      Math.max(firstDayOfYear(year), FIRST_DAY) - FIRST_DAY,
      Math.min(firstDayOfYear(year + 1), FIRST_DAY + RANGE_DAYS) - FIRST_DAY,
    ];
    marks.provisional.fill(1, start, end);
    const computed = holidaysOf(year);
    for (const date of [...computed.statutory, ...computed.makeUp]) set(toDay(date), false);
  }
  for (const [day, working] of overrides) set(day, working, false);
  return marks;
}

/**
 * Builds a calendar. An overridden date is not provisional: an admin has decided it. Throws on malformed
 * tables or overrides (programmer or configuration errors). The day table is built on the first question.
 */
export function createCalendar(options: CalendarOptions): WorkingCalendar {
  const years = indexYears(options.years);
  const overrides = indexOverrides(options.overrides ?? [], options.region);
  let built: DayTable | undefined;
  const table = () => (built ??= new DayTable(markDays(years, overrides)));
  const at = (date: string): number => {
    const i = indexOf(toDay(date));
    if (i < 0) throw new CalendarRangeError(date);
    return i;
  };
  const answer = (i: number, provisional: boolean) => ({ date: toDate(FIRST_DAY + i), provisional });

  return {
    isWorkingDay: (date) => {
      const i = at(date);
      return { working: table().isWorking(i), provisional: table().anyProvisional(i, i) };
    },
    addWorkingDays: (from, n) => {
      checkCount(n, true);
      const i = at(from);
      if (n === 0) return answer(i, false);
      const j = table().nthWorking(i, n);
      // Provisional when any day stepped over (after `from`, up to the answer) is a guess.
      return answer(j, n > 0 ? table().anyProvisional(i + 1, j) : table().anyProvisional(j, i - 1));
    },
    countWorkingDays: (from, to) => {
      const [a, b] = [at(from), at(to)];
      const [low, high, sign] = a <= b ? [a, b, 1] : [b, a, -1];
      // `|| 0` avoids returning -0 for an empty backwards range.
      return { days: sign * table().countAfter(low, high) || 0, provisional: table().anyProvisional(low + 1, high) };
    },
    addCalendarDays: (from, n) => {
      checkCount(n, false);
      const end = at(from) + n;
      if (end >= RANGE_DAYS) throw new CalendarRangeError(`${from} plus ${n} days`);
      const j = table().workingFrom(end);
      return answer(j, table().anyProvisional(end, j));
    },
  };
}
