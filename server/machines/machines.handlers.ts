// The handlers of machine versions (contracts in machines.routes.ts): the list reads the registry and the
// stored cases; a migration goes through the case service like every change to a case.
import type { Services } from '../services.js';
import { apiRouter, respond } from '../http/openapi.js';
import { versionOf } from '../http/params.js';
import { listMachines as listing } from '../cases/case-machines.js';
import { listMachines, migrateCase } from './machines.routes.js';

/** Machine versions, mounted under /api/v1 behind bearer auth. */
export function machineApi(services: Services) {
  return apiRouter()
    .openapi(listMachines, async (c) => c.json(await listing(services.store, services.machines), 200))
    .openapi(migrateCase, async (c) => {
      const body = c.req.valid('json');
      const headers = c.req.valid('header');
      const key = headers['idempotency-key'];
      const options = {
        ifMatch: versionOf(headers['if-match']),
        idempotency: key ? { key, route: 'POST /cases/:id/migrate', body } : undefined,
      };
      return respond(c, await services.cases.migrate(c.var.user, c.req.valid('param').id, body.toVersion, options), 200);
    });
}
