// The one path every change to a case takes (API, desk and scheduler alike): the command pipeline over the
// case stream. 立案 opens a case; `send` moves one; refusals are recorded and change nothing.
// Order of checks: 404, 403 (person), 422 (state, then content), 409 (version, then draft hash).
import { randomUUID } from 'node:crypto';
import type { Actor, CaseCommand, CaseEvent, SystemCommand } from '../../machines/case/case.events.js';
import type { DraftContent } from '../../machines/case/draft.schema.js';
import { refuseOpening } from '../../machines/case/case.rules.js';
import { refuseOpenedOn } from '../../machines/case/party.rules.js';
import type { MajorCatalog } from '../../machines/case/major-catalog.js';
import type { CaseProcedure } from '../../machines/case/case.context.js';
import type { CaseRow, CaseStore } from '../../db/cases/case-store.js';
import type { User, UserStore } from '../../db/users/user-store.js';
import type { CommandOptions, CommandPipeline, IdempotentRequest, Representation } from '../shared/command-pipeline.js';
import { fail, ok, type Result } from '../shared/result.js';
import type { CalendarService } from '../calendar/calendar-service.js';
import type { Policy } from '../policy/policy.schema.js';
import { actorFor, systemActor } from './actor.js';
import { createStamper, type DraftRevision } from './case-stamps.js';
import { runEffects, type CaseStream, type LoadedCase } from './case-stream.js';
import type { AnswerOf, CaseView } from './case-view.js';
import { nextCaseRow, toWrite, type OpeningEvent } from './case-write.js';
import { createMigrationKind } from './case-migration.js';
import { migrateEntryType } from './replay.js';
import { checkDraftFiles, stampEvidence, type EvidenceStampDeps } from '../evidence/evidence-stamp.js';
import { canReadCase } from '../access/access-rules.js';

export interface CaseServiceDeps {
  pipeline: CommandPipeline;
  stream: CaseStream;
  store: CaseStore;
  users: UserStore;
  catalog: MajorCatalog;
  /** The review procedure new cases open under (policy: sign-off, discussion quorum and seats). */
  procedure: CaseProcedure;
  effects: Parameters<typeof runEffects>[0];
  calendar: CalendarService;
  policy: Policy;
  /** Checks the evidence files an event cites and stamps its records (server/evidence). */
  evidence: EvidenceStampDeps;
  now: () => Date;
}

export type { DraftRevision } from './case-stamps.js';

/** The user the scheduler's commands are scoped to; its acting identity is `systemActor`. */
export const schedulerUser: User = {
  id: 'system',
  username: 'system',
  displayName: '期限调度 (deadline scheduler)',
  roles: [],
  certificateNo: null,
  certificateValidUntil: null,
  qualificationNo: null,
  qualificationValidUntil: null,
  active: true,
  unitId: null,
  unitPath: null,
  unitKind: null,
  email: null,
};

