// The statutory holidays (全体公民放假的节日) of a year from 《全国年节及纪念日放假办法》, for years without a State
// Council notice: the version of art 2 in force that year, plus art 6's weekday off for a holiday on a weekend.
// Invariant: pure and time-zone free; the result is a guess about a future notice, so callers mark it provisional.
import { FIRST_YEAR, LAST_YEAR, firstDayOfYear, isWeekend, toDate } from './calendar-range.js';
import { lunarDay, lunarNewYearsEve, qingming, springFestival } from './lunar-dates.js';

/** One version of art 2, applied from 1 January of `fromYear` (the first full year it governed). */
interface HolidayRule {
  fromYear: number;
  basis: string;
  /** 春节: whether the rest starts on 除夕 (else on 初一), and how many days. */
  spring: { fromEve: boolean; days: number };
  /** 劳动节: days from 5-1. */
  labour: number;
  /** 国庆: days from 10-1. */
  national: number;
  /** 清明, 端午 and 中秋 (one day each, since the 2007 revision). */
  traditional: boolean;
}

// Newest first. The 2024 text: https://www.gov.cn/zhengce/content/202411/content_6986380.htm (DOMAIN §4.1, §6.1).
// Earlier versions are kept so that a computed year before 2025 follows the law of its time: under the 2013 text
// 春节 began on 初一, so 除夕 2024-02-09 was a working day, and 劳动节 was 5-1 only.
const RULES: readonly HolidayRule[] = [
  { fromYear: 2025, basis: '2024-11-10 revision', spring: { fromEve: true, days: 4 }, labour: 2, national: 3, traditional: true },
  { fromYear: 2014, basis: '2013-12-11 revision', spring: { fromEve: false, days: 3 }, labour: 1, national: 3, traditional: true },
  { fromYear: 2008, basis: '2007-12-14 revision', spring: { fromEve: true, days: 3 }, labour: 1, national: 3, traditional: true },
  { fromYear: 2000, basis: '1999-09-18 revision', spring: { fromEve: false, days: 3 }, labour: 3, national: 3, traditional: false },
  { fromYear: FIRST_YEAR, basis: '1949-12-23 text', spring: { fromEve: false, days: 3 }, labour: 1, national: 2, traditional: false },
];

/** A year's computed holidays as `YYYY-MM-DD`, sorted. */
export interface ComputedHolidays {
  year: number;
  /** Which version of the 放假办法 they come from. */
  basis: string;
  /** The statutory days themselves (some may fall on a weekend). */
  statutory: string[];
  /** Weekdays off under art 6 for statutory days on a weekend or on another holiday's day. */
  makeUp: string[];
}

const run = (first: number, days: number): number[] => Array.from({ length: days }, (_, i) => first + i);

/** Every statutory day of `year` as UTC day numbers, sorted; a day two holidays share appears twice. */
function statutoryDays(year: number, rule: HolidayRule): number[] {
  const newYear = firstDayOfYear(year);
  const springStart = rule.spring.fromEve ? lunarNewYearsEve(year) : springFestival(year);
  return [
    newYear,
    ...run(springStart, rule.spring.days),
    ...(rule.traditional ? [qingming(year), lunarDay(year, 5, 5), lunarDay(year, 8, 15)] : []),
    ...run(Date.UTC(year, 4, 1) / 86_400_000, rule.labour),
    ...run(Date.UTC(year, 9, 1) / 86_400_000, rule.national),
  ].sort((a, b) => a - b);
}

/**
 * Art 6 (全体公民放假的假日，如果适逢星期六、星期日，应当在工作日补假), read as follows. Taken in date order, each
 * statutory day that falls on a Saturday or Sunday, and each statutory day that another holiday already occupies
 * (中秋 on 10-1, as in 2020), gives one weekday off: the first weekday after it that is neither a statutory day nor
 * already given. So 2027's 春节 (除夕 Fri 02-05 … 初三 Mon 02-08) rests Fri 02-05 to Wed 02-10, and a
 * coinciding 中秋 adds a day after 国庆. The State Council's 调休 (swapped weekends) cannot be foreseen.
 */
function makeUpDays(days: number[]): number[] {
  const off = new Set(days.filter((day) => !isWeekend(day)));
  const seen = new Set<number>();
  const given: number[] = [];
  for (const day of days) {
    const owed = isWeekend(day) || seen.has(day);
    seen.add(day);
    if (!owed) continue;
    let next = day + 1;
    while (isWeekend(next) || off.has(next)) next += 1;
    off.add(next);
    given.push(next);
  }
  return given.sort((a, b) => a - b);
}

/** The statutory holidays and art 6 make-up days of `year` (1949–2100), computed afresh. */
export function computeHolidays(year: number): ComputedHolidays {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new RangeError(`statutory holidays: ${year} is outside ${FIRST_YEAR}–${LAST_YEAR}`);
  }
  const rule = RULES.find((r) => year >= r.fromYear)!;
  const days = statutoryDays(year, rule);
  return {
    year,
    basis: `《全国年节及纪念日放假办法》 ${rule.basis}`,
    statutory: [...new Set(days)].map(toDate),
    makeUp: makeUpDays(days).map(toDate),
  };
}

const cache = new Map<number, ComputedHolidays>();

/** {@link computeHolidays}, remembered per year (at most the 152 years of the calendar's range). */
export function holidaysOf(year: number): ComputedHolidays {
  let found = cache.get(year);
  if (!found) {
    found = computeHolidays(year);
    cache.set(year, found);
  }
  return found;
}
