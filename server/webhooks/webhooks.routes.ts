// The contracts of the webhook API under /api/v1/webhooks (admins): register an endpoint for event types (or
// "*"), list endpoints, the delivery log and dead letters, and put a dead delivery back in the queue.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { jsonBody, jsonResponse, problems } from '../http/openapi.js';

export const NewWebhookSchema = z
  .strictObject({
    url: z.string().min(1).max(2000),
    events: z
      .array(z.string().regex(/^(\*|[a-z]+(\.[a-z]+)+)$/, 'an event type such as review.approve, or "*"'))
      .min(1)
      .max(50),
    secret: z.string().min(16).max(200).meta({ description: 'HMAC-SHA256 key of X-Signature; never shown again' }),
  })
  .meta({ id: 'NewWebhook' });
export const WebhookSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    events: z.array(z.string()),
    active: z.boolean(),
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'Webhook' });
export const DeliverySchema = z
  .object({
    id: z.number().int(),
    outboxId: z.number().int(),
    webhookId: z.string(),
    type: z.string(),
    caseId: z.string().nullable(),
    status: z.enum(['pending', 'delivered', 'dead']),
    attempts: z.number().int(),
    nextAttemptAt: z.string(),
    lastStatus: z.number().int().nullable(),
    lastError: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'WebhookDelivery' });

export const registerWebhookRoute = createRoute({
  method: 'post',
  path: '/',
  operationId: 'registerWebhook',
  summary: 'Register an endpoint for event types (admins); it is owed every message committed from now on',
  request: { body: jsonBody(NewWebhookSchema) },
  responses: { 201: jsonResponse(WebhookSchema, 'Registered'), ...problems(400, 401, 403, 413, 415) },
});

export const listWebhooksRoute = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listWebhooks',
  summary: 'Registered endpoints (admins; secrets are never shown)',
  responses: { 200: jsonResponse(z.object({ items: z.array(WebhookSchema) }), 'Endpoints'), ...problems(401, 403) },
});

export const listDeliveriesRoute = createRoute({
  method: 'get',
  path: '/deliveries',
  operationId: 'listWebhookDeliveries',
  summary: 'The delivery log, newest first; `status=dead` lists the dead letters (admins)',
  request: {
    query: z.object({
      status: z.enum(['pending', 'delivered', 'dead']).optional(),
      limit: z.coerce.number().int().min(1).max(1000).default(200),
    }),
  },
  responses: { 200: jsonResponse(z.object({ items: z.array(DeliverySchema) }), 'Deliveries'), ...problems(400, 401, 403) },
});

export const retryDeliveryRoute = createRoute({
  method: 'post',
  path: '/deliveries/{id}/retry',
  operationId: 'retryWebhookDelivery',
  summary: 'Put a dead delivery back in the queue (admins)',
  request: { params: z.object({ id: z.coerce.number().int().min(1) }) },
  responses: {
    200: jsonResponse(z.object({ id: z.number().int(), status: z.literal('pending') }), 'Queued again'),
    ...problems(400, 401, 403, 404),
  },
});
