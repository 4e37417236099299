// /api/v1/deadlines (heads and clerks: the open clocks of all cases, filtered by status; heads also see
// report reminders) and /api/v1/cases/:id/deadlines (anyone signed in, like the case itself).
import { Hono } from 'hono';
import { z } from 'zod';
import type { AuthEnv } from '../http/auth.js';
import type { Services } from '../services.js';
import { problem, validationProblem } from '../http/problem.js';
import { toDeadlineView } from './deadline-view.js';
import { chinaDate } from './deadline-rules.js';
import { reportReminders } from '../reports/report-reminders.js';

export const DeadlineListQuerySchema = z.object({
  /** overdue: past due; due-soon: inside the reminder window; escalated: the scheduler escalated it to the head. */
  status: z.enum(['overdue', 'due-soon', 'escalated', 'paused', 'running']).optional(),
});

/** The cross-case deadline list, mounted under /api/v1/deadlines. */
export function deadlineRoutes(services: Services) {
  return new Hono<AuthEnv>().get('/', async (c) => {
    const query = DeadlineListQuerySchema.safeParse(c.req.query());
    if (!query.success) return validationProblem(c, query.error.issues);
    const roles = c.var.user.roles;
    if (!roles.includes('head') && !roles.includes('clerk')) {
      return problem(c, {
        kind: 'forbidden',
        code: 'deadlines_forbidden',
        detail: 'Only heads (负责人) and clerks see the deadline list.',
      });
    }
    const today = chinaDate(services.now());
    const wanted = query.data.status;
    const items = (await services.deadlines.store.unclosed())
      .map((row) => toDeadlineView(row, today))
      .filter((d) => !wanted || (wanted === 'escalated' ? d.notice === 'escalated' && d.state === 'running' : d.status === wanted));
    const reports = roles.includes('head') ? (await reportReminders(services)).filter((r) => !wanted || r.status === wanted) : [];
    return c.json({ today, items, reports });
  });
}

/** The deadlines of one case, mounted under /api/v1/cases beside the core case routes. */
export function caseDeadlineRoutes(services: Services) {
  return new Hono<AuthEnv>().get('/:id/deadlines', async (c) => {
    const found = await services.store.get(c.req.param('id'));
    if (!found) return problem(c, { kind: 'not_found', code: 'case_not_found', detail: `No case ${c.req.param('id')}.` });
    return c.json({ items: await services.deadlines.byCase(found.id) });
  });
}
