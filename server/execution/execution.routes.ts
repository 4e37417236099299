// The contracts of /api/v1/execution-cases (行政强制执行, 行政强制法 arts 35–58): open a case, read it, send an event.
// Request and response schemas are zod; the handlers are in execution.handlers.ts. The record and drafts of a
// execution case are read through /api/v1/cases/{id}/events and /drafts like any case.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { ExecutionCommandSchema } from '../../machines/execution/execution.events.js';
import { ExecutionDraftSchema } from '../../machines/execution/execution.draft.js';
import { IsoDateSchema } from '../../machines/case/legal-dates.js';
import { IdempotencyKeySchema, IdParamsSchema, IfMatchSchema } from '../http/params.js';
import { jsonBody, jsonResponse, problems } from '../http/openapi.js';

const Clock = z.object({
  kind: z.enum(['executionNotice', 'executionCourtWait', 'executionCourtDeadline', 'executionFiling']),
  startsOn: z.string(),
  dueOn: z.string(),
  provisional: z.boolean(),
  done: z.boolean(),
  overdue: z.boolean(),
  basis: z.string(),
});

/** An execution case as the caller sees it (the fields the machine keeps are described in docs/execution.md). */
export const ExecutionViewSchema = z
  .object({
    id: z.string(),
    kind: z.literal('execution'),
    machine: z.object({ kind: z.string(), version: z.number() }),
    title: z.string(),
    state: z.string(),
    stateValue: z.unknown(),
    version: z.number().int(),
    major: z.object({ isMajor: z.boolean(), reasons: z.array(z.string()) }),
    draft: z.object({ version: z.number().int(), hash: z.string() }).loose(),
    allowedEvents: z.array(z.string()),
    handlerId: z.string(),
    reviewerId: z.string().nullable(),
    review: z.unknown(),
    decision: z.unknown(),
    duty: z.unknown(),
    notice: z.unknown(),
    statements: z.array(z.unknown()),
    conclusion: z.unknown(),
    duties: z.object({ filingRequired: z.boolean(), filedAt: z.string().nullable(), filedOn: z.string().nullable() }),
    clocks: z.array(Clock),
    overdue: z.boolean(),
  })
  .loose()
  .meta({ id: 'ExecutionCase' });

const OpenExecution = ExecutionDraftSchema.extend({
  openedOn: IsoDateSchema.optional().meta({ description: 'The 立案 date (default today); never in the future' }),
}).meta({ id: 'OpenExecutionCase' });
const ExecutionCommand = ExecutionCommandSchema.meta({ id: 'ExecutionCommand' });
const ok = jsonResponse(ExecutionViewSchema, 'The 行政强制执行 case as the caller sees it, with its allowedEvents and clocks');

export const openExecution = createRoute({
  method: 'post',
  path: '/',
  operationId: 'openExecutionCase',
  summary: '立案 of a 行政强制执行 on an unperformed decision, with its draft (a certified handler)',
  request: { headers: z.object({ 'idempotency-key': IdempotencyKeySchema }), body: jsonBody(OpenExecution) },
  responses: { 201: ok, ...problems(400, 401, 403, 413, 415, 422) },
});

export const getExecution = createRoute({
  method: 'get',
  path: '/{id}',
  operationId: 'getExecutionCase',
  summary: 'A 行政强制执行 case (404 for a case of another kind)',
  request: { params: IdParamsSchema },
  responses: { 200: ok, ...problems(400, 401, 404) },
});

export const sendExecutionEvent = createRoute({
  method: 'post',
  path: '/{id}/events',
  operationId: 'sendExecutionEvent',
  summary: 'Send an event to a 行政强制执行 case; refusals are recorded and change nothing',
  request: {
    params: IdParamsSchema,
    headers: z.object({ 'if-match': IfMatchSchema, 'idempotency-key': IdempotencyKeySchema }),
    body: jsonBody(ExecutionCommand),
  },
  responses: { 200: ok, ...problems(400, 401, 403, 404, 409, 413, 415, 422) },
});
