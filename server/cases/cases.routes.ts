// The contracts of /api/v1/cases: open cases, revise drafts, send events, read cases, their record and
// drafts. Request and response schemas are zod; the handlers are in cases.handlers.ts.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { deadlineFilters, queueOrders } from '../../db/cases/case-queue-store.js';
import { CaseCommandSchema } from '../../machines/case/case.events.js';
import { DraftContentSchema } from '../../machines/case/draft.schema.js';
import { IsoDateSchema } from '../../machines/case/legal-dates.js';
import { IdempotencyKeySchema, IdParamsSchema, IfMatchSchema } from '../http/params.js';
import { jsonBody, jsonResponse, problems } from '../http/openapi.js';
import { PreferSchema } from '../http/prefer.js';
import { CaseWriteAnswerSchema, preferenceAppliedHeader } from './case-minimal.schema.js';
import { CaseListSchema, CaseViewSchema } from './case-view.schema.js';
import { DraftListSchema, RecordListSchema } from './case-record.schema.js';

const Draft = DraftContentSchema.meta({ id: 'Draft' });
const CaseCommand = CaseCommandSchema.meta({ id: 'CaseCommand' });
const WriteHeaders = z.object({ 'if-match': IfMatchSchema, 'idempotency-key': IdempotencyKeySchema, prefer: PreferSchema });
const caseOk = jsonResponse(CaseViewSchema, 'The case as the caller sees it, with its allowedEvents');
/** A write's answer: the case (`Case`), or `CaseMinimal` under `Prefer: return=minimal`. */
const writeOk = {
  ...jsonResponse(CaseWriteAnswerSchema, 'The case as the caller sees it (`Case`), or `CaseMinimal` under `Prefer: return=minimal`'),
  headers: preferenceAppliedHeader,
};

const Flag = z.enum(['true', 'false']);
const ChinaDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date, YYYY-MM-DD');

export const CaseListQuerySchema = z.object({
  q: z.string().max(100).optional().meta({ description: 'A fragment of the title, the party (当事人) or the case number' }),
  state: z
    .string()
    .max(300)
    .regex(/^[A-Za-z]+(,[A-Za-z]+)*$/, 'state names separated by commas')
    .optional()
    .meta({ description: 'Top-level states, comma-separated, e.g. inReview,correcting' }),
  deadline: z.enum(deadlineFilters).optional().meta({ description: 'Status of an open deadline' }),
  major: Flag.optional().meta({ description: 'Only major (重大) cases, or only the others' }),
  from: ChinaDate.optional().meta({ description: 'Opened on or after this China date' }),
  to: ChinaDate.optional().meta({ description: 'Opened on or before this China date' }),
  mine: Flag.optional().meta({ description: 'Only cases I handle or review' }),
  history: Flag.optional().meta({ description: 'Only cases I acted on (my history)' }),
  order: z.enum(queueOrders).optional().meta({ description: 'updated (default, newest first) or due (earliest deadline first)' }),
  cursor: z.string().max(600).optional().meta({ description: 'The opaque `nextCursor` of the previous page' }),
  limit: z.coerce.number().int().min(1).max(500).optional().meta({ description: 'Page size (default 50)' }),
});

/** 立案: the first draft, and the 立案 date when it is earlier than today (a legal date entered later). */
const OpenCase = DraftContentSchema.extend({
  openedOn: IsoDateSchema.optional().meta({ description: 'The 立案 date (default today); never in the future' }),
}).meta({ id: 'OpenCase' });

export const openCase = createRoute({
  method: 'post',
  path: '/',
  operationId: 'openCase',
  summary: '立案: open a case with its first draft (a certified handler)',
  request: { headers: z.object({ 'idempotency-key': IdempotencyKeySchema, prefer: PreferSchema }), body: jsonBody(OpenCase) },
  responses: { 201: writeOk, ...problems(400, 401, 403, 413, 415, 422) },
});

export const listCases = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listCases',
  summary: 'Cases the caller may read: searched, filtered, keyset-paged (`cursor`; a bad cursor is 400 `bad-cursor`)',
  request: { query: CaseListQuerySchema },
  responses: { 200: jsonResponse(CaseListSchema, 'Cases'), ...problems(400, 401) },
});

export const getCase = createRoute({
  method: 'get',
  path: '/{id}',
  operationId: 'getCase',
  summary: 'A case',
  request: { params: IdParamsSchema },
  responses: { 200: caseOk, ...problems(400, 401, 404) },
});

export const reviseDraft = createRoute({
  method: 'put',
  path: '/{id}/draft',
  operationId: 'reviseDraft',
  summary: 'Revise the draft (its handler)',
  request: { params: IdParamsSchema, headers: WriteHeaders, body: jsonBody(Draft) },
  responses: { 200: writeOk, ...problems(400, 401, 403, 404, 409, 413, 415, 422) },
});

export const sendEvent = createRoute({
  method: 'post',
  path: '/{id}/events',
  operationId: 'sendCaseEvent',
  summary: 'Send an event; refusals are recorded and change nothing',
  request: { params: IdParamsSchema, headers: WriteHeaders, body: jsonBody(CaseCommand) },
  responses: { 200: writeOk, ...problems(400, 401, 403, 404, 409, 413, 415, 422) },
});

export const listCaseEvents = createRoute({
  method: 'get',
  path: '/{id}/events',
  operationId: 'listCaseEvents',
  summary: 'The case record, oldest first; with include=refused also refused attempts (auditor, head, admin)',
  request: {
    params: IdParamsSchema,
    query: z.object({ include: z.enum(['refused']).optional().meta({ description: 'Add refused attempts' }) }),
  },
  responses: { 200: jsonResponse(RecordListSchema, 'Record entries'), ...problems(400, 401, 403, 404) },
});

export const listDrafts = createRoute({
  method: 'get',
  path: '/{id}/drafts',
  operationId: 'listCaseDrafts',
  summary: 'Every stored version of the draft, oldest first',
  request: { params: IdParamsSchema },
  responses: { 200: jsonResponse(DraftListSchema, 'Draft versions'), ...problems(400, 401, 404) },
});
