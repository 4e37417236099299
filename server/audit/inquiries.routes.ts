// The contracts of the accountability API: POST /cases/{id}/outcomes records an adverse 复议/诉讼 outcome and
// opens an inquiry; /inquiries lists, shows and advances inquiries. Handlers: inquiries.handlers.ts.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { InquiryCommandSchema, OutcomeRecordSchema } from '../../machines/inquiry/inquiry.events.js';
import { inquiryEventTypes, type InquiryEventType } from '../../machines/inquiry/inquiry.events.js';
import { jsonBody, jsonResponse, problems } from '../http/openapi.js';
import { IdParamsSchema, IfMatchSchema } from '../http/params.js';
import { RecordListSchema } from '../cases/case-record.schema.js';

export const InquiryListQuerySchema = z.object({
  caseId: z.string().max(100).optional(),
  state: z.enum(['open', 'determined', 'closed']).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

/** An inquiry as one caller sees it, with the events that caller may send now. */
export const InquiryViewSchema = z
  .object({
    id: z.string(),
    caseId: z.string(),
    state: z.string(),
    version: z.number().int(),
    outcome: z.record(z.string(), z.unknown()).meta({ description: 'The outcome as recorded, with recordedBy and at' }),
    // The opening copies the chain's decision, so `draftVersion` and `entry` are there though the context type omits them.
    decision: z.object({
      draftHash: z.string(),
      draftVersion: z.number().int().optional(),
      outcome: z.string(),
      by: z.string(),
      at: z.string(),
      entry: z.object({ id: z.number().int(), hash: z.string() }).optional(),
      entryId: z.number().int(),
    }),
    persons: z.array(z.object({ id: z.string(), name: z.string(), roles: z.array(z.string()) })),
    facts: z.record(z.string(), z.unknown()),
    proposal: z.object({ rulesVersion: z.string(), shares: z.array(z.record(z.string(), z.unknown())) }),
    claims: z.array(z.object({ personId: z.string(), grounds: z.array(z.string()), statement: z.string(), at: z.string() })),
    withdrawal: z.record(z.string(), z.unknown()),
    determination: z.record(z.string(), z.unknown()).nullable(),
    allowedEvents: z.array(z.enum(inquiryEventTypes as [InquiryEventType, ...InquiryEventType[]])),
    openedAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Inquiry' });

const inquiryOk = jsonResponse(InquiryViewSchema, 'The inquiry as the caller sees it');

export const recordOutcomeRoute = createRoute({
  method: 'post',
  path: '/cases/{id}/outcomes',
  operationId: 'recordOutcome',
  summary: 'Record a 复议/诉讼 outcome of a decided case (head, auditor); opens an accountability inquiry',
  request: { params: IdParamsSchema, body: jsonBody(OutcomeRecordSchema.meta({ id: 'OutcomeRecord' })) },
  responses: { 201: inquiryOk, ...problems(400, 401, 403, 404, 409, 413, 415, 422) },
});

export const listInquiriesRoute = createRoute({
  method: 'get',
  path: '/inquiries',
  operationId: 'listInquiries',
  summary: 'Inquiries of cases the caller may read, newest first',
  request: { query: InquiryListQuerySchema },
  responses: { 200: jsonResponse(z.object({ items: z.array(InquiryViewSchema) }), 'Inquiries'), ...problems(400, 401) },
});

export const groundsRoute = createRoute({
  method: 'get',
  path: '/inquiries/grounds',
  operationId: 'listExemptionGrounds',
  summary: 'The configured fault levels and exemption grounds',
  responses: {
    200: jsonResponse(
      z.object({ version: z.string(), levels: z.record(z.string(), z.string()), grounds: z.array(z.record(z.string(), z.unknown())) }),
      'Levels and grounds of the fault rules file',
    ),
    ...problems(401),
  },
});

export const getInquiryRoute = createRoute({
  method: 'get',
  path: '/inquiries/{id}',
  operationId: 'getInquiry',
  summary: 'An inquiry',
  request: { params: IdParamsSchema },
  responses: { 200: inquiryOk, ...problems(400, 401, 404) },
});

export const sendInquiryEventRoute = createRoute({
  method: 'post',
  path: '/inquiries/{id}/events',
  operationId: 'sendInquiryEvent',
  summary: 'Send an inquiry event (claim, withdrawal, determination); refusals are recorded and change nothing',
  request: {
    params: IdParamsSchema,
    headers: z.object({ 'if-match': IfMatchSchema }),
    body: jsonBody(InquiryCommandSchema.meta({ id: 'InquiryCommand' })),
  },
  responses: { 200: inquiryOk, ...problems(400, 401, 403, 404, 409, 413, 415, 422) },
});

export const listInquiryEventsRoute = createRoute({
  method: 'get',
  path: '/inquiries/{id}/events',
  operationId: 'listInquiryEvents',
  summary: "The inquiry's record; with include=refused also refused attempts (auditor, head, admin)",
  request: { params: IdParamsSchema, query: z.object({ include: z.enum(['refused']).optional() }) },
  responses: { 200: jsonResponse(RecordListSchema, 'Record entries'), ...problems(400, 401, 403, 404) },
});
