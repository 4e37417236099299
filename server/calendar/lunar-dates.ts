// Gregorian dates of lunar days and of 清明, as UTC day numbers, for 1900–2100. Lunar month lengths come from
// chinese-days' data functions (`monthDays`, `getYearLeapMonth`), which touch no Date; its date-returning
// functions are not used at run time because they read local time (wrong by a day west of UTC).
// Invariant: the answers never depend on the process time zone.
import chineseDays from 'chinese-days';

/** 1900-01-31 (UTC day number) was 正月初一 of lunar year 1900, the start of chinese-days' lunar table. */
const DAY_MS = 86_400_000;
const LUNAR_EPOCH_DAY = Date.UTC(1900, 0, 31) / DAY_MS;
const FIRST_LUNAR_YEAR = 1900;
const LAST_LUNAR_YEAR = 2100;

/** Days in lunar year `year`: twelve months of 29 or 30 days plus the leap month, if any. */
function lunarYearLength(year: number): number {
  let days = chineseDays.getYearLeapMonth(year).days;
  for (let month = 1; month <= 12; month += 1) days += chineseDays.monthDays(year, month);
  return days;
}

let newYearDays: number[] | undefined;

/** UTC day number of 正月初一 of every lunar year 1900–2101, computed once from the package's month lengths. */
function newYearTable(): number[] {
  if (!newYearDays) {
    const table = [LUNAR_EPOCH_DAY];
    for (let year = FIRST_LUNAR_YEAR; year <= LAST_LUNAR_YEAR; year += 1) table.push(table.at(-1)! + lunarYearLength(year));
    newYearDays = table;
  }
  return newYearDays;
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_LUNAR_YEAR || year > LAST_LUNAR_YEAR) {
    throw new RangeError(`lunar calendar: no data for ${year} (chinese-days covers ${FIRST_LUNAR_YEAR}–${LAST_LUNAR_YEAR})`);
  }
}

/** UTC day number of 春节 (正月初一) of lunar year `year`, which always falls in Gregorian `year`. */
export function springFestival(year: number): number {
  checkYear(year);
  return newYearTable()[year - FIRST_LUNAR_YEAR]!;
}

/**
 * UTC day number of day `day` of the ordinary (non-leap) lunar month `month` of lunar year `year`. A leap month
 * follows the ordinary month of the same number, so it only shifts months after it; a festival in a year with a
 * leap month of its number is kept in the first month (the reading of the 2007 放假办法 notes: 如遇闰月，以第一个月为休假日).
 */
export function lunarDay(year: number, month: number, day: number): number {
  let offset = day - 1;
  for (let m = 1; m < month; m += 1) offset += chineseDays.monthDays(year, m);
  const leap = chineseDays.getYearLeapMonth(year);
  if (leap.leapMonth !== undefined && leap.leapMonth < month) offset += leap.days;
  return springFestival(year) + offset;
}

/** UTC day number of 除夕, the last day of the lunar year that ends in Gregorian `year`. */
export function lunarNewYearsEve(year: number): number {
  return springFestival(year) - 1;
}

// 清明 by the 寿星 formula that chinese-days' getSolarTermDate uses for 'pure_brightness':
// April floor(Y·0.2422 + C) − floor(Y/4), Y = year mod 100, C = 5.59 (1901–1999) or 4.81 (2000–2100); the package
// lists no correction for 清明 in 1900–2100. Computed here because that function formats the date in local time.
// test/server/calendar/lunar-dates.test.ts checks every year against the package run in China's zone.
const QINGMING_C = { twentieth: 5.59, twentyFirst: 4.81 };

/** UTC day number of 清明 (the solar term pure brightness) in `year`. */
export function qingming(year: number): number {
  checkYear(year);
  const y = year % 100;
  const c = year >= 2000 ? QINGMING_C.twentyFirst : QINGMING_C.twentieth;
  const dayOfApril = Math.floor(y * 0.2422 + c) - Math.floor(y / 4);
  return Date.UTC(year, 3, dayOfApril) / DAY_MS;
}
