// /api/v1/reports: the monthly statistics and annual summary as JSON or CSV, and recording a report as
// submitted (which ends its reminder). Readers: heads, clerks, auditors, admins; submitters: heads and clerks.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AuthEnv } from '../http/auth.js';
import type { Services } from '../services.js';
import { problem, validationProblem } from '../http/problem.js';
import { readJson } from '../http/read-json.js';
import { annualCsv, annualReport, monthlyCsv, monthlyReport } from './reports.js';
import { recordSubmission } from './report-submissions.js';
import { LAST_YEAR } from '../calendar/calendar-range.js';

// A report is due in the following month or year, which must still be inside the working-day calendar's range.
const Month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM')
  .refine((m) => m >= '2000-01' && m < `${LAST_YEAR}-12`, `a month from 2000-01 to ${LAST_YEAR}-11`);
const Year = z.coerce
  .number()
  .int()
  .min(2000)
  .max(LAST_YEAR - 1);
const Format = z.enum(['json', 'csv']).default('json');
export const MonthlyQuerySchema = z.object({ month: Month, format: Format });
export const AnnualQuerySchema = z.object({ year: Year, format: Format });
export const SubmissionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('monthly'), period: Month }),
  z.object({ kind: z.literal('annual'), period: z.string().regex(/^\d{4}$/, 'a year as YYYY') }),
]);

const readers = ['head', 'clerk', 'auditor', 'admin'];
const submitters = ['head', 'clerk'];
const hasAny = (c: Context<AuthEnv>, roles: string[]) => c.var.user.roles.some((r) => roles.includes(r));
const forbidden = (c: Context, detail: string) => problem(c, { kind: 'forbidden', code: 'reports_forbidden', detail });

function csv(c: Context, body: string, name: string): Response {
  return c.body(body, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}.csv"` });
}

/** The report routes, mounted under /api/v1/reports behind bearer auth. */
export function reportRoutes(services: Services) {
  return new Hono<AuthEnv>()
    .get('/monthly', async (c) => {
      const q = MonthlyQuerySchema.safeParse(c.req.query());
      if (!q.success) return validationProblem(c, q.error.issues);
      if (!hasAny(c, readers)) return forbidden(c, 'Reports are for heads, clerks, auditors and admins.');
      const report = await monthlyReport(services, q.data.month);
      return q.data.format === 'csv' ? csv(c, monthlyCsv(report), `monthly-${q.data.month}`) : c.json(report);
    })
    .get('/annual', async (c) => {
      const q = AnnualQuerySchema.safeParse(c.req.query());
      if (!q.success) return validationProblem(c, q.error.issues);
      if (!hasAny(c, readers)) return forbidden(c, 'Reports are for heads, clerks, auditors and admins.');
      const report = await annualReport(services, q.data.year);
      return q.data.format === 'csv' ? csv(c, annualCsv(report), `annual-${q.data.year}`) : c.json(report);
    })
    .post('/submissions', async (c) => {
      const body = await readJson(c);
      const parsed = body.ok ? SubmissionSchema.safeParse(body.value) : null;
      if (!parsed?.success) return validationProblem(c, parsed?.error.issues ?? [{ path: [], message: 'the body must be JSON' }]);
      if (!hasAny(c, submitters)) return forbidden(c, 'Only heads and clerks record a report as submitted.');
      const { submission, created } = await recordSubmission(services, parsed.data.kind, parsed.data.period, c.var.user.id);
      return c.json(submission, created ? 201 : 200);
    });
}
