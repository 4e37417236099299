// The webhook messages in the OpenAPI document's `webhooks` section: what a registered endpoint receives (the
// exchange format for the 青海省行政执法监督平台, docs/webhooks.md), one entry per kind of message.
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { Env } from 'hono';

const Envelope = {
  id: z.number().int().meta({ description: 'The outbox message id: the same on every attempt; deduplicate by it' }),
  occurredAt: z.string().meta({ description: 'When the event or report was committed (ISO 8601, UTC)' }),
};

export const CaseEventMessageSchema = z
  .object({
    ...Envelope,
    type: z
      .string()
      .meta({ description: 'The record event type: case.open, notice.send, review.approve, decision.issue, publication.publish, …' }),
    caseId: z.string(),
    eventId: z.number().int().meta({ description: 'The record entry id (case_events.id), hash-chained in the record' }),
    data: z.object({
      version: z.number().int().meta({ description: 'The case version this event made (1 for case.open)' }),
      status: z.string().meta({ description: 'The case state after the event' }),
      actor: z.object({ id: z.string(), roles: z.array(z.string()) }),
      draftHash: z.string(),
      unitId: z.string().nullable().optional().meta({ description: 'case.open only: the unit (所属单位) of the case' }),
      event: z.record(z.string(), z.unknown()).meta({ description: 'The event as sent (type and fields), without actor and time' }),
    }),
  })
  .meta({ id: 'CaseEventMessage' });

export const ReportSubmittedMessageSchema = z
  .object({
    ...Envelope,
    type: z.literal('report.submitted'),
    caseId: z.null(),
    eventId: z.null(),
    data: z.object({ kind: z.enum(['monthly', 'annual']), period: z.string(), submittedAt: z.string(), submittedBy: z.string() }),
  })
  .meta({ id: 'ReportSubmittedMessage' });

const signature = z.string().meta({ description: 'sha256=<hex HMAC-SHA256 of the raw body with the endpoint secret>' });

/** Adds the webhook messages to `app`'s OpenAPI registry (call before the document is generated). */
export function registerWebhookDocs(app: OpenAPIHono<Env>): void {
  const entry = (path: string, summary: string, schema: z.ZodType) =>
    app.openAPIRegistry.registerWebhook({
      method: 'post',
      path,
      summary,
      request: {
        headers: z.object({ 'x-signature': signature, 'x-delivery-id': z.string() }),
        body: { required: true, content: { 'application/json': { schema } } },
      },
      responses: { 200: { description: 'Any 2xx marks the delivery done; anything else is retried with backoff' } },
    });
  entry(
    'caseEvent',
    'An accepted case event (including the published decision: decision.issue, publication.publish)',
    CaseEventMessageSchema,
  );
  entry('reportSubmitted', 'A supervision report recorded as submitted', ReportSubmittedMessageSchema);
}
