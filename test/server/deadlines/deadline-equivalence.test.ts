// The deadline effect was rebuilt for speed (rows built field by field, phases per state value, dates
// memoised); these properties hold it to the frozen computation it replaced (./reference/): over random walks of
// the case machine's explored state space, with extensions, notices, withdrawals and damaged rows, both give
// the same rows in the same order, the same skip decision and the same writes; the dates on two calendars too.
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadChineseDaysYears } from '../../../server/calendar/calendar-data.js';
import { createCalendar, type WorkingCalendar } from '../../../server/calendar/working-days.js';
import { loadPolicy } from '../../../server/policy/load-policy.js';
import { newClock, nextDeadlines, type ModelContext } from '../../../server/deadlines/deadline-model.js';
import { keepsEveryClock } from '../../../server/deadlines/deadline-clocks.js';
import { chinaDate, clockDates, deadlineKinds } from '../../../server/deadlines/deadline-rules.js';
import { deadlineWrites, type DeadlineRow } from '../../../db/deadlines/deadline-store.js';
import type { AcceptedChange } from '../../../server/cases/case-stream.js';
import type { CaseSnapshot } from '../../../machines/case/case.machine.js';
import type { CaseEvent } from '../../../machines/case/case.events.js';
import type { User } from '../../../db/users/user-store.js';
import type { Policy } from '../../../server/policy/policy.schema.js';
import { abstractKey, exploreSpace, type Space, type SpaceNode } from '../../proof/proof-space.js';
import * as reference from './reference/reference-model.js';
import * as referenceClocks from './reference/reference-clocks.js';
import * as referenceRules from './reference/reference-rules.js';

const years = loadChineseDaysYears();
const policy = loadPolicy();
const calendars: WorkingCalendar[] = [
  createCalendar({ years }),
  // No published year (every answer provisional), a local rest day and a worked Sunday: a memo shared across
  // calendars would give the other's dates.
  createCalendar({
    years: [],
    overrides: [
      { date: '2026-03-10', working: false },
      { date: '2026-03-15', working: true },
    ],
  }),
];
// The extension counted in the clock's own unit (the default policy) and in another one.
const policies = [
  policy,
  { ...policy, deadlines: { ...policy.deadlines, decisionExtension: { ...policy.deadlines.decisionExtension, unit: 'working' as const } } },
];
const user = { id: 'u' } as User;
const DAY_MS = 86_400_000;

/** A model context whose ids count from 1, so two runs of one walk name their clocks alike. */
const contextOn = (calendar: WorkingCalendar, policy: Policy): ModelContext => {
  let n = 0;
  const newId = () => {
    n += 1;
    return `d${n}`;
  };
  return { calendar, policy, newId };
};

/** One step of a walk: which transition, how many days later, and what else happens to the rows. */
const step = fc.record({
  pick: fc.nat(),
  days: fc.integer({ min: 0, max: 40 }),
  ms: fc.integer({ min: 0, max: DAY_MS - 1 }),
  extra: fc.constantFrom('none', 'none', 'none', 'none', 'extend', 'notify', 'withdraw', 'damage'),
  which: fc.nat(),
});
const walk = fc.record({
  start: fc.integer({ min: 0, max: 700 }),
  calendar: fc.constantFrom(0, 1),
  policy: fc.constantFrom(0, 1),
  withdrawal: fc.boolean(),
  steps: fc.array(step, { minLength: 1, maxLength: 18 }),
});

/** A row changed so that it no longer fits the state: dropped, paused or resumed, closed, or redated. */
function damage(rows: DeadlineRow[], which: number): DeadlineRow[] {
  if (rows.length === 0) return rows;
  const i = which % rows.length;
  const row = rows[i]!;
  const changed = [
    null,
    { ...row, state: row.state === 'paused' ? 'running' : 'paused', pausedSince: row.startDate },
    { ...row, state: 'closed', outcome: 'met' },
    { ...row, startDate: '2025-12-31' },
  ][(which >> 4) % 4] as DeadlineRow | null;
  return changed ? rows.map((r, j) => (j === i ? changed : r)) : rows.filter((_, j) => j !== i);
}

