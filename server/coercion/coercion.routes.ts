// The contracts of /api/v1/coercion-cases (查封、扣押, 行政强制法 arts 18–28): open a case, read it, send an event.
// Request and response schemas are zod; the handlers are in coercion.handlers.ts. The record and drafts of a
// coercion case are read through /api/v1/cases/{id}/events and /drafts like any case.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { CoercionCommandSchema } from '../../machines/coercion/coercion.events.js';
import { CoercionDraftSchema } from '../../machines/coercion/coercion.draft.js';
import { IsoDateSchema } from '../../machines/case/legal-dates.js';
import { IdempotencyKeySchema, IdParamsSchema, IfMatchSchema } from '../http/params.js';
import { jsonBody, jsonResponse, problems } from '../http/openapi.js';

const Clock = z.object({
  kind: z.enum(['coercionPeriod', 'coercionFiling']),
  startsOn: z.string(),
  dueOn: z.string(),
  provisional: z.boolean(),
  done: z.boolean(),
  overdue: z.boolean(),
  basis: z.string(),
});

/** A 查封扣押 case as the caller sees it (the fields the machine keeps are described in docs/coercion.md). */
export const CoercionViewSchema = z
  .object({
    id: z.string(),
    kind: z.literal('coercion'),
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
    period: z.unknown(),
    conclusion: z.unknown(),
    duties: z.object({ filingRequired: z.boolean(), filedAt: z.string().nullable(), filedOn: z.string().nullable() }),
    clocks: z.array(Clock),
    overdue: z.boolean(),
  })
  .loose()
  .meta({ id: 'CoercionCase' });

const OpenCoercion = CoercionDraftSchema.extend({
  openedOn: IsoDateSchema.optional().meta({ description: 'The 立案 date (default today); never in the future' }),
}).meta({ id: 'OpenCoercionCase' });
const CoercionCommand = CoercionCommandSchema.meta({ id: 'CoercionCommand' });
const ok = jsonResponse(CoercionViewSchema, 'The 查封扣押 case as the caller sees it, with its allowedEvents and clocks');

export const openCoercion = createRoute({
  method: 'post',
  path: '/',
  operationId: 'openCoercionCase',
  summary: '立案 of a 查封、扣押 measure with its draft decision (a certified handler)',
  request: { headers: z.object({ 'idempotency-key': IdempotencyKeySchema }), body: jsonBody(OpenCoercion) },
  responses: { 201: ok, ...problems(400, 401, 403, 413, 415, 422) },
});

export const getCoercion = createRoute({
  method: 'get',
  path: '/{id}',
  operationId: 'getCoercionCase',
  summary: 'A 查封扣押 case (404 for a case of another kind)',
  request: { params: IdParamsSchema },
  responses: { 200: ok, ...problems(400, 401, 404) },
});

export const sendCoercionEvent = createRoute({
  method: 'post',
  path: '/{id}/events',
  operationId: 'sendCoercionEvent',
  summary: 'Send an event to a 查封扣押 case; refusals are recorded and change nothing',
  request: {
    params: IdParamsSchema,
    headers: z.object({ 'if-match': IfMatchSchema, 'idempotency-key': IdempotencyKeySchema }),
    body: jsonBody(CoercionCommand),
  },
  responses: { 200: ok, ...problems(400, 401, 403, 404, 409, 413, 415, 422) },
});
