// The onAccepted hook: applies the deadline model to the case's clocks and returns the statements that
// persist the difference, committed atomically with the event. It never decides anything on its own.
import { randomUUID } from 'node:crypto';
import type { RowGroup } from '../../db/core/writer.js';
import { deadlineWrites, type DeadlineRow } from '../../db/deadlines/deadline-store.js';
import type { WorkingCalendar } from '../calendar/working-days.js';
import type { AcceptedChange } from '../cases/case-service.js';
import type { Services } from '../services.js';
import { nextDeadlines } from './deadline-model.js';
import { deadlineRuntime, type DeadlineRuntime } from './deadline-runtime.js';

function statements(rt: DeadlineRuntime, change: AcceptedChange, before: DeadlineRow[], calendar: WorkingCalendar): RowGroup[] {
  const after = nextDeadlines(before, change, { calendar, policy: rt.services.policy, newId: randomUUID });
  rt.cache.set(change.caseId, change.version, after);
  return deadlineWrites(before, after);
}

/**
 * Statements for one accepted change; also caches the case's clocks for the version it produces.
 * Synchronous when the calendar and the case's clocks are in memory, which is the usual case: an await
 * here would let the writer commit its next batch without this event.
 */
export function deadlineStatements(change: AcceptedChange, services: Services): RowGroup[] | Promise<RowGroup[]> {
  const rt = deadlineRuntime(services);
  const calendar = rt.calendar.ready();
  const before = change.before === null ? [] : rt.cache.peek(change.caseId, change.version - 1);
  if (calendar && before) return statements(rt, change, before, calendar);
  return (async () =>
    statements(rt, change, before ?? (await rt.cache.before(change.caseId, change.version - 1)), await rt.calendar.calendar()))();
}