/** The rows `deadlineWrites` would upsert, as objects keyed by field (columns are the fields in snake_case). */
function writtenRows(before: DeadlineRow[], after: DeadlineRow[]): Record<string, unknown>[] {
  const group = deadlineWrites(before, after)[0];
  if (!group) return [];
  const field = (column: string) => column.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
  return group.rows.map((values) => Object.fromEntries(group.columns.map((c, i) => [field(c), values[i]])));
}

/** What the writes must hold: every row that is new, or changed and not closed before, booleans as 0/1. */
function changedRows(before: DeadlineRow[], after: DeadlineRow[]): Record<string, unknown>[] {
  const changed = after.filter((row) => {
    const prev = before.find((r) => r.id === row.id);
    return !prev || (prev.state !== 'closed' && Object.keys(row).some((k) => prev[k as keyof DeadlineRow] !== row[k as keyof DeadlineRow]));
  });
  return changed.map((row) => ({ ...row, provisional: row.provisional ? 1 : 0 }));
}

/** A snapshot with a granted extension, as the head's `decision.extend` leaves it. */
const extended = (s: CaseSnapshot): CaseSnapshot =>
  ({ ...s, context: { ...s.context, decisionExtension: { by: 'head1', at: 'x', reason: '案情复杂' } } }) as CaseSnapshot;

let space: Space;
let first: SpaceNode;
beforeAll(() => {
  space = exploreSpace();
  first = Object.values(space)[0]!;
}, 120_000);

