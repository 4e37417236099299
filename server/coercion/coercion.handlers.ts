// The handlers of /api/v1/coercion-cases (contracts in coercion.routes.ts): the shared kind handlers
// (server/kinds/kind.handlers.ts) on the coercion service. Writes go through `services.coercion` only.
import type { Services } from '../services.js';
import { kindApi } from '../kinds/kind.handlers.js';
import { coercionRoutes } from './coercion.routes.js';

/** The 查封扣押 API, mounted under /api/v1/coercion-cases behind bearer auth. */
export function coercionApi(services: Services) {
  return kindApi(coercionRoutes, services.coercion, 'coercion-cases');
}
