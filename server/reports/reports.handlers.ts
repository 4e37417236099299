// The handlers of /api/v1/reports (contracts in reports.routes.ts): validated query, access rule, report.
import type { Context } from 'hono';
import type { Services } from '../services.js';
import { answerProblem, apiRouter } from '../http/openapi.js';
import { canReadReports, canSubmitReport } from '../access/access-rules.js';
import { annualCsv, annualReport, monthlyCsv, monthlyReport } from './reports.js';
import { recordSubmission } from './report-submissions.js';
import { annualRoute, monthlyRoute, submissionRoute } from './reports.routes.js';

function csv(c: Context, body: string, name: string): Response {
  return c.body(body, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}.csv"` });
}

/** The report API, mounted under /api/v1/reports behind bearer auth. */
export function reportApi(services: Services) {
  return apiRouter()
    .openapi(monthlyRoute, async (c) => {
      const q = c.req.valid('query');
      const access = canReadReports(c.var.user);
      if (!access.ok) return answerProblem(c, access.error);
      const report = await monthlyReport(services, q.month);
      return q.format === 'csv' ? csv(c, monthlyCsv(report), `monthly-${q.month}`) : c.json(report, 200);
    })
    .openapi(annualRoute, async (c) => {
      const q = c.req.valid('query');
      const access = canReadReports(c.var.user);
      if (!access.ok) return answerProblem(c, access.error);
      const report = await annualReport(services, q.year);
      return q.format === 'csv' ? csv(c, annualCsv(report), `annual-${q.year}`) : c.json(report, 200);
    })
    .openapi(submissionRoute, async (c) => {
      const body = c.req.valid('json');
      const access = canSubmitReport(c.var.user);
      if (!access.ok) return answerProblem(c, access.error);
      const { submission, created } = await recordSubmission(services, body.kind, body.period, c.var.user.id);
      return created ? c.json(submission, 201) : c.json(submission, 200);
    });
}
