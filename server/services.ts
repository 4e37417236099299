// Wires the stores and services of one running instance around one database: the composition root
// shared by the HTTP server, the CLI, the benchmarks and the tests.
import type { WriteEffect } from '../db/core/writer.js';
import { localFilePath, type Database } from '../db/core/client.js';
import { createWriter, type Writer } from '../db/core/writer.js';
import { createCaseStore, type CaseStore } from '../db/cases/case-store.js';
import { createUserStore, type UserStore } from '../db/users/user-store.js';
import type { MajorCatalog } from '../machines/case/major-catalog.js';
import type { caseMachine } from '../machines/case/case.machine.js';
import { loadPolicy } from './policy/load-policy.js';
import type { Policy } from './policy/policy.schema.js';
import { createCaseService, type AcceptedChange, type CaseService } from './cases/case-service.js';
import type { CaseView } from './cases/case-view.js';

export interface Services {
  database: Database;
  writer: Writer;
  store: CaseStore;
  users: UserStore;
  cases: CaseService;
  policy: Policy;
  now: () => Date;
}

/** An effect hook: statements committed atomically with the accepted event; may read the database first. */
export type AcceptedHook = (change: AcceptedChange, services: Services) => WriteEffect[] | Promise<WriteEffect[]>;
/** Adds module data (e.g. deadlines) to every case view the case service returns. */
export type ViewDecorator = (view: CaseView, services: Services) => CaseView | Promise<CaseView>;

export interface ServiceOptions {
  now?: () => Date;
  policy?: Policy;
  machine?: typeof caseMachine;
  /** Effects committed with each accepted event (the deadline module registers here). */
  onAccepted?: AcceptedHook[];
  /** Decorators applied to each case view returned by open, send and view (the deadline module adds `deadlines`). */
  decorate?: ViewDecorator[];
}

/** Builds every service over an opened, migrated database. */
export async function createServices(database: Database, options: ServiceOptions = {}): Promise<Services> {
  const now = options.now ?? (() => new Date());
  const policy = options.policy ?? loadPolicy();
  const writer = await createWriter(database.client, { path: localFilePath(database.url) });
  const store = createCaseStore(database.client, writer);
  const users = createUserStore(database.client, now);
  const hooks = options.onAccepted ?? [];
  // Hooks receive the finished services object; they only run once an event arrives, after this returns.
  let services: Services | undefined;
  const cases = createCaseService({
    client: database.client,
    store,
    users,
    now,
    machine: options.machine,
    catalog: catalogOf(policy),
    // Synchronous hooks stay synchronous: each extra await lets the writer start its next batch without this write.
    onAccepted: (change) => {
      const results = hooks.map((hook) => hook(change, services!));
      return results.every(Array.isArray) ? (results as WriteEffect[][]).flat() : Promise.all(results).then((all) => all.flat());
    },
  });
  const decorators = options.decorate ?? [];
  const decorate = (view: CaseView): CaseView | Promise<CaseView> =>
    decorators.reduce<CaseView | Promise<CaseView>>(
      (out, decorator) => (out instanceof Promise ? out.then((v) => decorator(v, services!)) : decorator(out, services!)),
      view,
    );
  services = { database, writer, store, users, cases: decorators.length ? decorateViews(cases, decorate) : cases, policy, now };
  return services;
}

/** The case service with `decorate` applied to every successful view it returns (replays included). */
function decorateViews(cases: CaseService, decorate: (view: CaseView) => CaseView | Promise<CaseView>): CaseService {
  type Answer = Awaited<ReturnType<CaseService['view']>>;
  const after = (result: Answer): Answer | Promise<Answer> => {
    if (!result.ok) return result;
    const value = decorate(result.value);
    return value instanceof Promise ? value.then((v) => ({ ...result, value: v })) : { ...result, value };
  };
  // `views` calls `this.view`, so it picks up the decorated `view` below.
  return {
    ...cases,
    open: (...args) => cases.open(...args).then(after),
    send: (...args) => cases.send(...args).then(after),
    view: (...args) => cases.view(...args).then(after),
  };
}

/** The machine catalog from the policy file (the policy adds `basis` notes the machine does not need). */
export function catalogOf(policy: Policy): MajorCatalog {
  const { basis: _basis, ...catalog } = policy.majorCatalog as MajorCatalog & { basis?: unknown };
  return catalog;
}
