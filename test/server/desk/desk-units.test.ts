// Table-driven checks of the desk's pure parts: local date formats, the draft line diff, the post-sign-in
// redirect filter, CSRF token derivation, and that both catalogs carry the same keys.
import { describe, expect, it } from 'vitest';
import { daysBetween, formatDate, formatDateTime, messagesFor } from '../../../server/desk/i18n/index.js';
import { diffLines, sentences } from '../../../server/desk/draft-diff.js';
import { csrfFor, isCsrfValid, safeNext } from '../../../server/desk/session.js';
import { compareDeadlines, type DeskDeadline } from '../../../server/desk/deadline-source.js';

describe('local date formats', () => {
  it.each([
    ['2026-11-28', 'zh-CN', '2026年11月28日'],
    ['2026-11-28', 'en', '28 November 2026'],
    // 18:00 UTC is already the next morning in Xining.
    ['2026-11-27T18:00:00.000Z', 'zh-CN', '2026年11月28日'],
  ] as const)('formats %s in %s as %s', (value, lang, expected) => {
    expect(formatDate(value, lang)).toBe(expected);
  });

  it('shows times in China Standard Time', () => {
    expect(formatDateTime('2026-11-28T01:05:00.000Z', 'zh-CN')).toBe('2026年11月28日 09:05');
  });

  it.each([
    ['2026-11-27T15:00:00Z', '2026-11-27T16:30:00Z', 1],
    ['2026-11-27T01:00:00Z', '2026-11-27T09:00:00Z', 0],
    ['2026-11-10T01:00:00Z', '2026-11-27T01:00:00Z', 17],
  ])('counts China calendar days from %s to %s as %i', (from, to, days) => {
    expect(daysBetween(from, new Date(to))).toBe(days);
  });
});

describe('message catalogs', () => {
  const keys = (o: object, prefix = ''): string[] =>
    Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
  it('has the same keys in Chinese and English', () => {
    expect(keys(messagesFor('en')).sort()).toEqual(keys(messagesFor('zh-CN')).sort());
  });
});

describe('draft diff', () => {
  it.each([
    [
      ['a', 'b'],
      ['a', 'b'],
      ['=a', '=b'],
    ],
    [
      ['a', 'b'],
      ['a', 'c', 'b'],
      ['=a', '+c', '=b'],
    ],
    [
      ['a', 'b', 'c'],
      ['a', 'c'],
      ['=a', '-b', '=c'],
    ],
    [['x'], ['y'], ['-x', '+y']],
    [[], ['n'], ['+n']],
  ])('diffs %j → %j', (a, b, expected) => {
    const sign = { same: '=', add: '+', del: '-' } as const;
    expect(diffLines(a, b).map((l) => `${sign[l.op]}${l.text}`)).toEqual(expected);
  });

  it('splits facts into sentences so one changed sentence shows alone', () => {
    expect(sentences('车辆超限。经复核，超限47%；当事人无异议。\n另查明')).toEqual([
      '车辆超限。',
      '经复核，超限47%；',
      '当事人无异议。',
      '另查明',
    ]);
  });
});

describe('redirect after sign-in', () => {
  it.each([
    ['/desk/cases/abc', '/desk/cases/abc'],
    ['/desk?done=x', '/desk?done=x'],
    ['/desk', '/desk'],
    ['//evil.example/desk', '/desk'],
    ['https://evil.example/desk', '/desk'],
    ['/desk//evil.example', '/desk'],
    ['/desk\\evil', '/desk'],
    ['/api/v1/cases', '/desk'],
    [undefined, '/desk'],
  ])('sends %s to %s', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });
});

describe('CSRF tokens', () => {
  it('derives a stable token per seed that differs between seeds and never equals the seed', () => {
    const seed = 'A'.repeat(43);
    expect(csrfFor(seed)).toBe(csrfFor(seed));
    expect(csrfFor(seed)).not.toBe(csrfFor('B'.repeat(43)));
    expect(csrfFor(seed)).not.toContain(seed);
    expect(isCsrfValid(csrfFor(seed), csrfFor(seed))).toBe(true);
    expect(isCsrfValid(csrfFor(seed), undefined)).toBe(false);
    expect(isCsrfValid(csrfFor(seed), csrfFor(seed).slice(1))).toBe(false);
  });
});

describe('deadline order', () => {
  const d = (urgency: DeskDeadline['urgency'], dueDate: string | null): DeskDeadline => ({
    kind: 'review',
    dueDate,
    urgency,
    provisional: false,
  });
  it('puts overdue before due soon before later dates, and cases without deadlines last', () => {
    const list = [null, d('ok', '2026-12-10'), d('soon', '2026-12-01'), d('ok', '2026-12-03'), d('overdue', '2026-11-20')];
    expect(list.sort(compareDeadlines).map((x) => x && `${x.urgency}:${x.dueDate}`)).toEqual([
      'overdue:2026-11-20',
      'soon:2026-12-01',
      'ok:2026-12-03',
      'ok:2026-12-10',
      null,
    ]);
  });
});
