// The pure deadline rules, table-driven: China dates, due dates with pauses, reminder levels and statuses.
import { describe, expect, it } from 'vitest';
import { loadChineseDaysYears } from '../../../server/calendar/calendar-data.js';
import { createCalendar } from '../../../server/calendar/working-days.js';
import { loadPolicy } from '../../../server/policy/load-policy.js';
import {
  chinaDate,
  clockDates,
  displayStatus,
  elapsed,
  isMoreSevere,
  noticeDue,
  type ClockSpec,
} from '../../../server/deadlines/deadline-rules.js';

const calendar = createCalendar({ years: loadChineseDaysYears() });
const policy = loadPolicy();

describe('chinaDate', () => {
  it.each([
    ['2026-03-01T15:59:59.999Z', '2026-03-01'],
    ['2026-03-01T16:00:00.000Z', '2026-03-02'],
    ['2026-12-31T16:30:00.000Z', '2027-01-01'],
  ])('%s is %s in China', (at, date) => {
    expect(chinaDate(at)).toBe(date);
  });
});

describe('clockDates', () => {
  const review: ClockSpec = { kind: 'review', days: 5, unit: 'working', startDate: '2026-09-28', segmentStart: '2026-09-28', usedDays: 0 };

  it.each([
    // 09-29, 09-30, then 国庆 10-01..07, then 10-08, 10-09 and the 补班 Saturday 10-10.
    [
      'a fresh 5-WD review from Monday 09-28 runs over 国庆',
      review,
      { dueDate: '2026-10-10', warnDate: '2026-10-08', escalateDate: '2026-10-13' },
    ],
    ['a resumed review counts only the days left', { ...review, segmentStart: '2026-10-12', usedDays: 3 }, { dueDate: '2026-10-14' }],
    [
      'a hearing window raises no reminders',
      { ...review, kind: 'hearingRequest' },
      { dueDate: '2026-10-10', warnDate: null, escalateDate: null },
    ],
    [
      'a calendar period ignores used days and rolls a holiday end forward',
      { kind: 'filing', days: 15, unit: 'calendar', startDate: '2026-09-16', segmentStart: '2026-09-16', usedDays: 0 },
      { dueDate: '2026-10-08' },
    ],
    [
      'a resumed calendar-day period counts the calendar days left',
      { kind: 'review', days: 10, unit: 'calendar', startDate: '2026-03-02', segmentStart: '2026-03-12', usedDays: 4 },
      { dueDate: '2026-03-18' },
    ],
  ] as [string, ClockSpec, object][])('%s', (_, spec, expected) => {
    expect(clockDates(calendar, spec, policy)).toMatchObject({ ...expected, provisional: false });
  });

  it.each([
    ['working', '2026-09-30', '2026-10-12', 4], // 10-08, 10-09, the 补班 Saturday 10-10, 10-12
    ['calendar', '2026-09-30', '2026-10-12', 12],
  ] as const)('counts elapsed %s days from %s to %s as %i', (unit, from, to, days) => {
    expect(elapsed(calendar, unit, from, to)).toBe(days);
  });

  it('keeps the earlier due date when a paused clock had no days left', () => {
    expect(clockDates(calendar, { ...review, segmentStart: '2026-10-20', usedDays: 6 }, policy, '2026-10-09').dueDate).toBe('2026-10-09');
  });
});

describe('noticeDue and displayStatus', () => {
  const row = { dueDate: '2026-03-17', warnDate: '2026-03-13', escalateDate: '2026-03-19' };
  it.each([
    ['2026-03-12', 'none', 'running'],
    ['2026-03-13', 'warning', 'due-soon'],
    ['2026-03-17', 'warning', 'due-soon'],
    ['2026-03-18', 'overdue', 'overdue'],
    ['2026-03-19', 'escalated', 'overdue'],
  ])('on %s the notice is %s and the status %s', (today, notice, status) => {
    expect(noticeDue(row, today)).toBe(notice);
    expect(displayStatus({ ...row, state: 'running', outcome: null }, today)).toBe(status);
  });

  it('shows paused and closed clocks by state and outcome, whatever the day', () => {
    expect(displayStatus({ ...row, state: 'paused', outcome: null }, '2026-04-01')).toBe('paused');
    expect(displayStatus({ ...row, state: 'closed', outcome: 'late' }, '2026-03-01')).toBe('late');
  });

  it('orders notices by severity', () => {
    expect(isMoreSevere('escalated', 'overdue')).toBe(true);
    expect(isMoreSevere('warning', 'warning')).toBe(false);
    expect(isMoreSevere('warning', 'overdue')).toBe(false);
  });
});
