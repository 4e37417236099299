// The optional modules of a running server (review desk, deadlines, audit), registered in one place so
// main.ts and the tests build the same app. Each module adds routes, effects or start-up work here.
import type { Env } from './env.js';
import type { Mount } from './app.js';
import type { ServiceOptions, Services } from './services/services.js';

export const allMounts = {
  /** Service options contributed by modules (e.g. effect hooks committed with each event). */
  serviceOptions(_env: Env): ServiceOptions {
    return {};
  },
  /** Route mounts contributed by modules. */
  mounts(_env: Env): Mount[] {
    return [];
  },
  /** Start-up work (e.g. the deadline scheduler's catch-up run). */
  async start(_services: Services, _env: Env): Promise<void> {},
};
