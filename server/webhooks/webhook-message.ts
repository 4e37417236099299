// The body of a webhook delivery and its signature (docs/webhooks.md): the same bytes on every attempt, signed
// `X-Signature: sha256=<hex HMAC-SHA256 of the raw body with the endpoint's secret>`.
import { createHmac } from 'node:crypto';
import type { DueDelivery } from '../../db/outbox/webhook-store.js';

/** The raw body of a message: `{id, type, caseId, eventId, occurredAt, data}` as JSON. */
export function messageBody(m: DueDelivery['message']): string {
  return JSON.stringify({
    id: m.id,
    type: m.type,
    caseId: m.caseId,
    eventId: m.eventId,
    occurredAt: m.createdAt,
    data: JSON.parse(m.payload) as unknown,
  });
}

/** The `X-Signature` value of `body` for `secret`. */
export function signatureOf(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}
