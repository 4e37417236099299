// OpenAPI paths of the optional modules (deadlines, calendar, reports, audit, inquiries), built from the
// same zod schemas their routes validate with, so the document cannot drift from the code's contracts.
import { z } from 'zod';
import { InquiryCommandSchema, OutcomeRecordSchema } from '../../machines/inquiry/inquiry.events.js';
import {
  AddWorkingDaysQuerySchema,
  CountWorkingDaysQuerySchema,
  OverrideUploadSchema,
  YearUploadSchema,
} from '../calendar/calendar.routes.js';
import { DeadlineListQuerySchema } from '../deadlines/deadlines.routes.js';
import { AnnualQuerySchema, MonthlyQuerySchema, SubmissionSchema } from '../reports/reports.routes.js';

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' });
const problem = {
  description: 'RFC 9457 problem',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};
const problems = (...codes: number[]) => Object.fromEntries(codes.map((c) => [String(c), problem]));
const ok = (description: string) => ({ '200': { description, content: { 'application/json': { schema: {} } } } });
const body = (schema: z.ZodType) => ({ content: { 'application/json': { schema: json(schema) } } });
const id = (name = 'id') => ({ name, in: 'path', required: true, schema: { type: 'string' } });

/** Query parameters from a zod object schema. */
function query(schema: z.ZodObject) {
  const js = json(schema) as { properties?: Record<string, object>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name,
    in: 'query',
    required: js.required?.includes(name) ?? false,
    schema: s,
  }));
}

/** Paths contributed by the modules registered in server/mounts.ts. */
export function modulePaths() {
  return {
    '/api/v1/calendar/add-working-days': {
      get: {
        summary: 'Add N Chinese working days (调休 included); provisional for unpublished years',
        parameters: query(AddWorkingDaysQuerySchema),
        responses: { ...ok('{date, provisional}'), ...problems(400, 401) },
      },
    },
    '/api/v1/calendar/count-working-days': {
      get: {
        summary: 'Count working days between two dates',
        parameters: query(CountWorkingDaysQuerySchema),
        responses: { ...ok('{days, provisional}'), ...problems(400, 401) },
      },
    },
    '/api/v1/calendar/years/{year}': {
      put: {
        summary: 'Load a State Council holiday notice (admin)',
        parameters: [id('year')],
        requestBody: body(YearUploadSchema),
        responses: { ...ok('The year and how many deadlines were re-dated'), ...problems(400, 401, 403) },
      },
    },
    '/api/v1/calendar/overrides': {
      post: {
        summary: 'Add a regional override (admin)',
        requestBody: body(OverrideUploadSchema),
        responses: { ...ok('The override'), ...problems(400, 401, 403) },
      },
    },
    '/api/v1/deadlines': {
      get: {
        summary: 'Deadlines by status (heads and clerks)',
        parameters: query(DeadlineListQuerySchema),
        responses: { ...ok('Deadlines'), ...problems(400, 401, 403) },
      },
    },
    '/api/v1/cases/{id}/deadlines': {
      get: { summary: "A case's deadlines", parameters: [id()], responses: { ...ok('Deadlines'), ...problems(401, 404) } },
    },
    '/api/v1/reports/monthly': {
      get: {
        summary: 'Monthly supervision statistics (due by the 5th)',
        parameters: query(MonthlyQuerySchema),
        responses: { ...ok('JSON or CSV'), ...problems(400, 401, 403) },
      },
    },
    '/api/v1/reports/annual': {
      get: {
        summary: 'Annual summary (due by 31 January)',
        parameters: query(AnnualQuerySchema),
        responses: { ...ok('JSON or CSV'), ...problems(400, 401, 403) },
      },
    },
    '/api/v1/reports/submissions': {
      post: {
        summary: 'Record a report as handed in',
        requestBody: body(SubmissionSchema),
        responses: { ...ok('The submission'), ...problems(400, 401, 403) },
      },
    },
    '/api/v1/audit/verify': {
      get: {
        summary: 'Re-compute the hash chain and check the signed checkpoints (auditor)',
        responses: { ...ok('Verification result, naming the first broken entry'), ...problems(401, 403) },
      },
    },
    '/api/v1/audit/checkpoints': {
      get: { summary: 'Export the signed checkpoints', responses: { ...ok('Checkpoints'), ...problems(401, 403) } },
      post: { summary: 'Sign a checkpoint of the record head now', responses: { ...ok('The checkpoint'), ...problems(401, 403) } },
    },
    '/api/v1/cases/{id}/responsibility': {
      get: {
        summary: 'Responsibility chain (责任链): who acted, in which role, on which draft hash',
        parameters: [id()],
        responses: { ...ok('JSON, or SVG with ?format=svg'), ...problems(401, 403, 404) },
      },
    },
    '/api/v1/cases/{id}/timeline': {
      get: { summary: 'Case timeline', parameters: [id()], responses: { ...ok('Timeline'), ...problems(401, 403, 404) } },
    },
    '/api/v1/cases/{id}/export': {
      get: {
        summary: 'Case file for 案卷评查 (JSON or printable HTML)',
        parameters: [id()],
        responses: { ...ok('Case file'), ...problems(400, 401, 403, 404) },
      },
    },
    '/api/v1/cases/{id}/outcomes': {
      post: {
        summary: 'Record a 复议/诉讼 outcome; opens an accountability inquiry',
        parameters: [id()],
        requestBody: body(OutcomeRecordSchema),
        responses: { ...ok('The inquiry'), ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    '/api/v1/inquiries': { get: { summary: 'Inquiries', responses: { ...ok('Inquiries'), ...problems(401, 403) } } },
    '/api/v1/inquiries/{id}': { get: { parameters: [id()], responses: { ...ok('The inquiry'), ...problems(401, 403, 404) } } },
    '/api/v1/inquiries/{id}/events': {
      post: {
        summary: 'Send an inquiry event',
        parameters: [id()],
        requestBody: body(InquiryCommandSchema),
        responses: { ...ok('The inquiry'), ...problems(400, 401, 403, 404, 409, 422) },
      },
      get: { summary: "The inquiry's record", parameters: [id()], responses: { ...ok('Record entries'), ...problems(401, 403, 404) } },
    },
  };
}
