// The case service of a major-decision kind: opening (立案), sending commands and reading a case, on the same
// command pipeline, writer and `cases` table as the penalty case. Refusals are recorded and change nothing.
// Order of checks: 404, 403 (person), 422 (state, then content), 409 (version, then draft hash).
import { randomUUID } from 'node:crypto';
import type { AnyStateMachine } from 'xstate';
import { refuseOpenedOn } from '../../machines/case/party.rules.js';
import type { Actor } from '../../machines/case/case.events.js';
import type { User } from '../../db/users/user-store.js';
import type { WriteEffect } from '../../db/core/writer.js';
import type { CommandOptions, CommandPipeline, IdempotentRequest, StampedEvent } from '../shared/command-pipeline.js';
import { createMachineStep } from '../shared/machine-step.js';
import { fail, ok, type Result } from '../shared/result.js';
import { canReadCase } from '../access/access-rules.js';
import { actorFor } from '../cases/actor.js';
import { nextCaseRow } from '../cases/case-write.js';
import type { KindDraft, KindSnapshot, KindSpec, LoadedKind } from './kind-spec.js';
import { createKindStream, type KindStreamDeps } from './kind-stream.js';
import { kindWrite, type KindWriteEvent } from './kind-write.js';

export interface KindServiceDeps<S extends KindSnapshot, D extends KindDraft, E extends StampedEvent, C, V>
  extends KindStreamDeps<S, D, E, V> {
  pipeline: CommandPipeline;
  /** The catalog new cases open under (recorded on the opening entry for replay). */
  catalog: unknown;
  /** A command stamped into the machine's event (assignees, dates the policy fixes). */
  stamp: (loaded: LoadedKind<S, D>, command: C, actor: Actor, at: string) => Promise<Result<E>>;
  now: () => Date;
}

/** Creates the case service of one kind, and the stream it sends on (for a kind's own additions). */
export function createKindService<S extends KindSnapshot, D extends KindDraft, E extends StampedEvent, C, V>(
  spec: KindSpec<S, D, E>,
  deps: KindServiceDeps<S, D, E, C, V>,
) {
  const version = deps.registry.latest(spec.kind);
  const step = createMachineStep(deps.registry.get(spec.kind, version) as AnyStateMachine);
  const stream = createKindStream(spec, deps);
  const effects = (event: KindWriteEvent, user: User): WriteEffect[] => deps.effects(event as unknown as E, user);

  /** The opening row, snapshot and write of a new case `id`, under the latest machine version. */
  function opening(id: string, user: User, draft: D, actor: Actor, at: string, openedOn?: string) {
    const catalog = deps.catalog;
    const dated = openedOn === undefined ? {} : { openedOn };
    const snapshot = step.initial({ caseId: id, handlerId: user.id, draft, catalog, at, ...dated } as never) as unknown as S;
    const machine = { kind: spec.kind, version };
    const init = { id, handlerId: user.id, unitId: user.unitId, unitPath: user.unitPath, machine };
    const row = nextCaseRow(null, snapshot, draft, at, init);
    // The opening entry holds what replay needs: the draft, the catalog in force and the machine it runs under.
    const event = { type: 'case.open' as const, draft, catalog, actor, at, ...dated, unitId: user.unitId, machine };
    const item = deps.store.acceptedItem({ ...kindWrite(spec, row, event, null, snapshot, draft), extra: effects(event, user) });
    return { row, snapshot, item };
  }

  const service = {
    /** 立案: a certified handler opens a case with its first draft (default 立案 date today). */
    open(user: User, draft: D, idempotency?: IdempotentRequest, openedOn?: string): Promise<Result<V>> {
      return deps.pipeline.create(stream.kind, user, { idempotency }, async (at) => {
        const actor = actorFor(user, at);
        const refusal = spec.refuseOpening(actor);
        if (refusal) return { ok: false, error: { kind: 'forbidden', ...refusal } };
        const content = (openedOn === undefined ? null : refuseOpenedOn(openedOn, at)) ?? spec.refuseDraft(draft);
        if (content) return { ok: false, error: { kind: 'invalid_transition', ...content } };
        const id = randomUUID();
        const { row, snapshot, item } = opening(id, user, draft, actor, at, openedOn);
        return { ok: true, id, item, commit: () => deps.view({ row, snapshot, draft }, actor, at) };
      });
    },

    /** Sends one command for `user`; a case out of the user's reach is 404 like a missing one, and nothing is recorded. */
    async send(user: User, caseId: string, command: C, opts: CommandOptions = {}): Promise<Result<V>> {
      const loaded = await stream.load(caseId);
      const access = loaded ? canReadCase(user, loaded.row) : null;
      if (access && !access.ok) return fail(access.error);
      const stamped = async (at: string) => {
        const current = await stream.load(caseId);
        if (!current) return fail<E>(stream.kind.notFound(caseId));
        return deps.stamp(current, command, actorFor(user, at), at);
      };
      return deps.pipeline.send(stream.kind, user, caseId, stamped, opts);
    },

    /** The case as `user` sees it now; 404 when it is missing, of another kind, or out of the user's reach. */
    async view(user: User, caseId: string): Promise<Result<V>> {
      const loaded = await stream.load(caseId);
      if (!loaded) return fail(stream.kind.notFound(caseId));
      const access = canReadCase(user, loaded.row);
      if (!access.ok) return fail(access.error);
      const at = deps.now().toISOString();
      return ok(await deps.view(loaded, actorFor(user, at), at));
    },
  };
  return { service, stream };
}
