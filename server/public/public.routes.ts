// The contracts of the public register (行政执法决定公示): `GET /public/decisions`, published decisions not
// withdrawn, as JSON or HTML, without a sign-in; and, behind bearer auth, `GET /api/v1/cases/{id}/publication-
// preview`, what a decided case's publication would say. Handlers: public.handlers.tsx.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { PublicationContentSchema } from '../../machines/case/party.schemas.js';
import { jsonResponse, problems } from '../http/openapi.js';
import { IdParamsSchema } from '../http/params.js';

export const PublicListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  format: z.enum(['json', 'html']).default('json').meta({ description: 'json, or a plain HTML page' }),
});

const Content = PublicationContentSchema.meta({ id: 'PublicationContent' });
const PublicEntrySchema = z.object({ id: z.string(), publishedOn: z.string(), content: Content }).meta({ id: 'PublicEntry' });

/** One page of the register as JSON. */
export const PublicListSchema = z
  .object({ items: z.array(PublicEntrySchema), total: z.number().int(), limit: z.number().int(), offset: z.number().int() })
  .meta({ id: 'PublicDecisionList' });

/** The preview of a publication: the content `publication.publish` would record. */
export const PreviewSchema = Content;

export const listPublicDecisions = createRoute({
  method: 'get',
  path: '/decisions',
  operationId: 'listPublicDecisions',
  summary: '公示: published decisions not withdrawn, redacted as published (no sign-in)',
  security: [],
  request: { query: PublicListQuerySchema },
  responses: {
    200: {
      description: 'One page of the register, newest first',
      content: {
        'application/json': {
          schema: z.object({
            items: z.array(PublicEntrySchema),
            total: z.number().int(),
            limit: z.number().int(),
            offset: z.number().int(),
          }),
        },
        'text/html': { schema: z.string() },
      },
    },
    ...problems(400),
  },
});

export const publicationPreview = createRoute({
  method: 'get',
  path: '/{id}/publication-preview',
  operationId: 'previewPublication',
  summary: 'What publishing the decided case would show, redacted by policy (clerk, head, auditor)',
  request: { params: IdParamsSchema },
  responses: { 200: jsonResponse(Content, 'The content publication.publish would record'), ...problems(400, 401, 403, 404, 422) },
});
