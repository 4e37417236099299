// The handlers of /api/v1/execution-cases (contracts in execution.routes.ts): the shared kind handlers
// (server/kinds/kind.handlers.ts) on the execution service. Writes go through `services.execution` only.
import type { Services } from '../services.js';
import { kindApi } from '../kinds/kind.handlers.js';
import { executionRoutes } from './execution.routes.js';

/** The 行政强制执行 API, mounted under /api/v1/execution-cases behind bearer auth. */
export function executionApi(services: Services) {
  return kindApi(executionRoutes, services.execution, 'execution-cases');
}
