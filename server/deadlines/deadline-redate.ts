// After the calendar changes (a new year's notice loaded, an override set), running clocks are counted
// again from their stored start, so a provisional due date becomes a definitive one.
import { deadlineWrites } from '../../db/deadlines/deadline-store.js';
import { clockDates } from './deadline-rules.js';
import type { DeadlineRuntime } from './deadline-runtime.js';

/** Recomputes every running clock; returns how many due, reminder or escalation dates changed. */
export async function redateRunningDeadlines(rt: DeadlineRuntime): Promise<number> {
  const calendar = await rt.calendar.calendar();
  const running = await rt.store.running();
  const changed = deadlineWrites(
    running,
    running.map((row) => ({ ...row, ...clockDates(calendar, row, rt.services.policy, row.dueDate) })),
  );
  const count = changed.reduce((n, g) => n + g.rows.length, 0);
  if (count > 0) await rt.services.writer.write({ entries: [], rows: changed });
  rt.cache.forget();
  return count;
}
