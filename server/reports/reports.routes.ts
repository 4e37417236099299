// The contracts of /api/v1/reports: the monthly statistics and annual summary as JSON or CSV (heads, clerks,
// auditors, admins), and recording a report as submitted (heads, clerks). Handlers: reports.handlers.ts.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { LAST_YEAR } from '../calendar/calendar-range.js';
import { jsonBody, jsonResponse, problems } from '../http/openapi.js';
import { reportMetrics } from './report-figures.js';

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
const Format = z.enum(['json', 'csv']).default('json').meta({ description: 'json, or csv (UTF-8 with BOM)' });
export const MonthlyQuerySchema = z.object({ month: Month, format: Format });
export const AnnualQuerySchema = z.object({ year: Year, format: Format });
export const SubmissionSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('monthly'), period: Month }),
    z.object({ kind: z.literal('annual'), period: z.string().regex(/^\d{4}$/, 'a year as YYYY') }),
  ])
  .meta({ id: 'ReportSubmissionRequest' });

const metricKeys = Object.fromEntries(reportMetrics.map(([key]) => [key, z.number().int()])) as Record<
  (typeof reportMetrics)[number][0],
  z.ZodNumber
>;
const FiguresSchema = z.object(metricKeys).meta({ id: 'ReportFigures' });
const SubmissionRecordSchema = z
  .object({ kind: z.enum(['monthly', 'annual']), period: z.string(), submittedAt: z.string(), submittedBy: z.string() })
  .meta({ id: 'ReportSubmission' });
const ReportHeader = {
  kind: z.enum(['monthly', 'annual']),
  period: z.string(),
  generatedAt: z.string(),
  due: z.object({ nominal: z.string(), date: z.string(), provisional: z.boolean(), basis: z.string() }),
  submission: SubmissionRecordSchema.nullable(),
  overturnedSource: z.string().nullable(),
};
const csv = { 'text/csv': { schema: z.string().meta({ description: 'metric,label,value rows (monthly) or one row per month' }) } };

export const monthlyRoute = createRoute({
  method: 'get',
  path: '/monthly',
  operationId: 'getMonthlyReport',
  summary: 'Monthly supervision statistics (due by the 5th)',
  request: { query: MonthlyQuerySchema },
  responses: {
    200: {
      description: 'The statistics, as JSON or CSV',
      content: {
        'application/json': { schema: z.object({ ...ReportHeader, figures: FiguresSchema }).meta({ id: 'MonthlyReport' }) },
        ...csv,
      },
    },
    ...problems(400, 401, 403),
  },
});

export const annualRoute = createRoute({
  method: 'get',
  path: '/annual',
  operationId: 'getAnnualReport',
  summary: 'Annual summary (due by 31 January)',
  request: { query: AnnualQuerySchema },
  responses: {
    200: {
      description: 'The summary month by month, as JSON or CSV',
      content: {
        'application/json': {
          schema: z
            .object({ ...ReportHeader, months: z.array(FiguresSchema.extend({ month: z.string() })), totals: FiguresSchema })
            .meta({ id: 'AnnualReport' }),
        },
        ...csv,
      },
    },
    ...problems(400, 401, 403),
  },
});

export const submissionRoute = createRoute({
  method: 'post',
  path: '/submissions',
  operationId: 'recordReportSubmission',
  summary: 'Record a report as handed in (ends its reminder; a repeat keeps the first)',
  request: { body: jsonBody(SubmissionSchema) },
  responses: {
    200: jsonResponse(SubmissionRecordSchema, 'Already recorded: the first submission'),
    201: jsonResponse(SubmissionRecordSchema, 'Recorded'),
    ...problems(400, 401, 403, 413, 415),
  },
});
