// Working-day calendar against the official 2026 schedule (国办发明电〔2025〕7号, 2025-11-04).
// Expected dates were worked out by hand from that notice, not by the code under test.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { loadChineseDaysYears } from '../../../server/calendar/calendar-data.js';
import { createCalendar } from '../../../server/calendar/working-days.js';

const years = loadChineseDaysYears();
const calendar = createCalendar({ years });

/** Every date from `from` to `to` inclusive, by plain UTC stepping. */
function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

describe('2026 data set matches the State Council notice', () => {
  const official = {
    holidays: [
      ...datesBetween('2026-01-01', '2026-01-03'),
      ...datesBetween('2026-02-15', '2026-02-23'),
      ...datesBetween('2026-04-04', '2026-04-06'),
      ...datesBetween('2026-05-01', '2026-05-05'),
      ...datesBetween('2026-06-19', '2026-06-21'),
      ...datesBetween('2026-09-25', '2026-09-27'),
      ...datesBetween('2026-10-01', '2026-10-07'),
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  };

  it('lists exactly the official rest days and 补班 days for 2026', () => {
    const y2026 = years.find((y) => y.year === 2026);
    expect(y2026?.holidays).toEqual(official.holidays);
    expect(y2026?.workdays).toEqual(official.workdays);
  });

  it('covers 2004 through 2026 with source and version', () => {
    const { version } = createRequire(import.meta.url)('chinese-days/package.json') as { version: string };
    expect(years.map((y) => y.year)).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    expect(new Set(years.map((y) => `${y.source}@${y.version}`))).toEqual(new Set([`chinese-days@${version}`]));
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2026-01-02', false, 'Friday, 调休 rest day of 元旦'],
    ['2026-01-04', true, 'Sunday, 补班 for 元旦'],
    ['2026-02-14', true, 'Saturday, 补班 before 春节'],
    ['2026-02-23', false, 'Monday, last day of 春节'],
    ['2026-02-28', true, 'Saturday, 补班 after 春节'],
    ['2026-03-07', false, 'ordinary Saturday'],
    ['2026-04-06', false, 'Monday of 清明'],
    ['2026-05-05', false, 'Tuesday, 调休 rest day of 劳动节'],
    ['2026-05-09', true, 'Saturday, 补班 for 劳动节'],
    ['2026-06-19', false, '端午'],
    ['2026-09-20', true, 'Sunday, 补班 for 国庆'],
    ['2026-09-25', false, '中秋'],
    ['2026-10-07', false, 'last day of 国庆'],
    ['2026-10-08', true, 'first working day after 国庆'],
    ['2026-10-10', true, 'Saturday, 补班 after 国庆'],
  ])('%s is working=%s (%s)', (date, working) => {
    expect(calendar.isWorkingDay(date)).toEqual({ working, provisional: false });
  });

  it('agrees with chinese-days isWorkday for every date of 2024-2026', async () => {
    // chinese-days builds its runtime tables and reads dates with local-time getters, which shifts every
    // date by one day west of UTC; so its API is loaded and asked in China's zone. Our path is UTC-only.
    const savedTz = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      const { default: chineseDays } = await import('chinese-days');
      const disagreements = datesBetween('2024-01-01', '2026-12-31').filter(
        (date) => calendar.isWorkingDay(date).working !== chineseDays.isWorkday(date),
      );
      expect(disagreements).toEqual([]);
    } finally {
      if (savedTz === undefined) delete process.env.TZ;
      else process.env.TZ = savedTz;
    }
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2026-02-12', 1, '2026-02-13'],
    ['2026-02-12', 2, '2026-02-14'], // 补班 Saturday counts
    ['2026-02-12', 3, '2026-02-24'], // 2026-02-15..23 skipped
    ['2026-02-12', 7, '2026-02-28'],
    ['2026-02-12', 8, '2026-03-02'],
    ['2026-09-30', 1, '2026-10-08'], // trigger day excluded, 国庆 skipped
    ['2026-09-30', 3, '2026-10-10'],
    ['2026-09-30', 5, '2026-10-13'],
    ['2026-09-18', 1, '2026-09-20'], // 补班 Sunday
    ['2026-09-24', 5, '2026-10-09'], // across 中秋 and 国庆
    ['2026-10-12', -7, '2026-09-24'], // backwards, e.g. latest hearing-notice date
    ['2026-03-04', 0, '2026-03-04'],
  ])('from %s plus %i working days is %s', (from, n, date) => {
    expect(calendar.addWorkingDays(from, n)).toEqual({ date, provisional: false });
  });
});

describe('countWorkingDays', () => {
  it.each([
    ['2026-09-30', '2026-10-13', 5],
    ['2026-02-13', '2026-02-23', 1], // only the 补班 Saturday 2026-02-14
    ['2025-12-31', '2026-12-31', 248], // all of 2026: 261 weekdays - 19 weekday rest days + 6 补班
    ['2026-10-13', '2026-09-30', -5],
    ['2026-10-01', '2026-10-07', 0],
    ['2026-10-07', '2026-10-01', 0],
  ])('from %s to %s is %i', (from, to, days) => {
    expect(calendar.countWorkingDays(from, to)).toEqual({ days, provisional: false });
  });
});

describe('addCalendarDays', () => {
  it.each([
    ['2026-07-03', 90, '2026-10-08', 'decision limit ends on 国庆 2026-10-01'],
    ['2026-09-16', 15, '2026-10-08', 'payment period ends on 2026-10-01'],
    ['2026-03-01', 14, '2026-03-16', 'ends on Sunday 2026-03-15'],
    ['2026-09-25', 15, '2026-10-10', 'ends on a 补班 Saturday, which stands'],
    ['2026-06-01', 15, '2026-06-16', 'ends on an ordinary Tuesday'],
  ])('%s plus %i days is %s (%s)', (from, n, date) => {
    expect(calendar.addCalendarDays(from, n)).toEqual({ date, provisional: false });
  });
});

