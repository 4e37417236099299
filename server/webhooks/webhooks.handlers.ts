// The handlers of the webhook API (contracts in webhooks.routes.ts): validated request, access rule, store.
import type { Services } from '../services.js';
import { answerProblem, apiRouter } from '../http/openapi.js';
import { canAdministerWebhooks } from '../access/access-rules.js';
import { checkWebhookUrl } from './url-guard.js';
import { listDeliveriesRoute, listWebhooksRoute, registerWebhookRoute, retryDeliveryRoute } from './webhooks.routes.js';
import type { Webhook } from '../../db/outbox/webhook-store.js';

const shown = ({ secret: _secret, ...webhook }: Webhook) => webhook;

/** The webhook API, mounted under /api/v1/webhooks behind bearer auth. */
export function webhookApi(services: Services) {
  const store = services.webhooks;
  return apiRouter()
    .openapi(registerWebhookRoute, async (c) => {
      const body = c.req.valid('json');
      const access = canAdministerWebhooks(c.var.user);
      if (!access.ok) return answerProblem(c, access.error);
      const url = await checkWebhookUrl(body.url, services.env.WEBHOOK_ALLOW_PRIVATE);
      if (!url.ok) return answerProblem(c, url.error);
      const at = services.now().toISOString();
      const made = await store.register({ url: url.value.href, events: body.events, secret: body.secret, createdBy: c.var.user.id, at });
      return c.json(shown(made), 201);
    })
    .openapi(listWebhooksRoute, async (c) => {
      const access = canAdministerWebhooks(c.var.user);
      if (!access.ok) return answerProblem(c, access.error);
      return c.json({ items: (await store.list()).map(shown) }, 200);
    })
    .openapi(listDeliveriesRoute, async (c) => {
      const q = c.req.valid('query');
      const access = canAdministerWebhooks(c.var.user);
      if (!access.ok) return answerProblem(c, access.error);
      return c.json({ items: await store.deliveries(q.status ?? null, q.limit) }, 200);
    })
    .openapi(retryDeliveryRoute, async (c) => {
      const { id } = c.req.valid('param');
      const access = canAdministerWebhooks(c.var.user);
      if (!access.ok) return answerProblem(c, access.error);
      const now = services.now();
      if (!(await store.revive(id, now.getTime(), now.toISOString())))
        return answerProblem(c, { kind: 'not_found', code: 'dead_delivery_not_found', detail: `No dead delivery ${id}.` });
      return c.json({ id, status: 'pending' as const }, 200);
    });
}
