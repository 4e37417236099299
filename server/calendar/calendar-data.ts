// Builds per-year working-day tables from the `chinese-days` package's bundled JSON (State Council schedules).
// Invariant: dates stay `YYYY-MM-DD` strings, grouped by their own calendar year; no timezone is ever involved.
import { createRequire } from 'node:module';
import { z } from 'zod';

/** One published year of the national schedule, with where it came from. */
export type CalendarYear = {
  year: number;
  /** Data set the table was built from, e.g. `chinese-days`. */
  source: string;
  /** Version of that data set, so a stored deadline can say which schedule it used. */
  version: string;
  /** Rest days (休) of the holiday periods: statutory days, 调休 rest weekdays and the weekends inside. Sorted. */
  holidays: string[];
  /** 补班: weekend days that are worked. Sorted. */
  workdays: string[];
};

/** State Council General Office holiday notices (DOMAIN §4.1) for the years whose address was verified. */
export const stateCouncilNotices: Readonly<Record<number, string>> = {
  2024: 'https://www.gov.cn/zhengce/zhengceku/202310/content_6911528.htm',
  2025: 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm',
  2026: 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm',
};

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
// The package's JSON maps each special date to "English name,中文名,statutory days"; only the keys matter here.
const ChineseDaysJsonSchema = z.object({
  holidays: z.record(IsoDate, z.string()),
  workdays: z.record(IsoDate, z.string()),
  inLieuDays: z.record(IsoDate, z.string()),
});
const PackageJsonSchema = z.object({ version: z.string().min(1) });

const require = createRequire(import.meta.url);

/**
 * Reads `chinese-days/dist/chinese-days.json` and returns one table per year it covers, oldest first.
 * `inLieuDays` (调休 rest weekdays) are already a subset of `holidays` in the data set; they are merged
 * anyway so that a future data layout that separates them cannot silently turn rest days into working days.
 */
export function loadChineseDaysYears(): CalendarYear[] {
  const data = ChineseDaysJsonSchema.parse(require('chinese-days/dist/chinese-days.json'));
  const { version } = PackageJsonSchema.parse(require('chinese-days/package.json'));
  const rest = new Set([...Object.keys(data.holidays), ...Object.keys(data.inLieuDays)]);
  const worked = Object.keys(data.workdays);
  const byYear = new Map<number, CalendarYear>();
  const entry = (date: string): CalendarYear => {
    const year = Number(date.slice(0, 4));
    let table = byYear.get(year);
    if (!table) {
      table = { year, source: 'chinese-days', version, holidays: [], workdays: [] };
      byYear.set(year, table);
    }
    return table;
  };
  for (const date of rest) entry(date).holidays.push(date);
  for (const date of worked) entry(date).workdays.push(date);
  return [...byYear.values()]
    .sort((a, b) => a.year - b.year)
    .map((t) => ({ ...t, holidays: t.holidays.sort(), workdays: t.workdays.sort() }));
}