/** Creates the case service. */
export function createCaseService(deps: CaseServiceDeps) {
  const { pipeline, stream } = deps;
  const migration = createMigrationKind(stream, stream.registry);
  const stamp = createStamper({ users: deps.users, calendar: deps.calendar, policy: deps.policy, load: stream.load });

  /** The stamped event with its evidence files checked and its records stamped (422 for another case's file). */
  async function stampWithEvidence(
    caseId: string,
    command: CaseCommand | DraftRevision | SystemCommand,
    actor: Actor,
    at: string,
  ): Promise<Result<CaseEvent>> {
    const stamped = await stamp(caseId, command, actor, at);
    return stamped.ok ? stampEvidence(deps.evidence, caseId, stamped.value) : stamped;
  }

  return {
    machine: stream.machine,

    /** 立案: a certified handler opens a case with its first draft, on `openedOn` (the 立案 date, default today). */
    open<R extends Representation = 'full'>(
      user: User,
      draft: DraftContent,
      idempotency?: IdempotentRequest,
      openedOn?: string,
      representation?: R,
    ): Promise<Result<AnswerOf<R>>> {
      const answer = pipeline.create(stream.kind, user, { idempotency, representation }, async (at) => {
        const actor = actorFor(user, at);
        const refusal = refuseOpening(actor);
        if (refusal) return { ok: false, error: { kind: 'forbidden', code: refusal.code, detail: refusal.detail } };
        const late = openedOn === undefined ? null : refuseOpenedOn(openedOn, at);
        if (late) return { ok: false, error: { kind: 'invalid_transition', ...late } };
        const id = randomUUID();
        const files = await checkDraftFiles(deps.evidence.store, id, draft);
        if (!files.ok) return { ok: false, error: files.error };
        const dated = openedOn === undefined ? {} : { openedOn };
        const procedure = { procedure: deps.procedure };
        const snapshot = stream.step.initial({ caseId: id, handlerId: user.id, draft, catalog: deps.catalog, at, ...procedure, ...dated });
        // The case keeps the machine version it opens under; the record names it so replay picks the same one.
        const machine = stream.opening;
        const owner = { id, handlerId: user.id, unitId: user.unitId, unitPath: user.unitPath, machine };
        const row = nextCaseRow(null, snapshot, draft, at, owner);
        const opening: OpeningEvent = {
          type: 'case.open',
          draft,
          catalog: deps.catalog,
          ...procedure,
          actor,
          at,
          ...dated,
          unitId: user.unitId,
          machine,
        };
        const event = { type: 'draft.revise', draft, actor, at } as CaseEvent;
        const change = { caseId: id, event, before: null, after: snapshot, at, version: 1, user };
        const extra = await runEffects(deps.effects, change);
        const item = deps.store.acceptedItem({ ...toWrite(id, row, opening, null, snapshot, draft), extra });
        const loaded = { row, snapshot, draft };
        const commit = () => {
          stream.remember(loaded);
          return stream.view(loaded, actor, at, representation);
        };
        return { ok: true, id, item, commit };
      });
      return answer as Promise<Result<AnswerOf<R>>>;
    },

    /** Sends one command for `user`; a case out of the user's reach is 404 like a missing one, and nothing is recorded. */
    async send<R extends Representation = 'full'>(
      user: User,
      caseId: string,
      command: CaseCommand | DraftRevision,
      opts: CommandOptions & { representation?: R } = {},
    ): Promise<Result<AnswerOf<R>>> {
      // A case's unit never changes and review only widens who sees it, so checking before the lock is safe.
      const loaded = await stream.load(caseId);
      const access = loaded ? canReadCase(user, loaded.row) : null;
      if (access && !access.ok) return fail(access.error);
      const stamped = (at: string) => stampWithEvidence(caseId, command, actorFor(user, at), at);
      return (await pipeline.send(stream.kind, user, caseId, stamped, opts)) as Result<AnswerOf<R>>;
    },

    /** Sends a command as the deadline scheduler (`system`: it may only record lapses and notices). */
    sendAsSystem(caseId: string, command: SystemCommand | { type: 'rights.lapse' }, opts: CommandOptions = {}): Promise<Result<CaseView>> {
      const stamped = (at: string) => stampWithEvidence(caseId, command, systemActor, at);
      return pipeline.send(stream.kind, schedulerUser, caseId, stamped, { ...opts, representation: 'full' }) as Promise<Result<CaseView>>;
    },

    /** Moves a case to version `toVersion` of its machine (an administrator; only where a mapping is documented). */
    migrate(user: User, caseId: string, toVersion: number, opts: CommandOptions = {}): Promise<Result<CaseView>> {
      const stamp = (at: string) => ok({ type: migrateEntryType, toVersion, actor: actorFor(user, at), at });
      return pipeline.send(migration, user, caseId, stamp, { ...opts, representation: 'full' }) as Promise<Result<CaseView>>;
    },

    /** The loaded case (snapshot and current draft), for reads that build on it (the publication preview). */
    load: (caseId: string) => stream.load(caseId),

    /** The case as `user` sees it now; 404 when it is missing or out of the user's reach (`canReadCase`). */
    async view(user: User, caseId: string): Promise<Result<CaseView>> {
      const loaded = await stream.load(caseId);
      if (!loaded) return fail(stream.kind.notFound(caseId));
      const access = canReadCase(user, loaded.row);
      if (!access.ok) return fail(access.error);
      const at = deps.now().toISOString();
      return ok(await stream.view(loaded, actorFor(user, at), at));
    },

    /** Views of many cases for one user (rows from a list query). */
    async views(user: User, rows: CaseRow[]): Promise<CaseView[]> {
      const at = deps.now().toISOString();
      const actor = actorFor(user, at);
      const readable: LoadedCase[] = [];
      for (const row of rows) {
        const loaded = await stream.loadRow(row);
        if (loaded && canReadCase(user, loaded.row).ok) readable.push(loaded);
      }
      return stream.views(readable, actor, at);
    },
  };
}
export type CaseService = ReturnType<typeof createCaseService>;
