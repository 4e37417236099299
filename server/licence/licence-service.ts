// The 行政许可 (撤销 / 撤回) case service: opening (立案 of a 撤销 / 撤回 case), sending commands and reading a case, on the same
// command pipeline, writer and `cases` table as the penalty case. Refusals are recorded and change nothing.
// Order of checks: 404, 403 (person), 422 (state, then content), 409 (version, then draft hash).
import { randomUUID } from 'node:crypto';
import { refuseOpenedOn } from '../../machines/case/party.rules.js';
import { createMachineStep } from '../shared/machine-step.js';
import type { LicenceDraft } from '../../machines/licence/licence.draft.js';
import type { LicenceCatalog } from '../../machines/licence/licence.catalog.js';
import type { LicenceCommand } from '../../machines/licence/licence.events.js';
import { refuseLicenceOpening } from '../../machines/licence/licence.rules.js';
import { refuseLicenceDraft } from '../../machines/licence/licence.draft-rules.js';
import { licenceKind } from '../../machines/licence/licence.versions.js';
import type { LicenceMachine } from '../../machines/licence/licence.machine.js';
import type { MachineRegistry } from '../../machines/shared/machine-versions.js';
import type { CaseStore } from '../../db/cases/case-store.js';
import type { User, UserStore } from '../../db/users/user-store.js';
import type { WriteEffect } from '../../db/core/writer.js';
import type { CommandOptions, CommandPipeline, IdempotentRequest } from '../shared/command-pipeline.js';
import { fail, ok, type Result } from '../shared/result.js';
import type { CalendarService } from '../calendar/calendar-service.js';
import type { LicencePolicy } from '../policy/licence-policy.schema.js';
import { canReadCase } from '../access/access-rules.js';
import { actorFor } from '../cases/actor.js';
import { chinaDate } from '../deadlines/deadline-rules.js';
import { licenceClocks } from './licence-clocks.js';
import { createLicenceStamper } from './licence-stamps.js';
import { createLicenceStream, type LoadedLicence } from './licence-stream.js';
import { licenceWrite } from './licence-write.js';
import { nextCaseRow } from '../cases/case-write.js';
import { toLicenceView, type LicenceView } from './licence-view.js';
import type { LicenceEvent } from '../../machines/licence/licence.events.js';

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
  const version = deps.registry.latest(licenceKind);
  const step = createMachineStep(deps.registry.get(licenceKind, version) as LicenceMachine);
  const stamp = createLicenceStamper({ users: deps.users, calendar: deps.calendar, policy: deps.policy });
  async function view(loaded: LoadedLicence, actor: LicenceEvent['actor'], at: string): Promise<LicenceView> {
    const clocks = licenceClocks(await deps.calendar.calendar(), deps.policy, loaded.snapshot.context, chinaDate(at));
    return toLicenceView(loaded.row, loaded.snapshot, loaded.draft, actor, at, clocks);
  }
  const stream = createLicenceStream({ store: deps.store, registry: deps.registry, view, effects: deps.effects });

  return {
    /** 立案: a certified handler opens a case with its first draft (default 立案 date today). */
    open(user: User, draft: LicenceDraft, idempotency?: IdempotentRequest, openedOn?: string): Promise<Result<LicenceView>> {
      return deps.pipeline.create(stream.kind, user, { idempotency }, async (at) => {
        const actor = actorFor(user, at);
        const refusal = refuseLicenceOpening(actor);
        if (refusal) return { ok: false, error: { kind: 'forbidden', ...refusal } };
        const content = (openedOn === undefined ? null : refuseOpenedOn(openedOn, at)) ?? refuseLicenceDraft(draft, null);
        if (content) return { ok: false, error: { kind: 'invalid_transition', ...content } };
        const id = randomUUID();
        const catalog = licenceCatalogOf(deps.policy);
        const dated = openedOn === undefined ? {} : { openedOn };
        const snapshot = step.initial({ caseId: id, handlerId: user.id, draft, catalog, at, ...dated });
        const machine = { kind: licenceKind, version };
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
          ...licenceWrite(row, opening as never, null, snapshot, draft),
          extra: deps.effects(opening, user),
        });
        return { ok: true, id, item, commit: () => view({ row, snapshot, draft }, actor, at) };
      });
    },

    /** Sends one command for `user`; a case out of the user's reach is 404 like a missing one, and nothing is recorded. */
    async send(user: User, caseId: string, command: LicenceCommand, opts: CommandOptions = {}): Promise<Result<LicenceView>> {
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
          return stamp(command, actorFor(user, at), at);
        },
        opts,
      );
    },

    /** The case as `user` sees it now; 404 when it is missing, of another kind, or out of the user's reach. */
    async view(user: User, caseId: string): Promise<Result<LicenceView>> {
      const loaded = await stream.load(caseId);
      if (!loaded) return fail(stream.kind.notFound(caseId));
      const access = canReadCase(user, loaded.row);
      if (!access.ok) return fail(access.error);
      const at = deps.now().toISOString();
      return ok(await view(loaded, actorFor(user, at), at));
    },
  };
}
export type LicenceService = ReturnType<typeof createLicenceService>;