describe('the deadline effect against the computation it replaced', () => {
  it('gives the same skips, rows and writes over random walks of the state space', () => {
    const seen = { skipped: 0, paused: 0, extended: 0 };
    fc.assert(
      fc.property(walk, ({ start, calendar, policy: p, withdrawal, steps }) => {
        const [now, old] = [contextOn(calendars[calendar]!, policies[p]!), contextOn(calendars[calendar]!, policies[p]!)];
        let ms = Date.parse('2026-01-05T01:00:00Z') + start * DAY_MS;
        let node = first;
        // A fresh object per snapshot, as the server has, so no cache keyed by the snapshot carries over.
        let before: CaseSnapshot = { ...(node.state as CaseSnapshot) };
        const opened: AcceptedChange = {
          caseId: 'c',
          event: { type: 'x' } as unknown as CaseEvent,
          before: null,
          after: before,
          at: new Date(ms).toISOString(),
          version: 1,
          user,
        };
        let rows = nextDeadlines([], opened, now);
        expect(rows).toEqual(reference.nextDeadlines([], opened, old));
        if (withdrawal) {
          const clock = {
            kind: 'publicationWithdrawal' as const,
            caseId: 'c',
            at: opened.at,
            from: null,
            policyKey: 'publicationWithdrawal',
            period: policy.deadlines.publicationWithdrawal,
          };
          rows = [...rows, newClock(clock, now)];
          old.newId();
        }
        steps.forEach((s, n) => {
          const transitions = Object.values(node.transitions);
          ms += s.days * DAY_MS + (s.ms % 3_600_000);
          const at = new Date(ms).toISOString();
          let event: CaseEvent;
          let after: CaseSnapshot;
          if (s.extra === 'notify' && rows.length > 0) {
            event = { type: 'deadline.notify', deadlineId: rows[s.which % rows.length]!.id, status: 'warning', at } as unknown as CaseEvent;
            after = before;
          } else if (s.extra === 'withdraw') {
            event = { type: 'publication.withdraw', at } as unknown as CaseEvent;
            after = before;
          } else {
            const t = transitions[s.pick % Math.max(transitions.length, 1)];
            if (!t) return;
            event = t.event as CaseEvent;
            after = { ...(t.state as CaseSnapshot) };
            node = space[abstractKey(t.state)] ?? node;
          }
          if (s.extra === 'extend') after = extended(after);
          if (s.extra === 'damage') rows = damage(rows, s.which);
          const change: AcceptedChange = { caseId: 'c', event, before, after, at, version: n + 2, user };
          const skip = keepsEveryClock(rows, change);
          expect(skip).toBe(referenceClocks.keepsEveryClock(rows, change));
          const next = skip ? rows : nextDeadlines(rows, change, now);
          const expected = skip ? rows : reference.nextDeadlines(rows, change, old);
          expect(next).toEqual(expected);
          expect(deadlineWrites(rows, next)).toEqual(deadlineWrites(rows, expected));
          expect(writtenRows(rows, next)).toEqual(changedRows(rows, next));
          // Past 16 rows the writes look rows up by id another way (a redate of every running clock); rows
          // closed before stay as stored, whatever the new list says.
          const pad = Array.from({ length: 17 }, (_, k) => rows.map((r) => ({ ...r, id: `p${k}${r.id}` }))).flat();
          const closed = pad.map((r) => ({ ...r, state: 'closed' as const }));
          const wider = [...next, ...pad.map((r) => ({ ...r, notice: 'escalated' as const }))];
          expect(writtenRows([...closed, ...rows], wider)).toEqual(changedRows([...closed, ...rows], wider));
          if (skip) seen.skipped += 1;
          if (next.some((r) => r.state === 'paused')) seen.paused += 1;
          if (next.some((r) => r.policyKey.endsWith('+decisionExtension'))) seen.extended += 1;
          rows = next;
          before = after;
        });
      }),
      { numRuns: 400 },
    );
    // The walks reach the skip, the 补充材料 pause and the extension, not only starts and stops.
    expect(seen.skipped).toBeGreaterThan(0);
    expect(seen.paused).toBeGreaterThan(0);
    expect(seen.extended).toBeGreaterThan(0);
  }, 120_000);

  it('counts the same dates, calendar by calendar, whatever was counted before', () => {
    const spec = fc.record({
      kind: fc.constantFrom(...deadlineKinds),
      unit: fc.constantFrom('working', 'calendar', 'natural') as fc.Arbitrary<'working' | 'calendar' | 'natural'>,
      days: fc.integer({ min: 0, max: 120 }),
      usedDays: fc.integer({ min: 0, max: 130 }),
      start: fc.integer({ min: 150, max: 200 }),
      due: fc.option(fc.integer({ min: 150, max: 300 }), { nil: undefined }),
      calendar: fc.constantFrom(0, 1),
    });
    const date = (offset: number) => new Date(Date.parse('2025-10-01') + offset * DAY_MS).toISOString().slice(0, 10);
    fc.assert(
      fc.property(fc.array(spec, { minLength: 1, maxLength: 30 }), (specs) => {
        for (const s of specs) {
          const clock = {
            kind: s.kind,
            days: s.days,
            unit: s.unit,
            startDate: date(s.start),
            segmentStart: date(s.start),
            usedDays: s.usedDays,
          };
          const due = s.due === undefined ? undefined : date(s.due);
          const cal = calendars[s.calendar]!;
          expect(clockDates(cal, clock, policy, due)).toEqual(referenceRules.clockDates(cal, clock, policy, due));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same China date for any instant, and refuses an invalid one as before', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -2e12, max: 5e12 }), { maxLength: 20 }), (instants) => {
        for (const ms of instants) {
          const at = new Date(ms);
          expect(chinaDate(at.toISOString())).toBe(referenceRules.chinaDate(at.toISOString()));
          expect(chinaDate(at)).toBe(referenceRules.chinaDate(at));
        }
      }),
    );
    expect(() => chinaDate('not a date')).toThrow(RangeError);
    expect(() => referenceRules.chinaDate('not a date')).toThrow(RangeError);
  });
});
