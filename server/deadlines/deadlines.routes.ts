// The contracts of /api/v1/deadlines (the open clocks of all cases, filtered by status; heads also see report
// reminders) and /api/v1/cases/{id}/deadlines (whoever may read the case). Handlers: deadlines.handlers.ts.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { jsonResponse, problems } from '../http/openapi.js';
import { IdParamsSchema } from '../http/params.js';
import { DeadlineListSchema, DeadlineViewSchema } from './deadline-view.schema.js';

export const DeadlineListQuerySchema = z.object({
  /** overdue: past due; due-soon: inside the reminder window; escalated: the scheduler escalated it to the head. */
  status: z
    .enum(['overdue', 'due-soon', 'escalated', 'paused', 'running'])
    .optional()
    .meta({ description: 'overdue; due-soon (inside the reminder window); escalated (to the head); paused; running' }),
});

const ReportReminderSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['monthlyReport', 'annualReport']),
    period: z.string(),
    status: z.enum(['running', 'due-soon', 'overdue']),
    dueDate: z.string(),
    warnDate: z.string(),
    provisional: z.boolean(),
    basis: z.string(),
  })
  .meta({ id: 'ReportReminder' });

export const listDeadlinesRoute = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listDeadlines',
  summary: 'Open deadlines of all cases by status (heads and clerks); heads also get report reminders',
  request: { query: DeadlineListQuerySchema },
  responses: {
    200: jsonResponse(
      z.object({ today: z.string(), items: z.array(DeadlineViewSchema), reports: z.array(ReportReminderSchema) }),
      'Deadlines as of today (China)',
    ),
    ...problems(400, 401, 403),
  },
});

export const caseDeadlinesRoute = createRoute({
  method: 'get',
  path: '/{id}/deadlines',
  operationId: 'listCaseDeadlines',
  summary: "A case's deadlines",
  request: { params: IdParamsSchema },
  responses: { 200: jsonResponse(DeadlineListSchema, 'Deadlines'), ...problems(400, 401, 404) },
});
