// The calendar's range (1949-10-01…2100-12-31) and its prefix-sum arithmetic: nothing is answered outside the
// range, answers at its edges are exact, and long spans agree with a plain day-by-day count.
import { describe, expect, it } from 'vitest';
import { loadChineseDaysYears } from '../../../server/calendar/calendar-data.js';
import { CalendarRangeError } from '../../../server/calendar/calendar-range.js';
import { createCalendar } from '../../../server/calendar/working-days.js';
import { naiveCalendar } from './naive-calendar.js';

const years = loadChineseDaysYears();
const calendar = createCalendar({ years });
const naive = naiveCalendar(years);

describe('the range', () => {
  it.each([
    ['a date before 1949-10-01', () => calendar.isWorkingDay('1949-09-30')],
    ['a date after 2100-12-31', () => calendar.addWorkingDays('2101-01-01', 1)],
    ['year 0', () => calendar.countWorkingDays('0000-01-01', '2026-01-01')],
    ['an answer before the first day', () => calendar.addWorkingDays('1949-10-01', -1)],
    ['an answer after the last day', () => calendar.addWorkingDays('2100-12-31', 1)],
    ['a calendar period ending after the last day', () => calendar.addCalendarDays('2100-12-25', 10)],
    ['a huge count', () => calendar.addWorkingDays('2026-03-02', 1_000_000)],
  ])('refuses %s with CalendarRangeError', (_, ask) => {
    expect(ask).toThrow(CalendarRangeError);
  });

  it('answers at both edges', () => {
    // 1949-10-01, a Saturday and 国庆, lies in a year without a loaded notice: its answer is computed, so provisional.
    expect(calendar.isWorkingDay('1949-10-01')).toEqual({ working: false, provisional: true });
    expect(calendar.addWorkingDays('1949-10-01', 1)).toEqual(naive.add('1949-10-01', 1));
    expect(calendar.addWorkingDays('2100-12-31', -1)).toEqual(naive.add('2100-12-31', -1));
    expect(calendar.addWorkingDays('2100-12-30', 1)).toEqual({ date: '2100-12-31', provisional: true });
  });

  it('still rejects malformed dates as before', () => {
    expect(() => calendar.isWorkingDay('2026-02-30')).toThrow(TypeError);
  });
});

describe('prefix sums agree with a day-by-day count', () => {
  it.each([
    ['2016-01-01', '2026-02-17', 'published years only'],
    ['2020-06-01', '2030-06-09', 'published into computed years'],
    ['1949-10-01', '1959-10-09', 'the first ten years'],
    ['2090-12-23', '2100-12-31', 'the last ten years'],
    ['2030-06-09', '2020-06-01', 'backwards'],
  ])('counts %s to %s (%s)', (from, to) => {
    expect(calendar.countWorkingDays(from, to)).toEqual(naive.count(from, to));
  });

  it('counts the whole range at once', () => {
    expect(calendar.countWorkingDays('1949-10-01', '2100-12-31')).toEqual(naive.count('1949-10-01', '2100-12-31'));
  });

  it('adds working days from a spread of dates, both ways, with regional overrides', () => {
    const overrides = [
      { date: '2027-02-11', working: false },
      { date: '2027-02-13', working: true },
    ];
    const withOverrides = createCalendar({ years, overrides });
    const reference = naiveCalendar(years, overrides);
    for (let i = 0; i < 400; i += 1) {
      const from = new Date(Date.UTC(1950, 0, 1) + ((i * 7919) % 54_000) * 86_400_000).toISOString().slice(0, 10);
      const n = ((i * 37) % 121) - 60;
      expect(withOverrides.addWorkingDays(from, n), `${from} ${n}`).toEqual(reference.add(from, n));
    }
    expect(withOverrides.addWorkingDays('2027-02-10', 2)).toEqual({ date: '2027-02-13', provisional: true });
  });
});
