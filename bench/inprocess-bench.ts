// The engine without HTTP: the same lifecycles through `services.cases.open/send` on a fresh libSQL
// file (WAL, synchronous=FULL), wired exactly as the server wires them.
import { createDb } from '../db/core/client.js';
import type { User } from '../db/users/user-store.js';
import { catalogOf, createServices, type Services } from '../server/services.js';
import { parseEnv } from '../server/env.js';
import { demoUsers } from '../server/demo/demo-users.js';
import { ensureDemoUnits } from '../server/demo/demo-units.js';
import { assertBenchDraftFits, benchDraft, type BenchUser } from './lifecycle.js';
import { driveLifecycles, type CaseDriver, type DriveResult } from './drive.js';
import { removeTemp, tempDbPath } from './temp-db.js';
import { startLoadMonitor } from './machine.js';

/** An in-process stack on a fresh database, with the demo users created (no demo cases). */
export async function openInProcess(label: string) {
  const tmp = tempDbPath(label);
  const env = parseEnv({ NODE_ENV: 'test', DATABASE_URL: tmp.url, DEMO: 'false' });
  const database = await createDb(env.DATABASE_URL);
  const services = await createServices(database, { env });
  const users: Record<string, User> = {};
  // The demo units first: who sees which case follows them (docs/access.md).
  await ensureDemoUnits(services.units);
  for (const u of demoUsers) users[u.username] = await services.users.create(u);
  assertBenchDraftFits(catalogOf(services.policy));
  return {
    services,
    users,
    path: tmp.path,
    dir: tmp.dir,
    async close() {
      await services.writer.drain();
      database.close();
      removeTemp(tmp.dir);
    },
  };
}

/** A driver that calls the case service directly. */
export function serviceDriver(services: Services, users: Record<string, User>): CaseDriver {
  const user = (name: BenchUser) => users[name]!;
  return {
    reviewerId: user('reviewer1').id,
    async open(i) {
      const r = await services.cases.open(user('handler1'), benchDraft(i));
      if (!r.ok) throw new Error(`open refused: ${r.error.detail}`);
      return { id: r.value.id, draftHash: r.value.draft.hash };
    },
    async send(name, caseId, command) {
      const r = await services.cases.send(user(name), caseId, command);
      if (!r.ok) throw new Error(`${command.type} refused: ${r.error.detail}`);
    },
  };
}

/** Runs the lifecycles in-process at each concurrency level after a short warm-up. */
export async function runInProcess(
  levels: { clients: number; cases: number }[],
  warmupCases: number,
): Promise<(DriveResult & { foreignCores: number | null; cpuSeconds: number })[]> {
  const stack = await openInProcess('inprocess');
  try {
    const driver = serviceDriver(stack.services, stack.users);
    let first = 0;
    await driveLifecycles(driver, 16, warmupCases, first);
    first += warmupCases;
    const out: (DriveResult & { foreignCores: number | null; cpuSeconds: number })[] = [];
    for (const level of levels) {
      const monitor = startLoadMonitor();
      const cpu0 = process.cpuUsage();
      const result = await driveLifecycles(driver, level.clients, level.cases, first);
      const cpu = process.cpuUsage(cpu0);
      out.push({ ...result, foreignCores: monitor.stop().foreignCores, cpuSeconds: (cpu.user + cpu.system) / 1e6 });
      first += level.cases;
    }
    return out;
  } finally {
    await stack.close();
  }
}
