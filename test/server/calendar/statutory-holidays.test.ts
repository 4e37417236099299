// Statutory holidays computed for years without a State Council notice (《全国年节及纪念日放假办法》 art 2 and
// art 6), checked by hand for 2027 and against the published schedules in the chinese-days data set.
import { describe, expect, it } from 'vitest';
import { loadChineseDaysYears } from '../../../server/calendar/calendar-data.js';
import { computeHolidays } from '../../../server/calendar/statutory-holidays.js';

const published = loadChineseDaysYears();
const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

describe('2027 under the 2024 revision', () => {
  const y2027 = computeHolidays(2027);

  it('lists the thirteen statutory days', () => {
    expect(y2027.statutory).toEqual([
      '2027-01-01', // 元旦
      '2027-02-05', // 除夕
      '2027-02-06', // 初一
      '2027-02-07', // 初二
      '2027-02-08', // 初三
      '2027-04-05', // 清明
      '2027-05-01', // 劳动节
      '2027-05-02',
      '2027-06-09', // 端午
      '2027-09-15', // 中秋
      '2027-10-01', // 国庆
      '2027-10-02',
      '2027-10-03',
    ]);
  });

  it('gives a weekday off for each statutory day on a weekend (art 6), after the holiday', () => {
    // 初一 Sat 02-06 and 初二 Sun 02-07: 02-08 is 初三 itself, so Tue 02-09 and Wed 02-10.
    // 5-1 Sat and 5-2 Sun: Mon 05-03 and Tue 05-04. 10-2 Sat and 10-3 Sun: Mon 10-04 and Tue 10-05.
    expect(y2027.makeUp).toEqual(['2027-02-09', '2027-02-10', '2027-05-03', '2027-05-04', '2027-10-04', '2027-10-05']);
    expect(y2027.basis).toContain('2024-11-10');
  });
});

describe('readings of art 6', () => {
  it('gives an extra weekday when 中秋 falls on 国庆 (2020: 中秋 on 10-01)', () => {
    const y2020 = computeHolidays(2020);
    expect(y2020.statutory).toContain('2020-10-01');
    // 10-01 counted twice (国庆 and 中秋) and 10-03 on Saturday: the two weekdays after the holiday, 10-05 and 10-06.
    expect(y2020.makeUp.filter((d) => d.startsWith('2020-10'))).toEqual(['2020-10-05', '2020-10-06']);
  });

  it('applies the version of art 2 in force: 2024 rests 春节 from 初一 and 劳动节 one day', () => {
    const y2024 = computeHolidays(2024);
    expect(y2024.statutory).not.toContain('2024-02-09'); // 除夕 was a working day in 2024
    expect(y2024.statutory.filter((d) => d.startsWith('2024-05'))).toEqual(['2024-05-01']);
  });
});

describe('against the published schedules', () => {
  it.each(published.filter((y) => y.year >= 2020).map((y) => [y.year, y] as const))(
    '%i: every computed statutory and make-up day is a published rest day',
    (_, year) => {
      const computed = computeHolidays(year.year);
      const rest = new Set(year.holidays);
      expect([...computed.statutory, ...computed.makeUp].filter((d) => !rest.has(d))).toEqual([]);
    },
  );

  it('2004–2019: every computed weekday off is a published rest day, but for two notices that placed it elsewhere', () => {
    const misses = published
      .filter((y) => y.year < 2020)
      .flatMap((y) => {
        const computed = computeHolidays(y.year);
        const rest = new Set(y.holidays);
        return [...computed.statutory, ...computed.makeUp].filter((d) => !isWeekend(d) && !rest.has(d));
      });
    // 2012: 端午 on Saturday 06-23 was given on Friday 06-22. 2015: 中秋 on Sunday 09-27 got no weekday.
    expect(misses).toEqual(['2012-06-25', '2015-09-28']);
  });
});
