// The 查封、扣押 case service: opening (立案 of the measure), sending commands and reading a case, on the same
// command pipeline, writer and `cases` table as the penalty case. Refusals are recorded and change nothing.
// Order of checks: 404, 403 (person), 422 (state, then content), 409 (version, then draft hash).
import { randomUUID } from 'node:crypto';
import { refuseOpenedOn } from '../../machines/case/party.rules.js';
import { createMachineStep } from '../shared/machine-step.js';
import type { CoercionDraft } from '../../machines/coercion/coercion.draft.js';
import type { CoercionCatalog } from '../../machines/coercion/coercion.catalog.js';
import type { CoercionCommand } from '../../machines/coercion/coercion.events.js';
import { refuseCoercionDraft, refuseCoercionOpening } from '../../machines/coercion/coercion.rules.js';
import { coercionKind } from '../../machines/coercion/coercion.versions.js';
import type { CoercionMachine } from '../../machines/coercion/coercion.machine.js';
import type { MachineRegistry } from '../../machines/shared/machine-versions.js';
import type { CaseStore } from '../../db/cases/case-store.js';
import type { User, UserStore } from '../../db/users/user-store.js';
import type { WriteEffect } from '../../db/core/writer.js';
import type { CommandOptions, CommandPipeline, IdempotentRequest } from '../shared/command-pipeline.js';
import { fail, ok, type Result } from '../shared/result.js';
import type { CalendarService } from '../calendar/calendar-service.js';
import type { CoercionPolicy } from '../policy/coercion-policy.schema.js';
import { canReadCase } from '../access/access-rules.js';
import { actorFor, systemActor } from '../cases/actor.js';
import { schedulerUser } from '../cases/case-service.js';
import type { SystemCommand } from '../../machines/case/case.events.js';
import type { CoercionClockEffect } from './coercion-clock-effect.js';
import { chinaDate } from '../deadlines/deadline-rules.js';
import { coercionClocks } from './coercion-clocks.js';
import { createCoercionStamper } from './coercion-stamps.js';
import { createCoercionStream, type LoadedCoercion } from './coercion-stream.js';
import { coercionWrite } from './coercion-write.js';
import { nextCaseRow } from '../cases/case-write.js';
import { toCoercionView, type CoercionView } from './coercion-view.js';
import type { CoercionEvent } from '../../machines/coercion/coercion.events.js';

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
  const version = deps.registry.latest(coercionKind);
  const step = createMachineStep(deps.registry.get(coercionKind, version) as CoercionMachine);
  const stamp = createCoercionStamper({ users: deps.users, calendar: deps.calendar, policy: deps.policy });
  async function view(loaded: LoadedCoercion, actor: CoercionEvent['actor'], at: string): Promise<CoercionView> {
    const clocks = coercionClocks(await deps.calendar.calendar(), deps.policy, loaded.snapshot.context, chinaDate(at));
    return toCoercionView(loaded.row, loaded.snapshot, loaded.draft, actor, at, clocks);
  }
  const stream = createCoercionStream({ store: deps.store, registry: deps.registry, view, effects: deps.effects, clocks: deps.clocks });

  return {
    /** 立案 of a measure: a certified handler opens a case with its first draft (default 立案 date today). */
    open(user: User, draft: CoercionDraft, idempotency?: IdempotentRequest, openedOn?: string): Promise<Result<CoercionView>> {
      return deps.pipeline.create(stream.kind, user, { idempotency }, async (at) => {
        const actor = actorFor(user, at);
        const refusal = refuseCoercionOpening(actor);
        if (refusal) return { ok: false, error: { kind: 'forbidden', ...refusal } };
        const content = (openedOn === undefined ? null : refuseOpenedOn(openedOn, at)) ?? refuseCoercionDraft(draft);
        if (content) return { ok: false, error: { kind: 'invalid_transition', ...content } };
        const id = randomUUID();
        const catalog = coercionCatalogOf(deps.policy);
        const dated = openedOn === undefined ? {} : { openedOn };
        const snapshot = step.initial({ caseId: id, handlerId: user.id, draft, catalog, at, ...dated });
        const machine = { kind: coercionKind, version };
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
          ...coercionWrite(row, opening as never, null, snapshot, draft),
          extra: deps.effects(opening, user),
        });
        return { ok: true, id, item, commit: () => view({ row, snapshot, draft }, actor, at) };
      });
    },

    /** Sends one command for `user`; a case out of the user's reach is 404 like a missing one, and nothing is recorded. */
    async send(user: User, caseId: string, command: CoercionCommand, opts: CommandOptions = {}): Promise<Result<CoercionView>> {
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

    /** The scheduler's notice of a clock (deadline.notify), recorded as the system like a penalty case's. */
    sendAsSystem(caseId: string, command: SystemCommand, opts: CommandOptions = {}): Promise<Result<CoercionView>> {
      const stamped = (at: string) => ok({ ...command, actor: systemActor, at });
      return deps.pipeline.send(stream.kind, schedulerUser, caseId, stamped, opts);
    },

    /** The case as `user` sees it now; 404 when it is missing, of another kind, or out of the user's reach. */
    async view(user: User, caseId: string): Promise<Result<CoercionView>> {
      const loaded = await stream.load(caseId);
      if (!loaded) return fail(stream.kind.notFound(caseId));
      const access = canReadCase(user, loaded.row);
      if (!access.ok) return fail(access.error);
      const at = deps.now().toISOString();
      return ok(await view(loaded, actorFor(user, at), at));
    },
  };
}
export type CoercionService = ReturnType<typeof createCoercionService>;
