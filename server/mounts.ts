// The optional modules of a running server (review desk, deadlines, audit), registered in one list so
// main.ts and the tests build the same app. A module contributes routes, effects or start-up work.
import type { Env } from './env.js';
import type { Mount } from './app.js';
import type { ServiceOptions, Services } from './services.js';
import { deadlinesModule } from './deadlines/deadlines-module.js';
import { deskModule } from './desk/desk.module.js';
import { auditModule } from './audit/audit.module.js';

/** One module of the server. Every member is optional. */
export interface ServerModule {
  name: string;
  /** Effect hooks committed with each accepted event, and other service options. */
  serviceOptions?: (env: Env) => Pick<ServiceOptions, 'onAccepted' | 'decorate'>;
  /** Routes: pages on `app`, bearer-protected API routes on `api`. */
  mount?: (env: Env) => Mount;
  /** Start-up work, e.g. the deadline scheduler's catch-up run. */
  start?: (services: Services, env: Env) => Promise<void>;
  /** Shutdown work, e.g. stopping timers. */
  stop?: () => void;
}

/** Registered modules, in mount order. Add a module by adding one import and one entry here. */
export const serverModules: ServerModule[] = [deadlinesModule, deskModule, auditModule];

/** Service options from all modules, merged. */
export function moduleServiceOptions(env: Env): ServiceOptions {
  const options = serverModules.map((m) => m.serviceOptions?.(env) ?? {});
  return { onAccepted: options.flatMap((o) => o.onAccepted ?? []), decorate: options.flatMap((o) => o.decorate ?? []) };
}

/** Route mounts from all modules. */
export function moduleMounts(env: Env): Mount[] {
  return serverModules.flatMap((m) => (m.mount ? [m.mount(env)] : []));
}

/** Runs every module's start-up work. */
export async function startModules(services: Services, env: Env): Promise<void> {
  for (const m of serverModules) await m.start?.(services, env);
}

/** Runs every module's shutdown work. */
export function stopModules(): void {
  for (const m of serverModules) m.stop?.();
}
