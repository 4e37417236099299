// The dates the calendar answers for and the day arithmetic under it: dates are `YYYY-MM-DD`, days are UTC day
// numbers (days since 1970-01-01). Invariant: nothing here reads the clock or the process time zone.

/** First date the calendar answers for: the founding of the People's Republic. */
export const FIRST_DATE = '1949-10-01';
/** Last date the calendar answers for: chinese-days' lunar and solar-term data end in 2100. */
export const LAST_DATE = '2100-12-31';
/** Longest span `count-working-days` accepts, in calendar days (about ten years). */
export const MAX_SPAN_DAYS = 3700;
/** Largest |days| `add-working-days` accepts (a year of working days is far beyond any statutory period). */
export const MAX_WORKING_DAYS = 366;

const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The UTC day number of `YYYY-MM-DD`, or null when it is not a real calendar date. */
export function parseDay(date: string): number | null {
  const match = typeof date === 'string' ? DATE_PATTERN.exec(date) : null;
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const at = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  at.setUTCFullYear(y, m - 1, d);
  const real = at.getUTCFullYear() === y && at.getUTCMonth() === m - 1 && at.getUTCDate() === d;
  return real ? at.getTime() / DAY_MS : null;
}

/** The UTC day number of `YYYY-MM-DD`; throws a TypeError for anything that is not a real calendar date. */
export function toDay(date: string): number {
  const day = parseDay(date);
  if (day === null) throw new TypeError(`calendar: expected a date as YYYY-MM-DD, got ${JSON.stringify(date)}`);
  return day;
}

/** `YYYY-MM-DD` of a UTC day number inside the calendar's range. */
export function toDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The UTC day number of 1 January of `year`. */
export function firstDayOfYear(year: number): number {
  return Date.UTC(year, 0, 1) / DAY_MS;
}

/** Day of the week, 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Whether `day` is a Saturday or a Sunday. */
export function isWeekend(day: number): boolean {
  const weekday = weekdayOf(day);
  return weekday === 0 || weekday === 6;
}

/** UTC day numbers of {@link FIRST_DATE} and {@link LAST_DATE}. */
export const FIRST_DAY = toDay(FIRST_DATE);
export const LAST_DAY = toDay(LAST_DATE);
export const FIRST_YEAR = Number(FIRST_DATE.slice(0, 4));
export const LAST_YEAR = Number(LAST_DATE.slice(0, 4));

/** Whether `date` is a real date inside the calendar's range. */
export function isCalendarDate(date: string): boolean {
  const day = parseDay(date);
  return day !== null && day >= FIRST_DAY && day <= LAST_DAY;
}

/**
 * A date, or the answer to a question, lies outside {@link FIRST_DATE}…{@link LAST_DATE}. Thrown by the pure
 * calendar; the API checks its inputs first and turns the rest (an answer past the range) into a 400 problem.
 */
export class CalendarRangeError extends RangeError {
  constructor(what: string) {
    super(`calendar: ${what} is outside ${FIRST_DATE}…${LAST_DATE}`);
    this.name = 'CalendarRangeError';
  }
}
