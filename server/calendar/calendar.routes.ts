// The contracts of /api/v1/calendar: working-day arithmetic for everyone; the loaded years for heads and
// admins; loading a State Council notice or a regional override for admins. Handlers: calendar.handlers.ts.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { jsonBody, jsonResponse, problems } from '../http/openapi.js';
import {
  AddWorkingDaysQuerySchema,
  CalendarDate,
  CountWorkingDaysQuerySchema,
  OverrideUploadSchema,
  YearNumber,
  YearUploadSchema,
} from './calendar.schemas.js';

export { AddWorkingDaysQuerySchema, CountWorkingDaysQuerySchema, OverrideUploadSchema, YearUploadSchema };

const Region = z.string().meta({ description: "Region whose overrides applied ('' national only)" });
const Provisional = z.boolean().meta({ description: 'Counted over a year whose holidays are not yet published' });

const YearSchema = z
  .object({
    year: z.number().int(),
    source: z.string(),
    sourceUrl: z.string().nullable(),
    version: z.string(),
    loadedAt: z.string(),
    loadedBy: z.string(),
    holidays: z.array(z.string()),
    workdays: z.array(z.string()),
  })
  .meta({ id: 'CalendarYear' });
const OverrideSchema = z
  .object({
    id: z.number().int(),
    date: z.string(),
    working: z.boolean(),
    region: z.string().optional(),
    note: z.string(),
    createdAt: z.string(),
    createdBy: z.string(),
  })
  .meta({ id: 'CalendarOverride' });
const Redated = z.number().int().meta({ description: 'How many running deadlines were re-dated' });

export const addWorkingDaysRoute = createRoute({
  method: 'get',
  path: '/add-working-days',
  operationId: 'addWorkingDays',
  summary: 'Add N Chinese working days (调休 included); provisional for unpublished years',
  request: { query: AddWorkingDaysQuerySchema },
  responses: {
    200: jsonResponse(
      z.object({ from: z.string(), days: z.number().int(), region: Region, date: z.string(), provisional: Provisional }),
      'The date N working days on',
    ),
    ...problems(400, 401),
  },
});

export const countWorkingDaysRoute = createRoute({
  method: 'get',
  path: '/count-working-days',
  operationId: 'countWorkingDays',
  summary: 'Count the working days between two dates',
  request: { query: CountWorkingDaysQuerySchema },
  responses: {
    200: jsonResponse(
      z.object({ from: z.string(), to: z.string(), region: Region, days: z.number().int(), provisional: Provisional }),
      'The count',
    ),
    ...problems(400, 401),
  },
});

export const dayRoute = createRoute({
  method: 'get',
  path: '/days/{date}',
  operationId: 'getCalendarDay',
  summary: 'Whether a date is a working day',
  request: { params: z.object({ date: CalendarDate.meta({ example: '2026-10-08' }) }) },
  responses: {
    200: jsonResponse(z.object({ date: z.string(), region: z.string(), working: z.boolean(), provisional: Provisional }), 'The day'),
    ...problems(400, 401),
  },
});

export const yearsRoute = createRoute({
  method: 'get',
  path: '/years',
  operationId: 'listCalendarYears',
  summary: 'The loaded holiday years, and a warning when next year’s notice is missing (heads, admins)',
  responses: {
    200: jsonResponse(
      z.object({ items: z.array(YearSchema), nextYearNotice: z.object({ year: z.number().int(), missing: z.boolean() }).nullable() }),
      'Loaded years',
    ),
    ...problems(401, 403),
  },
});

export const putYearRoute = createRoute({
  method: 'put',
  path: '/years/{year}',
  operationId: 'putCalendarYear',
  summary: 'Load a State Council holiday notice (admin)',
  request: {
    params: z.object({ year: YearNumber.meta({ type: 'integer', example: 2027 }) }),
    body: jsonBody(YearUploadSchema.meta({ id: 'YearUpload' })),
  },
  responses: {
    200: jsonResponse(YearSchema.extend({ redated: Redated }), 'The stored year'),
    ...problems(400, 401, 403, 413, 415),
  },
});

export const listOverridesRoute = createRoute({
  method: 'get',
  path: '/overrides',
  operationId: 'listCalendarOverrides',
  summary: 'Regional overrides',
  responses: { 200: jsonResponse(z.object({ items: z.array(OverrideSchema) }), 'Overrides'), ...problems(401) },
});

export const addOverrideRoute = createRoute({
  method: 'post',
  path: '/overrides',
  operationId: 'addCalendarOverride',
  summary: 'Add a regional override (admin)',
  request: { body: jsonBody(OverrideUploadSchema.meta({ id: 'OverrideUpload' })) },
  responses: {
    201: jsonResponse(OverrideSchema.extend({ redated: Redated }), 'The override'),
    ...problems(400, 401, 403, 413, 415),
  },
});
