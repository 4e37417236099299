// The deadline service of one running instance: the clocks' effect on every accepted case event, the
// clocks a case view shows, re-dating after a calendar change, and the store the scheduler sweeps.
// Invariant: the clocks change only in the transaction of the case event that changes them.
import { randomUUID } from 'node:crypto';
import type { SqlClient } from '../../db/core/sql.js';
import type { RowGroup, Writer } from '../../db/core/writer.js';
import { createDeadlineStore, deadlineWrites, type DeadlineRow } from '../../db/deadlines/deadline-store.js';
import type { CalendarService } from '../calendar/calendar-service.js';
import type { WorkingCalendar } from '../calendar/working-days.js';
import type { Policy } from '../policy/policy.schema.js';
import type { AcceptedChange } from '../cases/case-stream.js';
import { createDeadlineCache } from './deadline-cache.js';
import { nextDeadlines } from './deadline-model.js';
import { keepsEveryClock } from './deadline-clocks.js';
import { chinaDate, clockDates } from './deadline-rules.js';
import { toDeadlineViews, type DeadlineView } from './deadline-view.js';

export interface DeadlineDeps {
  client: SqlClient;
  writer: Writer;
  calendar: CalendarService;
  policy: Policy;
  now: () => Date;
  /** Other processes write this database too: a case's clocks before an event are read, never taken from memory. */
  sharedWriters?: boolean;
}

/** Builds the deadline service over one database. */
export function createDeadlineService(deps: DeadlineDeps) {
  const store = createDeadlineStore(deps.client);
  const cache = createDeadlineCache(store);
  const today = () => chinaDate(deps.now());

  function rowsFor(change: AcceptedChange, before: DeadlineRow[], calendar: WorkingCalendar): RowGroup[] {
    // Most transitions start, pause or stop no clock: then the rows stay as they are and nothing is written.
    const after = keepsEveryClock(before, change)
      ? before
      : nextDeadlines(before, change, { calendar, policy: deps.policy, newId: randomUUID });
    cache.set(change.caseId, change.version, after);
    return after === before ? [] : deadlineWrites(before, after);
  }

  return {
    store,
    calendar: deps.calendar,

    /**
     * The rows one accepted case event changes, committed with it. Synchronous when the calendar and the
     * case's clocks are in memory (the usual case): an await here would let the writer commit its next batch
     * without this event.
     */
    effect(change: AcceptedChange): RowGroup[] | Promise<RowGroup[]> {
      const calendar = deps.calendar.ready();
      const before = change.before === null ? [] : deps.sharedWriters ? undefined : cache.peek(change.caseId, change.version - 1);
      if (calendar && before) return rowsFor(change, before, calendar);
      const read = () => (deps.sharedWriters ? store.byCase(change.caseId) : cache.before(change.caseId, change.version - 1));
      return (async () => rowsFor(change, before ?? (await read()), await deps.calendar.calendar()))();
    },

    /** The clocks of a case at `version` for its view: the event's own answer from memory, else a read. */
    forView(caseId: string, version: number): DeadlineView[] | Promise<DeadlineView[]> {
      const rows = cache.forView(caseId, version);
      return rows instanceof Promise ? rows.then((r) => toDeadlineViews(r, today())) : toDeadlineViews(rows, today());
    },

    /** `forView` for the cases of one queue page, in one read. */
    async forViews(cases: readonly { caseId: string; version: number }[]): Promise<Map<string, DeadlineView[]>> {
      const rows = await cache.forViews(cases);
      const day = today();
      return new Map([...rows].map(([caseId, r]) => [caseId, toDeadlineViews(r, day)]));
    },

    /** The clocks of one case as of now, soonest due first. */
    async byCase(caseId: string): Promise<DeadlineView[]> {
      return toDeadlineViews(await store.byCase(caseId), today());
    },

    /** Forgets a case's cached clocks after rows were written without a case event (the withdrawal clock). */
    forget(caseId: string): void {
      cache.forget(caseId);
    },

    /** After the calendar changed: counts running clocks again from their stored start; returns how many changed. */
    async redate(): Promise<number> {
      const calendar = await deps.calendar.calendar();
      const running = await store.running();
      const changed = deadlineWrites(
        running,
        running.map((row) => ({ ...row, ...clockDates(calendar, row, deps.policy, row.dueDate) })),
      );
      const count = changed.reduce((n, g) => n + g.rows.length, 0);
      if (count > 0) await deps.writer.write({ entries: [], rows: changed });
      cache.forget();
      return count;
    },
  };
}
export type DeadlineService = ReturnType<typeof createDeadlineService>;
