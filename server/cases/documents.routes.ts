// The contracts of a case's issued documents under /api/v1/cases: the 审核意见书 (list and one by its number)
// and the 决定书, as JSON or as a printable Chinese page (`?format=html`). Handlers: documents.handlers.ts.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { IdParamsSchema } from '../http/params.js';
import { jsonResponse, problems } from '../http/openapi.js';
import {
  IssuedDecisionSchema,
  IssuedHandoverSchema,
  IssuedOpinionSchema,
  IssuedTransferSchema,
  OpinionListSchema,
} from './documents.schemas.js';

/** `?format=json` (default) or `?format=html` (the printable page). */
export const DocumentFormatQuerySchema = z.object({
  format: z.enum(['json', 'html']).default('json').meta({ description: 'json (default) or the printable page' }),
});
const Page = { 'text/html': { schema: z.string().meta({ description: 'A printable A4 page (zh-CN)' }) } };
const answer = <T extends z.ZodType>(schema: T, description: string) => ({
  description: `${description}; with format=html its printable page`,
  content: { ...jsonResponse(schema, description).content, ...Page },
});

export const listOpinionsRoute = createRoute({
  method: 'get',
  path: '/{id}/opinions',
  operationId: 'listOpinions',
  summary: "The case's 法制审核意见书, each with the sign-off, objection and coordination that followed it",
  request: { params: IdParamsSchema },
  responses: { 200: jsonResponse(OpinionListSchema, 'Opinions, oldest first'), ...problems(400, 401, 403, 404) },
});

export const getOpinionRoute = createRoute({
  method: 'get',
  path: '/{id}/opinions/{number}',
  operationId: 'getOpinion',
  summary: 'One 法制审核意见书 as issued, by its number (文号)',
  request: { params: IdParamsSchema.extend({ number: z.string().min(1).max(100) }), query: DocumentFormatQuerySchema },
  responses: { 200: answer(IssuedOpinionSchema, 'The opinion'), ...problems(400, 401, 403, 404) },
});

export const getDecisionDocumentRoute = createRoute({
  method: 'get',
  path: '/{id}/decision-document',
  operationId: 'getDecisionDocument',
  summary: 'The 决定书 (行政处罚决定书, 不予行政处罚决定书 or 移送书) as issued',
  request: { params: IdParamsSchema, query: DocumentFormatQuerySchema },
  responses: { 200: answer(IssuedDecisionSchema, 'The decision document'), ...problems(400, 401, 403, 404) },
});

export const getTransferDocumentRoute = createRoute({
  method: 'get',
  path: '/{id}/transfer-document',
  operationId: 'getTransferDocument',
  summary: 'The latest 涉嫌犯罪案件移送书 (移送规定 arts 6, 8) as issued',
  request: { params: IdParamsSchema, query: DocumentFormatQuerySchema },
  responses: { 200: answer(IssuedTransferSchema, 'The transfer letter'), ...problems(400, 401, 403, 404) },
});

export const getHandoverDocumentRoute = createRoute({
  method: 'get',
  path: '/{id}/handover-document',
  operationId: 'getHandoverDocument',
  summary: 'The 涉案物品和材料移交清单 after the police filed the case (移送规定 art 12) as issued',
  request: { params: IdParamsSchema, query: DocumentFormatQuerySchema },
  responses: { 200: answer(IssuedHandoverSchema, 'The handover list'), ...problems(400, 401, 403, 404) },
});
