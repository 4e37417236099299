// A day-by-day reference calendar for tests: the precedence rules written out plainly (override, published year,
// computed holidays, weekday) and arithmetic by stepping one day at a time, to check the prefix-sum calendar.
import type { CalendarYear } from '../../../server/calendar/calendar-data.js';
import { computeHolidays } from '../../../server/calendar/statutory-holidays.js';

const DAY_MS = 86_400_000;
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** A slow, obviously-correct calendar over the same inputs as createCalendar (one region's overrides). */
export function naiveCalendar(years: CalendarYear[], overrides: { date: string; working: boolean }[] = []) {
  const published = new Map(years.map((y) => [y.year, y]));
  const override = new Map(overrides.map((o) => [o.date, o.working]));
  const status = (date: string) => {
    const weekend = [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
    if (override.has(date)) return { working: override.get(date)!, provisional: false };
    const year = published.get(Number(date.slice(0, 4)));
    if (year) return { working: year.workdays.includes(date) || (!weekend && !year.holidays.includes(date)), provisional: false };
    const computed = computeHolidays(Number(date.slice(0, 4)));
    return { working: !weekend && !computed.statutory.includes(date) && !computed.makeUp.includes(date), provisional: true };
  };
  return {
    status,
    count(from: string, to: string) {
      const [low, high, sign] = dayOf(from) <= dayOf(to) ? [dayOf(from), dayOf(to), 1] : [dayOf(to), dayOf(from), -1];
      let [days, provisional] = [0, false];
      for (let d = low + 1; d <= high; d += 1) {
        const s = status(dateOf(d));
        days += s.working ? 1 : 0;
        provisional ||= s.provisional;
      }
      return { days: sign * days || 0, provisional };
    },
    add(from: string, n: number) {
      const step = n < 0 ? -1 : 1;
      let [day, left, provisional] = [dayOf(from), Math.abs(n), false];
      while (left > 0) {
        day += step;
        const s = status(dateOf(day));
        provisional ||= s.provisional;
        if (s.working) left -= 1;
      }
      return { date: dateOf(day), provisional };
    },
  };
}
