// The handlers of /api/v1/coercion-cases (contracts in coercion.routes.ts): the validated request, the
// coercion service, the answer. Writes go through `services.coercion` only.
import type { Services } from '../services.js';
import { apiRouter, respond } from '../http/openapi.js';
import { versionOf } from '../http/params.js';
import { getCoercion, openCoercion, sendCoercionEvent } from './coercion.routes.js';

/** The Idempotency-Key of a request, bound to its route and body. */
const keyed = (key: string | undefined, route: string, body: unknown) => (key ? { key, route, body } : undefined);

/** The 查封扣押 API, mounted under /api/v1/coercion-cases behind bearer auth. */
export function coercionApi(services: Services) {
  const { coercion } = services;
  return apiRouter()
    .openapi(openCoercion, async (c) => {
      const body = c.req.valid('json');
      const { openedOn, ...draft } = body;
      const key = c.req.valid('header')['idempotency-key'];
      return respond(c, await coercion.open(c.var.user, draft, keyed(key, 'POST /coercion-cases', body), openedOn), 201);
    })
    .openapi(getCoercion, async (c) => respond(c, await coercion.view(c.var.user, c.req.valid('param').id), 200))
    .openapi(sendCoercionEvent, async (c) => {
      const command = c.req.valid('json');
      const headers = c.req.valid('header');
      const options = {
        ifMatch: versionOf(headers['if-match']),
        idempotency: keyed(headers['idempotency-key'], 'POST /coercion-cases/:id/events', command),
      };
      return respond(c, await coercion.send(c.var.user, c.req.valid('param').id, command, options), 200);
    });
}
