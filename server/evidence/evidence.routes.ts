// The contracts of the evidence API under /api/v1: upload a file to a case (the raw body with its
// Content-Type, or a multipart `file` field), list and fetch a case's files (with range requests), and the
// case's read log (调阅记录) for auditors. Handlers: evidence.handlers.ts.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { IdParamsSchema } from '../http/params.js';
import { jsonResponse, problems } from '../http/openapi.js';
import { AccessLogPageSchema, EvidenceListSchema, EvidenceUploadedSchema } from './evidence.schemas.js';

const Binary = z.string().meta({ format: 'binary' });

export const uploadEvidenceRoute = createRoute({
  method: 'post',
  path: '/cases/{id}/evidence',
  operationId: 'uploadEvidence',
  summary: "Upload an evidence file to a case (its handler): streamed, content-addressed, type checked against the file's bytes",
  description:
    'The body is the file, with its own Content-Type (PDF, PNG, JPEG, MP4/QuickTime, WebM, MP3, WAV, Ogg); a multipart/form-data body with a `file` field is accepted too. Size limits per media type come from the policy.',
  request: {
    params: IdParamsSchema,
    query: z.object({ filename: z.string().max(1000).optional() }),
    // Declared for the document only: the route streams the body itself (no validator reads it).
    body: { required: true, content: { 'application/octet-stream': { schema: Binary } } },
  },
  responses: { 201: jsonResponse(EvidenceUploadedSchema, 'The stored file'), ...problems(400, 401, 403, 404, 413, 415, 422) },
});

export const listEvidenceRoute = createRoute({
  method: 'get',
  path: '/cases/{id}/evidence',
  operationId: 'listEvidence',
  summary: "The case's evidence files, with their SHA-256",
  request: { params: IdParamsSchema },
  responses: { 200: jsonResponse(EvidenceListSchema, 'Files'), ...problems(400, 401, 404) },
});

export const getEvidenceRoute = createRoute({
  method: 'get',
  path: '/cases/{id}/evidence/{evidenceId}',
  operationId: 'getEvidence',
  summary: 'The bytes of one evidence file, whole or by a `Range` (206)',
  request: { params: IdParamsSchema.extend({ evidenceId: z.string().min(1).max(200) }) },
  responses: {
    200: { description: 'The file', content: { 'application/octet-stream': { schema: Binary } } },
    206: { description: 'The requested range', content: { 'application/octet-stream': { schema: Binary } } },
    ...problems(400, 401, 404, 416),
  },
});

export const accessLogRoute = createRoute({
  method: 'get',
  path: '/cases/{id}/access-log',
  operationId: 'getCaseAccessLog',
  summary: 'Who read what of the case, when and from where (调阅记录; auditors and admins)',
  request: {
    params: IdParamsSchema,
    query: z.object({
      after: z.coerce.number().int().min(0).default(0),
      limit: z.coerce.number().int().min(1).max(1000).default(200),
    }),
  },
  responses: { 200: jsonResponse(AccessLogPageSchema, 'A page of reads, oldest first'), ...problems(400, 401, 403, 404) },
});
