// The deadline effect skips a transition only when the full computation would keep every clock: over every
// transition of the case machine's state space (the proof's), with the clocks the state before would have and
// with damaged variants of them (a clock missing, paused, closed, redated), `keepsEveryClock` true means
// `nextDeadlines` returns the same rows. It also has to fire: most lifecycle steps start or stop no clock.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadChineseDaysYears } from '../../../server/calendar/calendar-data.js';
import { createCalendar } from '../../../server/calendar/working-days.js';
import { loadPolicy } from '../../../server/policy/load-policy.js';
import { nextDeadlines, type ModelContext } from '../../../server/deadlines/deadline-model.js';
import { keepsEveryClock } from '../../../server/deadlines/deadline-clocks.js';
import type { AcceptedChange } from '../../../server/cases/case-stream.js';
import type { CaseSnapshot } from '../../../machines/case/case.machine.js';
import type { CaseEvent } from '../../../machines/case/case.events.js';
import type { DeadlineRow } from '../../../db/deadlines/deadline-store.js';
import type { User } from '../../../db/users/user-store.js';
import { exploreSpace, type Space } from '../../proof/proof-space.js';

let ids = 0;
const ctx: ModelContext = {
  calendar: createCalendar({ years: loadChineseDaysYears() }),
  policy: loadPolicy(),
  newId: () => {
    ids += 1;
    return `d${ids}`;
  },
};
const user = { id: 'u' } as User;

const change = (before: CaseSnapshot | null, after: CaseSnapshot, event: CaseEvent): AcceptedChange => ({
  caseId: 'c',
  event,
  before,
  after,
  at: event.at,
  version: 2,
  user,
});

/** The clocks a case in `snapshot` has: each clock whose state it is in, started then. */
const clocksOf = (snapshot: CaseSnapshot, event: CaseEvent): DeadlineRow[] => nextDeadlines([], change(null, snapshot, event), ctx);

/** The clocks, and variants that do not fit the state: one clock dropped, paused, closed, or counted from another day. */
function variants(rows: DeadlineRow[]): DeadlineRow[][] {
  const out = [rows];
  rows.forEach((row, i) => {
    const swap = (changed: DeadlineRow) => rows.map((r, j) => (j === i ? changed : r));
    out.push(rows.filter((_, j) => j !== i));
    out.push(swap({ ...row, state: row.state === 'paused' ? 'running' : 'paused', pausedSince: '2026-03-02' }));
    out.push(swap({ ...row, state: 'closed', outcome: 'met' }));
    out.push(swap({ ...row, startDate: '2020-01-01' }));
  });
  return out;
}

const byId = (rows: DeadlineRow[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

let space: Space;
beforeAll(() => {
  space = exploreSpace();
});

describe('keepsEveryClock', () => {
  it('is true only where nextDeadlines keeps every row, over every transition and damaged clocks', () => {
    let skipped = 0;
    let transitions = 0;
    for (const node of Object.values(space)) {
      const before = node.state as CaseSnapshot;
      for (const { event, state } of Object.values(node.transitions)) {
        const after = state as CaseSnapshot;
        if (after === before) continue;
        transitions += 1;
        for (const rows of variants(clocksOf(before, event))) {
          const c = change(before, after, event);
          if (!keepsEveryClock(rows, c)) continue;
          skipped += 1;
          expect(byId(nextDeadlines(rows, c, ctx))).toEqual(byId(rows));
        }
      }
    }
    expect(transitions).toBeGreaterThan(100);
    expect(skipped).toBeGreaterThan(0);
  }, 120_000);
});
