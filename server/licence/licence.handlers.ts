// The handlers of /api/v1/licence-cases (contracts in licence.routes.ts): the validated request, the
// licence service, the answer. Writes go through `services.licence` only.
import type { Services } from '../services.js';
import { apiRouter, respond } from '../http/openapi.js';
import { versionOf } from '../http/params.js';
import { getLicence, openLicence, sendLicenceEvent } from './licence.routes.js';

/** The Idempotency-Key of a request, bound to its route and body. */
const keyed = (key: string | undefined, route: string, body: unknown) => (key ? { key, route, body } : undefined);

/** The licence API, mounted under /api/v1/licence-cases behind bearer auth. */
export function licenceApi(services: Services) {
  const { licence } = services;
  return apiRouter()
    .openapi(openLicence, async (c) => {
      const body = c.req.valid('json');
      const { openedOn, ...draft } = body;
      const key = c.req.valid('header')['idempotency-key'];
      return respond(c, await licence.open(c.var.user, draft, keyed(key, 'POST /licence-cases', body), openedOn), 201);
    })
    .openapi(getLicence, async (c) => respond(c, await licence.view(c.var.user, c.req.valid('param').id), 200))
    .openapi(sendLicenceEvent, async (c) => {
      const command = c.req.valid('json');
      const headers = c.req.valid('header');
      const options = {
        ifMatch: versionOf(headers['if-match']),
        idempotency: keyed(headers['idempotency-key'], 'POST /licence-cases/:id/events', command),
      };
      return respond(c, await licence.send(c.var.user, c.req.valid('param').id, command, options), 200);
    });
}
