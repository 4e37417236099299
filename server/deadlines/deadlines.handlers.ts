// The handlers of the deadline lists (contracts in deadlines.routes.ts): the cross-case list behind its
// access rule, and one case's clocks behind the case-read rule.
import type { Services } from '../services.js';
import { answerProblem, apiRouter } from '../http/openapi.js';
import { canListDeadlines, canSeeReportReminders } from '../access/access-rules.js';
import { lookupCase } from '../access/case-lookup.js';
import { reportReminders } from '../reports/report-reminders.js';
import { toDeadlineView } from './deadline-view.js';
import { chinaDate } from './deadline-rules.js';
import { caseDeadlinesRoute, listDeadlinesRoute } from './deadlines.routes.js';

/** The cross-case deadline list, mounted under /api/v1/deadlines. */
export function deadlineApi(services: Services) {
  return apiRouter().openapi(listDeadlinesRoute, async (c) => {
    const wanted = c.req.valid('query').status;
    const access = canListDeadlines(c.var.user);
    if (!access.ok) return answerProblem(c, access.error);
    const today = chinaDate(services.now());
    const items = (await services.deadlines.store.unclosed())
      .map((row) => toDeadlineView(row, today))
      .filter((d) => !wanted || (wanted === 'escalated' ? d.notice === 'escalated' && d.state === 'running' : d.status === wanted));
    const reminders = canSeeReportReminders(c.var.user).ok ? await reportReminders(services) : [];
    return c.json({ today, items, reports: reminders.filter((r) => !wanted || r.status === wanted) }, 200);
  });
}

/** The deadlines of one case, mounted under /api/v1/cases beside the case API. */
export function caseDeadlineApi(services: Services) {
  return apiRouter().openapi(caseDeadlinesRoute, async (c) => {
    const found = await lookupCase(services.store, c.var.user, c.req.valid('param').id);
    if (!found.ok) return answerProblem(c, found.error);
    return c.json({ items: await services.deadlines.byCase(found.value.id) }, 200);
  });
}
