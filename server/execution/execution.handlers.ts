// The handlers of /api/v1/execution-cases (contracts in execution.routes.ts): the validated request, the
// execution service, the answer. Writes go through `services.execution` only.
import type { Services } from '../services.js';
import { apiRouter, respond } from '../http/openapi.js';
import { versionOf } from '../http/params.js';
import { getExecution, openExecution, sendExecutionEvent } from './execution.routes.js';

/** The Idempotency-Key of a request, bound to its route and body. */
const keyed = (key: string | undefined, route: string, body: unknown) => (key ? { key, route, body } : undefined);

/** The 行政强制执行 API, mounted under /api/v1/execution-cases behind bearer auth. */
export function executionApi(services: Services) {
  const { execution } = services;
  return apiRouter()
    .openapi(openExecution, async (c) => {
      const body = c.req.valid('json');
      const { openedOn, ...draft } = body;
      const key = c.req.valid('header')['idempotency-key'];
      return respond(c, await execution.open(c.var.user, draft, keyed(key, 'POST /execution-cases', body), openedOn), 201);
    })
    .openapi(getExecution, async (c) => respond(c, await execution.view(c.var.user, c.req.valid('param').id), 200))
    .openapi(sendExecutionEvent, async (c) => {
      const command = c.req.valid('json');
      const headers = c.req.valid('header');
      const options = {
        ifMatch: versionOf(headers['if-match']),
        idempotency: keyed(headers['idempotency-key'], 'POST /execution-cases/:id/events', command),
      };
      return respond(c, await execution.send(c.var.user, c.req.valid('param').id, command, options), 200);
    });
}