describe('overrides', () => {
  const overrides = [
    { date: '2026-05-27', working: false, region: 'qinghai', note: 'regional minority holiday (example)' },
    { date: '2026-03-06', working: false, note: 'global closure (example)' },
    { date: '2026-03-06', working: true, region: 'qinghai' },
  ];

  it('applies a regional holiday only to calendars of that region', () => {
    const qinghai = createCalendar({ years, overrides, region: 'qinghai' });
    expect(qinghai.isWorkingDay('2026-05-27')).toEqual({ working: false, provisional: false });
    expect(qinghai.addWorkingDays('2026-05-26', 1)).toEqual({ date: '2026-05-28', provisional: false });
    expect(createCalendar({ years, overrides }).isWorkingDay('2026-05-27').working).toBe(true);
    expect(createCalendar({ years, overrides, region: 'ningxia' }).isWorkingDay('2026-05-27').working).toBe(true);
  });

  it('lets a regional override beat a global one for the same date', () => {
    expect(createCalendar({ years, overrides }).isWorkingDay('2026-03-06').working).toBe(false);
    expect(createCalendar({ years, overrides, region: 'qinghai' }).isWorkingDay('2026-03-06').working).toBe(true);
  });

  it('wins over published year data', () => {
    const cal = createCalendar({ years, overrides: [{ date: '2026-10-10', working: false }] });
    expect(cal.addWorkingDays('2026-09-30', 3)).toEqual({ date: '2026-10-12', provisional: false });
  });

  it('makes an overridden date in an unpublished year definitive', () => {
    const cal = createCalendar({ years, overrides: [{ date: '2027-01-01', working: true }] });
    expect(cal.isWorkingDay('2027-01-01')).toEqual({ working: true, provisional: false });
  });
});

describe('unpublished years are provisional', () => {
  it('crosses into 2027 skipping the fixed 元旦 holiday', () => {
    // 12-29, 12-30, 12-31, then 2027-01-01 (Fri, 元旦) and the weekend, then 01-04, 01-05.
    expect(calendar.addWorkingDays('2026-12-28', 5)).toEqual({ date: '2027-01-05', provisional: true });
  });

  it('stays definitive while the computation stays inside 2026', () => {
    expect(calendar.addWorkingDays('2026-12-28', 3)).toEqual({ date: '2026-12-31', provisional: false });
    expect(calendar.addCalendarDays('2026-12-01', 30)).toEqual({ date: '2026-12-31', provisional: false });
  });

  it.each([
    ['2027-01-01', false, 'Friday, 元旦'],
    ['2027-02-05', false, 'Friday, 除夕'],
    ['2027-02-08', false, 'Monday, 初三'],
    ['2027-02-10', false, 'Wednesday, second weekday off for 初一 and 初二 on the weekend (art 6)'],
    ['2027-02-11', true, 'Thursday after 春节'],
    ['2027-05-03', false, 'Monday, off for 5-1 on Saturday (art 6)'],
    ['2027-05-04', false, 'Tuesday, off for 5-2 on Sunday (art 6)'],
    ['2027-05-05', true, 'Wednesday'],
    ['2027-10-01', false, 'Friday, 国庆'],
    ['2027-10-05', false, 'Tuesday, off for 10-3 on Sunday (art 6)'],
    ['2027-10-06', true, 'Wednesday after 国庆'],
  ])('falls back to computed statutory holidays: %s working=%s (%s)', (date, working) => {
    expect(calendar.isWorkingDay(date)).toEqual({ working, provisional: true });
  });

  it('flags counts and calendar periods that reach 2027', () => {
    expect(calendar.countWorkingDays('2026-12-30', '2027-01-04')).toEqual({ days: 2, provisional: true });
    expect(calendar.addCalendarDays('2026-12-02', 30)).toEqual({ date: '2027-01-04', provisional: true });
  });
});

describe('input validation', () => {
  it.each(['2026-02-30', '2026-2-3', '20260203', '', 'not a date'])('rejects the date %j', (bad) => {
    expect(() => calendar.isWorkingDay(bad)).toThrow(/YYYY-MM-DD/);
    expect(() => calendar.addWorkingDays(bad, 1)).toThrow(/YYYY-MM-DD/);
  });

  it('rejects non-integer and negative calendar counts', () => {
    expect(() => calendar.addWorkingDays('2026-03-02', 1.5)).toThrow(/integer/);
    expect(() => calendar.addCalendarDays('2026-03-02', -1)).toThrow(/non-negative/);
  });

  it('rejects malformed year tables and overrides', () => {
    const y = { year: 2026, source: 't', version: '0', holidays: [], workdays: [] };
    expect(() => createCalendar({ years: [y, y] })).toThrow(/twice/);
    expect(() => createCalendar({ years: [{ ...y, holidays: ['2025-10-01'] }] })).toThrow(/listed in year 2026/);
    expect(() => createCalendar({ years: [{ ...y, holidays: ['2026-10-01'], workdays: ['2026-10-01'] }] })).toThrow(/twice/);
    expect(() => createCalendar({ years, overrides: [{ date: '2026-13-01', working: true }] })).toThrow(/YYYY-MM-DD/);
    const clash = [
      { date: '2026-03-06', working: true },
      { date: '2026-03-06', working: false },
    ];
    expect(() => createCalendar({ years, overrides: clash })).toThrow(/conflicting/);
  });
});
