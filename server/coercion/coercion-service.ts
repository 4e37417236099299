// The 查封、扣押 case service: the shared kind service (server/kinds/kind-service.ts) with the measure's clocks
// committed with each accepted event, and the scheduler's clock notices sent as the system.
// Order of checks: 404, 403 (person), 422 (state, then content), 409 (version, then draft hash).
import type { CoercionCatalog } from '../../machines/coercion/coercion.catalog.js';
import type { CoercionCommand, CoercionEvent } from '../../machines/coercion/coercion.events.js';
import type { SystemCommand } from '../../machines/case/case.events.js';
import type { MachineRegistry } from '../../machines/shared/machine-versions.js';
import type { CaseStore } from '../../db/cases/case-store.js';
import type { User, UserStore } from '../../db/users/user-store.js';
import type { WriteEffect } from '../../db/core/writer.js';
import type { CommandOptions, CommandPipeline } from '../shared/command-pipeline.js';
import { ok, type Result } from '../shared/result.js';
import type { CalendarService } from '../calendar/calendar-service.js';
import type { CoercionPolicy } from '../policy/coercion-policy.schema.js';
import { systemActor } from '../cases/actor.js';
import { schedulerUser } from '../cases/case-service.js';
import { chinaDate } from '../deadlines/deadline-rules.js';
import { createKindService } from '../kinds/kind-service.js';
import type { CoercionClockEffect } from './coercion-clock-effect.js';
import { coercionClocks } from './coercion-clocks.js';
import { coercionSpec } from './coercion-kind.js';
import { createCoercionStamper } from './coercion-stamps.js';
import { toCoercionView, type CoercionView } from './coercion-view.js';

export interface CoercionServiceDeps {
  pipeline: CommandPipeline;
  store: CaseStore;
  users: UserStore;
  registry: MachineRegistry;
  calendar: CalendarService;
  policy: CoercionPolicy;
  /** Rows committed with every accepted event (the actor's credential snapshot). */
  effects: (event: Pick<CoercionEvent, 'actor'>, user: User) => WriteEffect[];
  /** The clocks as `deadlines` rows, and the inbox rows of their notices (coercion-clock-effect.ts). */
  clocks: CoercionClockEffect;
  now: () => Date;
}

/** The catalog new cases open under (the policy adds `basis` notes the machine does not need). */
export function coercionCatalogOf(policy: CoercionPolicy): CoercionCatalog {
  const { basis: _basis, ...catalog } = policy.catalog;
  return catalog;
}

/** Creates the coercion case service. */
export function createCoercionService(deps: CoercionServiceDeps) {
  const stamper = createCoercionStamper({ users: deps.users, calendar: deps.calendar, policy: deps.policy });
  const { service, stream } = createKindService(coercionSpec, {
    ...deps,
    catalog: coercionCatalogOf(deps.policy),
    stamp: (loaded, command: CoercionCommand, actor, at) => stamper(loaded.snapshot.context, command, actor, at),
    async view(loaded, actor, at): Promise<CoercionView> {
      const clocks = coercionClocks(await deps.calendar.calendar(), deps.policy, loaded.snapshot.context, chinaDate(at));
      return toCoercionView(loaded.row, loaded.snapshot, loaded.draft, actor, at, clocks);
    },
  });
  return {
    ...service,
    /** The scheduler's notice of a clock (deadline.notify), recorded as the system like a penalty case's. */
    sendAsSystem(caseId: string, command: SystemCommand, opts: CommandOptions = {}): Promise<Result<CoercionView>> {
      const stamped = (at: string) => ok({ ...command, actor: systemActor, at });
      return deps.pipeline.send(stream.kind, schedulerUser, caseId, stamped, opts);
    },
  };
}
export type CoercionService = ReturnType<typeof createCoercionService>;
