// The 行政许可 (撤销 / 撤回) case service: the shared kind service (server/kinds/kind-service.ts) with the licence
// policy's catalog, stamps and clocks. Refusals are recorded and change nothing.
// Order of checks: 404, 403 (person), 422 (state, then content), 409 (version, then draft hash).
import type { LicenceCatalog } from '../../machines/licence/licence.catalog.js';
import type { LicenceCommand, LicenceEvent } from '../../machines/licence/licence.events.js';
import type { MachineRegistry } from '../../machines/shared/machine-versions.js';
import type { CaseStore } from '../../db/cases/case-store.js';
import type { User, UserStore } from '../../db/users/user-store.js';
import type { WriteEffect } from '../../db/core/writer.js';
import type { CommandPipeline } from '../shared/command-pipeline.js';
import type { CalendarService } from '../calendar/calendar-service.js';
import type { LicencePolicy } from '../policy/licence-policy.schema.js';
import { chinaDate } from '../deadlines/deadline-rules.js';
import { createKindService } from '../kinds/kind-service.js';
import { licenceClocks } from './licence-clocks.js';
import { licenceSpec } from './licence-kind.js';
import { createLicenceStamper } from './licence-stamps.js';
import { toLicenceView, type LicenceView } from './licence-view.js';

export interface LicenceServiceDeps {
  pipeline: CommandPipeline;
  store: CaseStore;
  users: UserStore;
  registry: MachineRegistry;
  calendar: CalendarService;
  policy: LicencePolicy;
  /** Rows committed with every accepted event (the actor's credential snapshot). */
  effects: (event: Pick<LicenceEvent, 'actor'>, user: User) => WriteEffect[];
  now: () => Date;
}

/** The catalog new cases open under (the policy adds `basis` notes the machine does not need). */
export function licenceCatalogOf(policy: LicencePolicy): LicenceCatalog {
  const { basis: _basis, ...catalog } = policy.catalog;
  return catalog;
}

/** Creates the licence case service. */
export function createLicenceService(deps: LicenceServiceDeps) {
  const stamper = createLicenceStamper({ users: deps.users, calendar: deps.calendar, policy: deps.policy });
  return createKindService(licenceSpec, {
    ...deps,
    catalog: licenceCatalogOf(deps.policy),
    stamp: (_loaded, command: LicenceCommand, actor, at) => stamper(command, actor, at),
    async view(loaded, actor, at): Promise<LicenceView> {
      const clocks = licenceClocks(await deps.calendar.calendar(), deps.policy, loaded.snapshot.context, chinaDate(at));
      return toLicenceView(loaded.row, loaded.snapshot, loaded.draft, actor, at, clocks);
    },
  }).service;
}
export type LicenceService = ReturnType<typeof createLicenceService>;
