// The 行政强制执行 case service: the shared kind service (server/kinds/kind-service.ts) with the execution
// policy's catalog, stamps and clocks. Refusals are recorded and change nothing.
// Order of checks: 404, 403 (person), 422 (state, then content), 409 (version, then draft hash).
import type { ExecutionCatalog } from '../../machines/execution/execution.catalog.js';
import type { ExecutionCommand, ExecutionEvent } from '../../machines/execution/execution.events.js';
import type { MachineRegistry } from '../../machines/shared/machine-versions.js';
import type { CaseStore } from '../../db/cases/case-store.js';
import type { User, UserStore } from '../../db/users/user-store.js';
import type { WriteEffect } from '../../db/core/writer.js';
import type { CommandPipeline } from '../shared/command-pipeline.js';
import type { CalendarService } from '../calendar/calendar-service.js';
import type { ExecutionPolicy } from '../policy/execution-policy.schema.js';
import { chinaDate } from '../deadlines/deadline-rules.js';
import { createKindService } from '../kinds/kind-service.js';
import { executionClocks } from './execution-clocks.js';
import { executionSpec } from './execution-kind.js';
import { createExecutionStamper } from './execution-stamps.js';
import { toExecutionView, type ExecutionView } from './execution-view.js';

export interface ExecutionServiceDeps {
  pipeline: CommandPipeline;
  store: CaseStore;
  users: UserStore;
  registry: MachineRegistry;
  calendar: CalendarService;
  policy: ExecutionPolicy;
  /** Rows committed with every accepted event (the actor's credential snapshot). */
  effects: (event: Pick<ExecutionEvent, 'actor'>, user: User) => WriteEffect[];
  now: () => Date;
}

/** The catalog new cases open under (the policy adds `basis` notes the machine does not need). */
export function executionCatalogOf(policy: ExecutionPolicy): ExecutionCatalog {
  const { basis: _basis, ...catalog } = policy.catalog;
  return catalog;
}

/** Creates the execution case service. */
export function createExecutionService(deps: ExecutionServiceDeps) {
  const stamper = createExecutionStamper({ users: deps.users, calendar: deps.calendar, policy: deps.policy });
  return createKindService(executionSpec, {
    ...deps,
    catalog: executionCatalogOf(deps.policy),
    stamp: (loaded, command: ExecutionCommand, actor, at) => stamper(loaded.snapshot.context, command, actor, at),
    async view(loaded, actor, at): Promise<ExecutionView> {
      const clocks = executionClocks(await deps.calendar.calendar(), deps.policy, loaded.snapshot.context, chinaDate(at));
      return toExecutionView(loaded.row, loaded.snapshot, loaded.draft, actor, at, clocks);
    },
  }).service;
}
export type ExecutionService = ReturnType<typeof createExecutionService>;
