// The contracts of /api/v1/licence-cases (行政许可 撤销 / 撤回, 行政许可法 arts 7, 8, 36, 69): open a case, read it, send an event.
// Request and response schemas are zod; the handlers are in licence.handlers.ts. The record and drafts of a
// licence case are read through /api/v1/cases/{id}/events and /drafts like any case.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { LicenceCommandSchema } from '../../machines/licence/licence.events.js';
import { LicenceDraftSchema } from '../../machines/licence/licence.draft.js';
import { IsoDateSchema } from '../../machines/case/legal-dates.js';
import { IdempotencyKeySchema, IdParamsSchema, IfMatchSchema } from '../http/params.js';
import { jsonBody, jsonResponse, problems } from '../http/openapi.js';

const Clock = z.object({
  kind: z.enum(['licenceStatements', 'licencePublication', 'licenceFiling']),
  startsOn: z.string(),
  dueOn: z.string(),
  provisional: z.boolean(),
  done: z.boolean(),
  overdue: z.boolean(),
  basis: z.string(),
});

/** A licence case as the caller sees it (the fields the machine keeps are described in docs/licence.md). */
export const LicenceViewSchema = z
  .object({
    id: z.string(),
    kind: z.literal('licence'),
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
    hearing: z.unknown(),
    compensation: z.enum(['compensation', 'indemnity', 'none']),
    duties: z.object({
      servedOn: z.string().nullable(),
      publishedOn: z.string().nullable(),
      filingRequired: z.boolean(),
      filedAt: z.string().nullable(),
      filedOn: z.string().nullable(),
    }),
    clocks: z.array(Clock),
    overdue: z.boolean(),
  })
  .loose()
  .meta({ id: 'LicenceCase' });

const OpenLicence = LicenceDraftSchema.extend({
  openedOn: IsoDateSchema.optional().meta({ description: 'The 立案 date (default today); never in the future' }),
}).meta({ id: 'OpenLicenceCase' });
const LicenceCommand = LicenceCommandSchema.meta({ id: 'LicenceCommand' });
const ok = jsonResponse(LicenceViewSchema, 'The licence case as the caller sees it, with its allowedEvents and clocks');

export const openLicence = createRoute({
  method: 'post',
  path: '/',
  operationId: 'openLicenceCase',
  summary: '立案 of a 行政许可 撤销 / 撤回 case with its draft decision (a certified handler)',
  request: { headers: z.object({ 'idempotency-key': IdempotencyKeySchema }), body: jsonBody(OpenLicence) },
  responses: { 201: ok, ...problems(400, 401, 403, 413, 415, 422) },
});

export const getLicence = createRoute({
  method: 'get',
  path: '/{id}',
  operationId: 'getLicenceCase',
  summary: 'A licence case (404 for a case of another kind)',
  request: { params: IdParamsSchema },
  responses: { 200: ok, ...problems(400, 401, 404) },
});

export const sendLicenceEvent = createRoute({
  method: 'post',
  path: '/{id}/events',
  operationId: 'sendLicenceEvent',
  summary: 'Send an event to a licence case; refusals are recorded and change nothing',
  request: {
    params: IdParamsSchema,
    headers: z.object({ 'if-match': IfMatchSchema, 'idempotency-key': IdempotencyKeySchema }),
    body: jsonBody(LicenceCommand),
  },
  responses: { 200: ok, ...problems(400, 401, 403, 404, 409, 413, 415, 422) },
});
