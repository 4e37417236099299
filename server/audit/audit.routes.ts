// The contracts of the auditor's API: signed checkpoints (create, export) and whole-record verification
// under /api/v1/audit, and per case the responsibility chain (JSON or SVG), the timeline and the case-file
// export (JSON or printable HTML). Who may call each is decided in server/access. Handlers: audit.handlers.ts.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { jsonResponse, problems } from '../http/openapi.js';
import { IdParamsSchema } from '../http/params.js';
import {
  CaseFileSchema,
  CheckpointExportSchema,
  CheckpointSchema,
  ResponsibilitySchema,
  TimelineItemSchema,
  VerifyReportSchema,
} from './audit.schemas.js';

export const createCheckpointRoute = createRoute({
  method: 'post',
  path: '/checkpoints',
  operationId: 'createCheckpoint',
  summary: 'Sign a checkpoint of the record head now (auditor, admin)',
  responses: {
    201: jsonResponse(CheckpointSchema.extend({ keySource: z.string() }), 'The checkpoint'),
    ...problems(401, 403, 413, 415, 422),
  },
});

export const exportCheckpointsRoute = createRoute({
  method: 'get',
  path: '/checkpoints',
  operationId: 'exportCheckpoints',
  summary: 'Export the signed checkpoints, for audit:verify --checkpoints (auditor, admin)',
  responses: { 200: jsonResponse(CheckpointExportSchema, 'The checkpoints file'), ...problems(401, 403) },
});

export const verifyRoute = createRoute({
  method: 'get',
  path: '/verify',
  operationId: 'verifyRecord',
  summary: 'Re-compute the hash chain and check the signed checkpoints (auditor, admin)',
  responses: { 200: jsonResponse(VerifyReportSchema, 'The report, naming the first broken entry'), ...problems(401, 403) },
});

export const responsibilityRoute = createRoute({
  method: 'get',
  path: '/cases/{id}/responsibility',
  operationId: 'getResponsibilityChain',
  summary: 'Responsibility chain (责任链): who acted, in which role, on which draft hash (auditor, head, admin)',
  request: { params: IdParamsSchema, query: z.object({ format: z.enum(['json', 'svg']).default('json') }) },
  responses: {
    200: {
      description: 'The chain as JSON, or as an SVG picture',
      content: { 'application/json': { schema: ResponsibilitySchema }, 'image/svg+xml': { schema: z.string() } },
    },
    ...problems(400, 401, 403, 404),
  },
});

export const timelineRoute = createRoute({
  method: 'get',
  path: '/cases/{id}/timeline',
  operationId: 'getCaseTimeline',
  summary: 'Every entry of the case, accepted or refused, labelled (auditor, head, admin)',
  request: { params: IdParamsSchema },
  responses: {
    200: jsonResponse(z.object({ items: z.array(TimelineItemSchema) }).meta({ id: 'Timeline' }), 'The timeline'),
    ...problems(400, 401, 403, 404),
  },
});

export const exportCaseRoute = createRoute({
  method: 'get',
  path: '/cases/{id}/export',
  operationId: 'exportCaseFile',
  summary:
    'Case file for 案卷评查: JSON, a standalone printable HTML page, or a ZIP with the evidence files and SHA256SUMS (auditor, head, admin)',
  request: { params: IdParamsSchema, query: z.object({ format: z.enum(['json', 'html', 'zip']).default('json') }) },
  responses: {
    200: {
      description: 'The case file',
      content: {
        'application/json': { schema: CaseFileSchema },
        'text/html': { schema: z.string() },
        'application/zip': { schema: z.string().meta({ format: 'binary' }) },
      },
    },
    ...problems(400, 401, 403, 404),
  },
});
