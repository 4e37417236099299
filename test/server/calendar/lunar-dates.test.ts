// Lunar festival and 清明 dates computed from chinese-days' month-length data, checked against the package's own
// lunar conversion and solar-term functions (run in China's zone, where they are right), and shown to be the
// same whatever the process time zone.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { toDate } from '../../../server/calendar/calendar-range.js';
import { lunarDay, lunarNewYearsEve, qingming, springFestival } from '../../../server/calendar/lunar-dates.js';

type ChineseDays = typeof import('chinese-days')['default'];
let savedTz: string | undefined;
let chineseDays: ChineseDays;

/** Sets the process zone and loads a fresh copy of chinese-days (it keeps tables built in the zone of its load). */
async function inZone(zone: string): Promise<ChineseDays> {
  process.env.TZ = zone;
  vi.resetModules();
  return (await import('chinese-days')).default;
}

beforeEach(async () => {
  savedTz = process.env.TZ;
  chineseDays = await inZone('Asia/Shanghai');
});
afterEach(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
  vi.resetModules();
});

const years = Array.from({ length: 2100 - 1949 + 1 }, (_, i) => 1949 + i);
const lunarOf = (day: number) => {
  const l = chineseDays.getLunarDate(toDate(day));
  return { month: l.lunarMon, day: l.lunarDay, leap: l.isLeap };
};

describe('2027, the first year without a notice', () => {
  it.each([
    ['除夕', () => lunarNewYearsEve(2027), '2027-02-05'],
    ['春节', () => springFestival(2027), '2027-02-06'],
    ['清明', () => qingming(2027), '2027-04-05'],
    ['端午', () => lunarDay(2027, 5, 5), '2027-06-09'],
    ['中秋', () => lunarDay(2027, 8, 15), '2027-09-15'],
  ])('%s falls on %s', (_, compute, expected) => {
    expect(toDate(compute())).toBe(expected);
  });

  it('agrees with the package: 正月初一, the day before it in the twelfth month, 五月初五, 八月十五, the solar term', () => {
    expect(lunarOf(springFestival(2027))).toEqual({ month: 1, day: 1, leap: false });
    expect(lunarOf(lunarNewYearsEve(2027))).toMatchObject({ month: 12, leap: false });
    expect(lunarOf(lunarDay(2027, 5, 5))).toEqual({ month: 5, day: 5, leap: false });
    expect(lunarOf(lunarDay(2027, 8, 15))).toEqual({ month: 8, day: 15, leap: false });
    expect(chineseDays.getSolarTermDate(2027, 4, 'pure_brightness')).toBe(toDate(qingming(2027)));
  });
});

describe('every year of the range against chinese-days', () => {
  it('puts 春节, 除夕, 端午 and 中秋 on the lunar days the package gives them', () => {
    const wrong = years.filter((year) => {
      const eve = lunarOf(lunarNewYearsEve(year));
      const next = lunarOf(lunarNewYearsEve(year) + 1);
      return (
        next.month !== 1 ||
        next.day !== 1 ||
        eve.month !== 12 ||
        JSON.stringify(lunarOf(lunarDay(year, 5, 5))) !== JSON.stringify({ month: 5, day: 5, leap: false }) ||
        JSON.stringify(lunarOf(lunarDay(year, 8, 15))) !== JSON.stringify({ month: 8, day: 15, leap: false })
      );
    });
    expect(wrong).toEqual([]);
  });

  it('puts 清明 on the date of the package solar term', () => {
    const wrong = years.filter((year) => chineseDays.getSolarTermDate(year, 4, 'pure_brightness') !== toDate(qingming(year)));
    expect(wrong).toEqual([]);
  });

  it('keeps a festival in the ordinary month when the year has a leap month of that number (2009: 闰五月)', () => {
    expect(chineseDays.getYearLeapMonth(2009).leapMonth).toBe(5);
    expect(lunarOf(lunarDay(2009, 5, 5))).toEqual({ month: 5, day: 5, leap: false });
  });
});

describe('time-zone independence', () => {
  it('computes the same dates in New York, Shanghai and Kiritimati', async () => {
    const run = async (zone: string) => {
      await inZone(zone);
      const lunar = await import('../../../server/calendar/lunar-dates.js');
      return years.map((y) => [lunar.lunarNewYearsEve(y), lunar.qingming(y), lunar.lunarDay(y, 5, 5), lunar.lunarDay(y, 8, 15)]);
    };
    const shanghai = await run('Asia/Shanghai');
    expect(await run('America/New_York')).toEqual(shanghai);
    expect(await run('Pacific/Kiritimati')).toEqual(shanghai);
  });
});
