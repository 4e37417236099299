// The 行政强制执行 case service: opening (立案 of the execution), sending commands and reading a case, on the same
// command pipeline, writer and `cases` table as the penalty case. Refusals are recorded and change nothing.
// Order of checks: 404, 403 (person), 422 (state, then content), 409 (version, then draft hash).
import { randomUUID } from 'node:crypto';
import { refuseOpenedOn } from '../../machines/case/party.rules.js';
import { createMachineStep } from '../shared/machine-step.js';
import type { ExecutionDraft } from '../../machines/execution/execution.draft.js';
import type { ExecutionCatalog } from '../../machines/execution/execution.catalog.js';
import type { ExecutionCommand } from '../../machines/execution/execution.events.js';
import { refuseExecutionOpening } from '../../machines/execution/execution.rules.js';
import { refuseExecutionDraft } from '../../machines/execution/execution.content.js';
import { executionKind } from '../../machines/execution/execution.versions.js';
import type { ExecutionMachine } from '../../machines/execution/execution.machine.js';
import type { MachineRegistry } from '../../machines/shared/machine-versions.js';
import type { CaseStore } from '../../db/cases/case-store.js';
import type { User, UserStore } from '../../db/users/user-store.js';
import type { WriteEffect } from '../../db/core/writer.js';
import type { CommandOptions, CommandPipeline, IdempotentRequest } from '../shared/command-pipeline.js';
import { fail, ok, type Result } from '../shared/result.js';
import type { CalendarService } from '../calendar/calendar-service.js';
import type { ExecutionPolicy } from '../policy/execution-policy.schema.js';
import { canReadCase } from '../access/access-rules.js';
import { actorFor } from '../cases/actor.js';
import { chinaDate } from '../deadlines/deadline-rules.js';
import { executionClocks } from './execution-clocks.js';
import { createExecutionStamper } from './execution-stamps.js';
import { createExecutionStream, type LoadedExecution } from './execution-stream.js';
import { executionWrite } from './execution-write.js';
import { nextCaseRow } from '../cases/case-write.js';
import { toExecutionView, type ExecutionView } from './execution-view.js';
import type { ExecutionEvent } from '../../machines/execution/execution.events.js';

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
  const version = deps.registry.latest(executionKind);
  const step = createMachineStep(deps.registry.get(executionKind, version) as ExecutionMachine);
  const stamp = createExecutionStamper({ users: deps.users, calendar: deps.calendar, policy: deps.policy });
  async function view(loaded: LoadedExecution, actor: ExecutionEvent['actor'], at: string): Promise<ExecutionView> {
    const clocks = executionClocks(await deps.calendar.calendar(), deps.policy, loaded.snapshot.context, chinaDate(at));
    return toExecutionView(loaded.row, loaded.snapshot, loaded.draft, actor, at, clocks);
  }
  const stream = createExecutionStream({ store: deps.store, registry: deps.registry, view, effects: deps.effects });

  return {
    /** 立案 of an execution: a certified handler opens a case with its first draft (default 立案 date today). */
    open(user: User, draft: ExecutionDraft, idempotency?: IdempotentRequest, openedOn?: string): Promise<Result<ExecutionView>> {
      return deps.pipeline.create(stream.kind, user, { idempotency }, async (at) => {
        const actor = actorFor(user, at);
        const refusal = refuseExecutionOpening(actor);
        if (refusal) return { ok: false, error: { kind: 'forbidden', ...refusal } };
        const content = (openedOn === undefined ? null : refuseOpenedOn(openedOn, at)) ?? refuseExecutionDraft(draft);
        if (content) return { ok: false, error: { kind: 'invalid_transition', ...content } };
        const id = randomUUID();
        const catalog = executionCatalogOf(deps.policy);
        const dated = openedOn === undefined ? {} : { openedOn };
        const snapshot = step.initial({ caseId: id, handlerId: user.id, draft, catalog, at, ...dated });
        const machine = { kind: executionKind, version };
        const row = nextCaseRow(null, snapshot, draft, at, {
          id,
          handlerId: user.id,
          unitId: user.unitId,
          unitPath: user.unitPath,
          machine,
        });
        // The opening entry holds what replay needs: the draft, the catalog in force and the machine it runs under.
        const opening = { type: 'case.open' as const, draft, catalog, actor, at, ...dated, unitId: user.unitId, machine };
        const item = deps.store.acceptedItem({
          ...executionWrite(row, opening as never, null, snapshot, draft),
          extra: deps.effects(opening, user),
        });
        return { ok: true, id, item, commit: () => view({ row, snapshot, draft }, actor, at) };
      });
    },

    /** Sends one command for `user`; a case out of the user's reach is 404 like a missing one, and nothing is recorded. */
    async send(user: User, caseId: string, command: ExecutionCommand, opts: CommandOptions = {}): Promise<Result<ExecutionView>> {
      const loaded = await stream.load(caseId);
      const access = loaded ? canReadCase(user, loaded.row) : null;
      if (access && !access.ok) return fail(access.error);
      return deps.pipeline.send(
        stream.kind,
        user,
        caseId,
        async (at) => {
          const current = await stream.load(caseId);
          if (!current) return fail(stream.kind.notFound(caseId));
          return stamp(current.snapshot.context, command, actorFor(user, at), at);
        },
        opts,
      );
    },

    /** The case as `user` sees it now; 404 when it is missing, of another kind, or out of the user's reach. */
    async view(user: User, caseId: string): Promise<Result<ExecutionView>> {
      const loaded = await stream.load(caseId);
      if (!loaded) return fail(stream.kind.notFound(caseId));
      const access = canReadCase(user, loaded.row);
      if (!access.ok) return fail(access.error);
      const at = deps.now().toISOString();
      return ok(await view(loaded, actorFor(user, at), at));
    },
  };
}
export type ExecutionService = ReturnType<typeof createExecutionService>;
