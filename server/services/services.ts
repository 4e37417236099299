// Wires the stores and services of one running instance around one database: the composition root
// shared by the HTTP server, the CLI, the benchmarks and the tests.
import type { InStatement } from '@libsql/client';
import type { Database } from '../../db/client.js';
import { createWriter, type Writer } from '../../db/writer.js';
import { createCaseStore, type CaseStore } from '../../db/case-store.js';
import { createUserStore, type UserStore } from '../../db/user-store.js';
import type { MajorCatalog } from '../../machines/major-catalog.js';
import { caseMachine } from '../../machines/case.machine.js';
import { loadPolicy } from '../policy/load-policy.js';
import type { Policy } from '../policy/policy.schema.js';
import { createCaseService, type AcceptedChange, type CaseService } from './case-service.js';

export interface Services {
  database: Database;
  writer: Writer;
  store: CaseStore;
  users: UserStore;
  cases: CaseService;
  policy: Policy;
  now: () => Date;
}

export interface ServiceOptions {
  now?: () => Date;
  policy?: Policy;
  machine?: typeof caseMachine;
  /** Effects committed with each accepted event (the deadline module registers here). */
  onAccepted?: ((change: AcceptedChange) => InStatement[])[];
}

/** Builds every service over an opened, migrated database. */
export async function createServices(database: Database, options: ServiceOptions = {}): Promise<Services> {
  const now = options.now ?? (() => new Date());
  const policy = options.policy ?? loadPolicy();
  const writer = await createWriter(database.client);
  const store = createCaseStore(database.client, writer);
  const users = createUserStore(database.client, now);
  const hooks = options.onAccepted ?? [];
  const cases = createCaseService({
    client: database.client, store, users, now, machine: options.machine,
    catalog: catalogOf(policy),
    onAccepted: (change) => hooks.flatMap((hook) => hook(change)),
  });
  return { database, writer, store, users, cases, policy, now };
}

/** The machine catalog from the policy file (the policy adds `basis` notes the machine does not need). */
export function catalogOf(policy: Policy): MajorCatalog {
  const { basis: _basis, ...catalog } = policy.majorCatalog as MajorCatalog & { basis?: unknown };
  return catalog;
}
