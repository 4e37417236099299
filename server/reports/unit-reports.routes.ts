// The contracts of the reports per unit under /api/v1/reports/units: monthly and annual, JSON or CSV, each unit
// with its own figures, its figures rolled up with its sub-units, and the §27 staffing ratio. Handlers below.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { answerProblem, apiRouter, problems } from '../http/openapi.js';
import type { Services } from '../services.js';
import { canReadUnitReports } from '../access/access-rules.js';
import { reportMetrics } from './report-figures.js';
import { AnnualQuerySchema, MonthlyQuerySchema } from './reports.routes.js';
import { annualUnitReport, monthlyUnitReport, unitReportCsv } from './unit-reports.js';

const metricKeys = Object.fromEntries(reportMetrics.map(([key]) => [key, z.number().int()])) as Record<
  (typeof reportMetrics)[number][0],
  z.ZodNumber
>;
const Figures = z.object(metricKeys);
const UnitReportSchema = z
  .object({
    kind: z.enum(['monthly', 'annual']),
    period: z.string(),
    generatedAt: z.string(),
    units: z.array(
      z.object({
        unitId: z.string(),
        name: z.string(),
        kind: z.string(),
        parentId: z.string().nullable(),
        path: z.string(),
        own: Figures,
        total: Figures.meta({ description: 'The unit and every unit below it' }),
        staffing: z
          .object({
            onDate: z.string().meta({ description: 'the period’s last day' }),
            certifiedStaff: z.number().int().meta({ description: 'active users with a valid 执法证' }),
            qualifiedReviewers: z.number().int().meta({ description: 'active reviewers with a valid 法律职业资格' }),
            ratio: z.number().nullable().meta({ description: 'qualifiedReviewers / certifiedStaff, 4 decimals' }),
            minRatio: z.number().meta({ description: 'policy staffing.minReviewerRatio' }),
            belowMinimum: z.boolean(),
            basis: z.string(),
          })
          .meta({ description: '§27 figure of the unit and its sub-units, as the bureau report’s' }),
      }),
    ),
  })
  .meta({ id: 'UnitReport' });
const csv = { 'text/csv': { schema: z.string().meta({ description: 'one row per unit: rolled-up figures and staffing' }) } };

const route = (path: string, operationId: string, summary: string, query: z.ZodObject) =>
  createRoute({
    method: 'get',
    path,
    operationId,
    summary,
    request: { query },
    responses: {
      200: { description: 'The report per unit', content: { 'application/json': { schema: UnitReportSchema }, ...csv } },
      ...problems(400, 401, 403),
    },
  });
const monthlyByUnit = route(
  '/units/monthly',
  'getMonthlyUnitReport',
  'Monthly statistics per unit, rolled up the tree (§14, §27)',
  MonthlyQuerySchema,
);
const annualByUnit = route(
  '/units/annual',
  'getAnnualUnitReport',
  'Annual statistics per unit, rolled up the tree (§14, §27)',
  AnnualQuerySchema,
);

const asCsv = (body: string, name: string) =>
  new Response(body, {
    status: 200,
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}.csv"` },
  });

/** The per-unit report API, mounted under /api/v1/reports behind bearer auth. */
export function unitReportApi(services: Services) {
  return apiRouter()
    .openapi(monthlyByUnit, async (c) => {
      const q = c.req.valid('query') as { month: string; format: 'json' | 'csv' };
      const access = canReadUnitReports(c.var.user);
      if (!access.ok) return answerProblem(c, access.error);
      const report = await monthlyUnitReport(services, q.month, access.within);
      return (q.format === 'csv' ? asCsv(unitReportCsv(report), `units-monthly-${q.month}`) : c.json(report, 200)) as never;
    })
    .openapi(annualByUnit, async (c) => {
      const q = c.req.valid('query') as { year: number; format: 'json' | 'csv' };
      const access = canReadUnitReports(c.var.user);
      if (!access.ok) return answerProblem(c, access.error);
      const report = await annualUnitReport(services, q.year, access.within);
      return (q.format === 'csv' ? asCsv(unitReportCsv(report), `units-annual-${q.year}`) : c.json(report, 200)) as never;
    });
}
