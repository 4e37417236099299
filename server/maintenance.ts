// Periodic housekeeping of one instance: expired bearer tokens, desk sessions and sign-in counters, and
// idempotent answers past their retention. The server's main starts and stops it; each run is idempotent.
import type { Writer } from '../db/core/writer.js';
import type { IdempotencyStore } from '../db/cases/idempotency-store.js';
import type { UserStore } from '../db/users/user-store.js';

/** How often the server sweeps; nothing expired is usable in between, so minutes do not matter. */
export const maintenanceIntervalMs = 10 * 60_000;

export interface MaintenanceDeps {
  users: UserStore;
  idempotency: IdempotencyStore;
  writer: Writer;
  now: () => Date;
}

/** The housekeeping of one instance. */
export function createMaintenance(deps: MaintenanceDeps) {
  let timer: NodeJS.Timeout | undefined;
  /** Deletes what expired by now. */
  async function run(): Promise<void> {
    const now = deps.now();
    await deps.users.cleanupExpiredCredentials(now);
    await deps.writer.write({ entries: [], statements: () => [deps.idempotency.expire(now.toISOString())] });
  }
  return {
    run,
    start(): void {
      timer = setInterval(() => run().catch((error: unknown) => console.error('maintenance failed', error)), maintenanceIntervalMs);
      timer.unref();
    },
    stop(): void {
      clearInterval(timer);
    },
  };
}
export type Maintenance = ReturnType<typeof createMaintenance>;
