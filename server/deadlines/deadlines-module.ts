// The deadline module: the clock hook, the case-view decorator, the calendar, deadline and report routes,
// and the scheduler (catch-up at start, then on an unref'd interval). Registered in server/mounts.ts.
import type { ServerModule } from '../mounts.js';
import { calendarRoutes } from '../calendar/calendar.routes.js';
import { caseDeadlineRoutes, deadlineRoutes } from './deadlines.routes.js';
import { reportRoutes } from '../reports/reports.routes.js';
import { deadlineStatements } from './deadline-hook.js';
import { withDeadlines } from './deadline-view.js';
import { startScheduler } from './scheduler.js';

const stops = new Set<() => void>();

/** Durable deadlines in Chinese working days, supervision reports and the calendar admin API. */
export const deadlinesModule: ServerModule = {
  name: 'deadlines',
  serviceOptions: () => ({ onAccepted: [deadlineStatements], decorate: [withDeadlines] }),
  mount:
    () =>
    ({ api }, services) => {
      api.route('/calendar', calendarRoutes(services));
      api.route('/deadlines', deadlineRoutes(services));
      api.route('/cases', caseDeadlineRoutes(services));
      api.route('/reports', reportRoutes(services));
    },
  start: async (services) => {
    stops.add(await startScheduler(services));
  },
  stop: () => {
    for (const stop of stops) stop();
    stops.clear();
  },
};
