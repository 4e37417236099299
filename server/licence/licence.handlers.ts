// The handlers of /api/v1/licence-cases (contracts in licence.routes.ts): the shared kind handlers
// (server/kinds/kind.handlers.ts) on the licence service. Writes go through `services.licence` only.
import type { Services } from '../services.js';
import { kindApi } from '../kinds/kind.handlers.js';
import { licenceRoutes } from './licence.routes.js';

/** The licence API, mounted under /api/v1/licence-cases behind bearer auth. */
export function licenceApi(services: Services) {
  return kindApi(licenceRoutes, services.licence, 'licence-cases');
}
