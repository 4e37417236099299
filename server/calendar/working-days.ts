// Working-day arithmetic for statutory periods over published year tables plus regional overrides (DOMAIN §4).
// Invariant: any answer that relied on a year without a published schedule is flagged `provisional`.
import type { CalendarOverride } from '../../db/calendar/calendar-store.js';
import type { CalendarYear } from './calendar-data.js';

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

/** Working-day calendar; all dates are `YYYY-MM-DD`. */
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

const DAY_MS = 86_400_000;
// Fixed-date statutory holidays (《全国年节及纪念日放假办法》 2024 art 2) used for years without a notice.
// Lunar holidays and 调休 cannot be predicted, hence the provisional flag.
const FIXED_HOLIDAYS = new Set(['01-01', '05-01', '05-02', '10-01', '10-02', '10-03']);
// Longest run of rest days any schedule can produce is far below this; hitting it means corrupt overrides.
const MAX_REST_RUN = 366;

/** Parses `YYYY-MM-DD` to a UTC day number; throws on anything that is not a real calendar date. */
function toDay(date: string): number {
  const match = typeof date === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  if (match) {
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const ms = Date.UTC(y, m - 1, d);
    const back = new Date(ms);
    if (back.getUTCFullYear() === y && back.getUTCMonth() === m - 1 && back.getUTCDate() === d) return ms / DAY_MS;
  }
  throw new TypeError(`calendar: expected a date as YYYY-MM-DD, got ${JSON.stringify(date)}`);
}

function toDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function checkCount(n: number, allowNegative: boolean): void {
  if (!Number.isSafeInteger(n) || (!allowNegative && n < 0)) {
    throw new TypeError(`calendar: expected ${allowNegative ? 'an' : 'a non-negative'} integer count, got ${n}`);
  }
}

/** Indexes year tables by year, rejecting tables that would make answers ambiguous. */
function indexYears(years: CalendarYear[]): Map<number, Map<string, boolean>> {
  const index = new Map<number, Map<string, boolean>>();
  for (const table of years) {
    if (index.has(table.year)) throw new Error(`calendar: year ${table.year} is given twice`);
    const days = new Map<string, boolean>();
    const add = (date: string, working: boolean): void => {
      toDay(date);
      if (Number(date.slice(0, 4)) !== table.year) throw new Error(`calendar: ${date} listed in year ${table.year}`);
      if (days.has(date)) throw new Error(`calendar: ${date} is listed twice in year ${table.year}`);
      days.set(date, working);
    };
    for (const date of table.holidays) add(date, false);
    for (const date of table.workdays) add(date, true);
    index.set(table.year, days);
  }
  return index;
}

/** Keeps the overrides that apply to `region`; a region-specific entry beats a global one for the same date. */
function indexOverrides(overrides: CalendarOverride[], region: string | undefined): Map<string, boolean> {
  const global = new Map<string, boolean>();
  const regional = new Map<string, boolean>();
  for (const o of overrides) {
    toDay(o.date);
    if (o.region !== undefined && o.region !== region) continue;
    const target = o.region === undefined ? global : regional;
    if (target.has(o.date) && target.get(o.date) !== o.working) {
      throw new Error(`calendar: conflicting overrides for ${o.date}${o.region ? ` in ${o.region}` : ''}`);
    }
    target.set(o.date, o.working);
  }
  return new Map([...global, ...regional]);
}

/**
 * Builds a calendar. Precedence for a date: an override (regional, then global), then the published
 * year table, then the weekday rule; years missing from `years` use Mon–Fri minus fixed-date statutory
 * holidays and are provisional. An overridden date is not provisional: an admin has decided it.
 * Throws on malformed tables or overrides (programmer or configuration errors).
 */
export function createCalendar(options: CalendarOptions): WorkingCalendar {
  const years = indexYears(options.years);
  const overrides = indexOverrides(options.overrides ?? [], options.region);

  const statusOfDay = (day: number): DayStatus => {
    const date = toDate(day);
    const override = overrides.get(date);
    if (override !== undefined) return { working: override, provisional: false };
    const weekday = new Date(day * DAY_MS).getUTCDay();
    const isWeekend = weekday === 0 || weekday === 6;
    const table = years.get(Number(date.slice(0, 4)));
    if (table) return { working: table.get(date) ?? !isWeekend, provisional: false };
    return { working: !isWeekend && !FIXED_HOLIDAYS.has(date.slice(5)), provisional: true };
  };

  /** Steps from `start` in direction `step` until a working day; returns it and whether any day seen was provisional. */
  const nextWorking = (start: number, step: 1 | -1): { day: number; provisional: boolean } => {
    let provisional = false;
    for (let day = start, seen = 0; seen < MAX_REST_RUN; day += step, seen += 1) {
      const status = statusOfDay(day);
      provisional ||= status.provisional;
      if (status.working) return { day, provisional };
    }
    throw new Error(`calendar: no working day within ${MAX_REST_RUN} days of ${toDate(start)}`);
  };

  const addWorkingDays = (from: string, n: number): { date: string; provisional: boolean } => {
    checkCount(n, true);
    const step = n < 0 ? -1 : 1;
    let day = toDay(from);
    let provisional = false;
    for (let left = Math.abs(n); left > 0; left -= 1) {
      const found = nextWorking(day + step, step);
      day = found.day;
      provisional ||= found.provisional;
    }
    return { date: toDate(day), provisional };
  };

  const countWorkingDays = (from: string, to: string): { days: number; provisional: boolean } => {
    const [a, b] = [toDay(from), toDay(to)];
    const [low, high, sign] = a <= b ? [a, b, 1] : [b, a, -1];
    let days = 0;
    let provisional = false;
    for (let day = low + 1; day <= high; day += 1) {
      const status = statusOfDay(day);
      provisional ||= status.provisional;
      if (status.working) days += 1;
    }
    // `|| 0` avoids returning -0 for an empty backwards range.
    return { days: sign * days || 0, provisional };
  };

  const addCalendarDays = (from: string, n: number): { date: string; provisional: boolean } => {
    checkCount(n, false);
    const found = nextWorking(toDay(from) + n, 1);
    return { date: toDate(found.day), provisional: found.provisional };
  };

  return {
    isWorkingDay: (date) => statusOfDay(toDay(date)),
    addWorkingDays,
    countWorkingDays,
    addCalendarDays,
  };
}
