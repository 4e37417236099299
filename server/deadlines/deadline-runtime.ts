// The deadline module's per-instance state (calendar, store, clock cache, scan in flight), kept beside the
// services it belongs to. Invariant: one runtime per services object, so two instances never share a cache.
import type { Services } from '../services.js';
import { createCalendarService, type CalendarService } from '../calendar/calendar-service.js';
import { createDeadlineStore, type DeadlineStore } from '../../db/deadlines/deadline-store.js';
import { createDeadlineCache, type DeadlineCache } from './deadline-cache.js';

/** What the deadline hook, routes and scheduler share for one running instance. */
export interface DeadlineRuntime {
  services: Services;
  calendar: CalendarService;
  store: DeadlineStore;
  cache: DeadlineCache;
  /** The scan now running, if any, so overlapping calls share it instead of racing. */
  scan: Promise<unknown> | null;
}

const runtimes = new WeakMap<Services, DeadlineRuntime>();

/** The runtime of `services`, created on first use. */
export function deadlineRuntime(services: Services): DeadlineRuntime {
  let runtime = runtimes.get(services);
  if (!runtime) {
    const store = createDeadlineStore(services.database.client);
    runtime = {
      services,
      calendar: createCalendarService(services.database, services.writer, services.policy.calendar.region, services.now),
      store,
      cache: createDeadlineCache(store),
      scan: null,
    };
    runtimes.set(services, runtime);
  }
  return runtime;
}

/**
 * For modules that write deadline rows without a case event (the audit module's withdrawal clock): call
 * after the commit so the next answer for that case is read again rather than served from the hook's cache.
 */
export function forgetCaseDeadlines(services: Services, caseId: string): void {
  deadlineRuntime(services).cache.forget(caseId);
}
