// The handlers every major-decision kind's API shares (contracts in kind.routes.ts): the validated request, the
// kind's service, the answer. Writes go through the kind's service only.
import type { User } from '../../db/users/user-store.js';
import type { CommandOptions, IdempotentRequest } from '../shared/command-pipeline.js';
import type { Result } from '../shared/result.js';
import { apiRouter, respond } from '../http/openapi.js';
import { versionOf } from '../http/params.js';
import type { KindRoutes } from './kind.routes.js';

/** What the handlers call: a kind's case service (its draft and command types are checked by the routes' schemas). */
export interface KindApiService {
  open(user: User, draft: never, idempotency?: IdempotentRequest, openedOn?: string): Promise<Result<object>>;
  view(user: User, caseId: string): Promise<Result<object>>;
  send(user: User, caseId: string, command: never, opts?: CommandOptions): Promise<Result<object>>;
}

/** The Idempotency-Key of a request, bound to its route and body. */
const keyed = (key: string | undefined, route: string, body: unknown) => (key ? { key, route, body } : undefined);

/** A kind's API, mounted under /api/v1/`path` behind bearer auth. */
export function kindApi(routes: KindRoutes, service: KindApiService, path: string) {
  return apiRouter()
    .openapi(routes.open, async (c) => {
      const body = c.req.valid('json') as { openedOn?: string };
      const { openedOn, ...draft } = body;
      const key = c.req.valid('header')['idempotency-key'];
      return respond(c, await service.open(c.var.user, draft as never, keyed(key, `POST /${path}`, body), openedOn), 201);
    })
    .openapi(routes.get, async (c) => respond(c, await service.view(c.var.user, c.req.valid('param').id), 200))
    .openapi(routes.send, async (c) => {
      const command = c.req.valid('json');
      const headers = c.req.valid('header');
      const options = {
        ifMatch: versionOf(headers['if-match']),
        idempotency: keyed(headers['idempotency-key'], `POST /${path}/:id/events`, command),
      };
      return respond(c, await service.send(c.var.user, c.req.valid('param').id, command as never, options), 200);
    });
}
