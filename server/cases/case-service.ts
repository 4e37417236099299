// The one path every change to a case takes (API, UI and scheduler alike): load the snapshot, check the
// person (403), the state (422) and the version or draft hash (409), apply one event purely, then commit
// record entry + snapshot + projections in one transaction. Refusals are recorded and change nothing.
import { randomUUID } from 'node:crypto';
import type { AnyMachineSnapshot } from 'xstate';
import type { Client } from '@libsql/client';
import type { WriteEffect } from '../../db/core/writer.js';
import { caseMachine } from '../../machines/case/case.machine.js';
import type { CaseContext } from '../../machines/case/case.context.js';
import type { Actor, CaseCommand, CaseEvent } from '../../machines/case/case.events.js';
import type { DraftContent } from '../../machines/case/draft.schema.js';
import { actingRole, refuseActor, refuseRole } from '../../machines/case/case.rules.js';
import type { MajorCatalog } from '../../machines/case/major-catalog.js';
import type { CaseRow, CaseStore } from '../../db/cases/case-store.js';
import type { RecordEntry } from '../../db/core/record-hash.js';
import type { User, UserStore } from '../../db/users/user-store.js';
import { findIdempotentAnswer, storeIdempotentAnswer } from '../../db/cases/idempotency-store.js';
import { actorFor } from './actor.js';
import { createKeyedLock } from '../shared/keyed-lock.js';
import { toCaseView, topState, type CaseView } from './case-view.js';
import { fail, ok, type DomainError, type Result } from '../shared/result.js';
import { payloadOf, toWrite } from './case-write.js';
import { nextCaseRow, pureTransition } from './case-step.js';

/** What an accepted transition looks like to effect hooks (deadlines, notifications). */
export interface AcceptedChange {
  caseId: string;
  event: CaseEvent;
  before: AnyMachineSnapshot | null;
  after: AnyMachineSnapshot;
  at: string;
  /** The case version this change produces (1 for 立案), so hooks can key caches to committed versions. */
  version: number;
  /** The person acting, as stored now (credential numbers for the audit snapshot); the system user for the scheduler. */
  user: User;
}

export interface CaseServiceDeps {
  client: Client;
  store: CaseStore;
  users: UserStore;
  catalog: MajorCatalog;
  now: () => Date;
  machine?: typeof caseMachine;
  /** Extra statements committed atomically with each accepted event (e.g. deadline rows). */
  onAccepted?: (change: AcceptedChange) => WriteEffect[] | Promise<WriteEffect[]>;
}

export interface SendOptions {
  ifMatch?: number;
  idempotencyKey?: string;
}

interface Loaded {
  row: CaseRow;
  snapshot: AnyMachineSnapshot;
  draft: DraftContent;
}

/** Creates the case service; it caches snapshots because it is the only writer of them in this process. */
export function createCaseService(deps: CaseServiceDeps) {
  const machine = deps.machine ?? caseMachine;
  const step = pureTransition(machine);
  const withLock = createKeyedLock();
  const cache = new Map<string, Loaded>();
  const remember = (id: string, loaded: Loaded) => {
    cache.delete(id);
    cache.set(id, loaded);
    if (cache.size > 10_000) cache.delete(cache.keys().next().value!);
  };

  async function load(id: string): Promise<Loaded | null> {
    const hit = cache.get(id);
    if (hit) return hit;
    const row = await deps.store.get(id);
    if (!row) return null;
    const snapshot = machine.resolveState({ value: row.snapshot.value as never, context: row.snapshot.context as unknown as CaseContext });
    const drafts = await deps.store.drafts(id);
    const loaded = { row, snapshot, draft: drafts[drafts.length - 1]!.content as DraftContent };
    remember(id, loaded);
    return loaded;
  }

  async function refuse(
    loaded: Loaded,
    event: CaseEvent,
    error: DomainError,
    idem?: { userId: string; key: string },
  ): Promise<Result<never>> {
    const c = loaded.snapshot.context as CaseContext;
    const entry: RecordEntry = {
      caseId: loaded.row.id,
      seq: null,
      type: event.type,
      payload: payloadOf(event),
      actorId: event.actor.id,
      actorRole: actingRole(event.actor, event.type),
      at: event.at,
      draftHash: c.draft.hash,
      accepted: false,
      refusal: { kind: error.kind, code: error.code, detail: error.detail },
    };
    const result = fail(error);
    if (idem) {
      await deps.store.appendRefusalWith(entry, [storeIdempotentAnswer(idem.userId, idem.key, result, event.at)]);
    } else {
      await deps.store.appendRefusal(entry);
    }
    return result;
  }

  async function apply(loaded: Loaded, event: CaseEvent, opts: SendOptions, user: User): Promise<Result<CaseView>> {
    const { row, snapshot } = loaded;
    const idem = opts.idempotencyKey ? { userId: user.id, key: opts.idempotencyKey } : undefined;
    const context = snapshot.context as CaseContext;
    const refusal = refuseActor(context, event);
    if (refusal) return refuse(loaded, event, { kind: 'forbidden', code: refusal.code, detail: refusal.detail }, idem);
    // Fast path: the machine takes the event as sent. xstate returns the same snapshot when nothing is enabled.
    const versionMatches = opts.ifMatch === undefined || opts.ifMatch === row.version;
    const after = versionMatches ? step.next(snapshot, event) : snapshot;
    if (after !== snapshot) return accept(loaded, event, after, user, idem);
    const probe = { ...event, ...('draftHash' in event ? { draftHash: context.draft.hash } : {}) } as CaseEvent;
    if (!snapshot.can(probe)) {
      const allowed = toCaseView(row, snapshot, loaded.draft, event.actor, event.at).allowedEvents;
      return refuse(
        loaded,
        event,
        {
          kind: 'invalid_transition',
          code: 'event_not_allowed',
          allowedEvents: allowed,
          detail: `${event.type} is not allowed while the case is ${topState(snapshot.value)}.`,
        },
        idem,
      );
    }
    if (opts.ifMatch !== undefined && opts.ifMatch !== row.version) {
      return refuse(
        loaded,
        event,
        {
          kind: 'conflict',
          code: 'version_mismatch',
          currentVersion: row.version,
          detail: `If-Match ${opts.ifMatch} does not match the case version ${row.version}.`,
        },
        idem,
      );
    }
    if (!snapshot.can(event)) {
      return refuse(
        loaded,
        event,
        {
          kind: 'conflict',
          code: 'stale_draft_hash',
          currentDraftHash: context.draft.hash,
          detail: 'The draft hash is not the current approved draft of this case.',
        },
        idem,
      );
    }
    throw new Error(`machine refused ${event.type} on case ${row.id} although every check passed`);
  }

  async function accept(
    loaded: Loaded,
    event: CaseEvent,
    after: AnyMachineSnapshot,
    user: User,
    idem?: { userId: string; key: string },
  ): Promise<Result<CaseView>> {
    const { row, snapshot } = loaded;
    const draft = event.type === 'draft.revise' ? event.draft : loaded.draft;
    const nextRow = nextCaseRow(row, after, draft, event.at);
    const view = toCaseView(nextRow, after, draft, event.actor, event.at);
    const hooked =
      deps.onAccepted?.({ caseId: row.id, event, before: snapshot, after, at: event.at, version: nextRow.version, user }) ?? [];
    const extra = [
      ...(Array.isArray(hooked) ? hooked : await hooked),
      ...(idem ? [storeIdempotentAnswer(idem.userId, idem.key, ok(view), event.at)] : []),
    ];
    await deps.store.appendAccepted({ ...toWrite(row.id, nextRow, event, snapshot, after, draft), extra });
    remember(row.id, { row: nextRow, snapshot: after, draft });
    return ok(view);
  }

  return {
    machine,

    /** 立案: a certified handler opens a case with its first draft. */
    async open(user: User, draft: DraftContent, idempotencyKey?: string): Promise<Result<CaseView>> {
      const at = deps.now().toISOString();
      const actor = actorFor(user, at);
      const roleRefusal = refuseRole(actor, 'draft.revise');
      if (roleRefusal) return fail({ kind: 'forbidden', code: roleRefusal.code, detail: 'Only handlers (承办人) open cases.' });
      if (!actor.certified)
        return fail({ kind: 'forbidden', code: 'no_certificate', detail: 'A valid enforcement certificate (执法证) is required.' });
      const key = idempotencyKey ? `open:${user.id}:${idempotencyKey}` : `open:${randomUUID()}`;
      return withLock(key, async () => {
        if (idempotencyKey) {
          const previous = await findIdempotentAnswer(deps.client, user.id, `open:${idempotencyKey}`);
          if (previous) return previous as Result<CaseView>;
        }
        const id = randomUUID();
        const snapshot = step.initial({ caseId: id, handlerId: user.id, draft, catalog: deps.catalog, at });
        const row = nextCaseRow(null, snapshot, draft, at, { id, handlerId: user.id });
        const event = { type: 'draft.revise', draft, actor, at } as CaseEvent;
        const view = toCaseView(row, snapshot, draft, actor, at);
        const hooked = deps.onAccepted?.({ caseId: id, event, before: null, after: snapshot, at, version: row.version, user }) ?? [];
        const extra = [
          ...(Array.isArray(hooked) ? hooked : await hooked),
          ...(idempotencyKey ? [storeIdempotentAnswer(user.id, `open:${idempotencyKey}`, ok(view), at)] : []),
        ];
        // The opening entry carries the catalog in force, so the record alone can rebuild the case.
        const opening = { ...event, type: 'case.open', catalog: deps.catalog } as never;
        await deps.store.appendAccepted({ ...toWrite(id, row, opening, null, snapshot, draft), extra });
        remember(id, { row, snapshot, draft });
        return ok(view);
      });
    },

    /** Sends one event for `user` (or the scheduler, through `actorOverride`). */
    async send(
      user: User,
      caseId: string,
      command: CaseCommand | { type: 'draft.revise'; draft: DraftContent },
      opts: SendOptions = {},
      actorOverride?: Actor,
    ): Promise<Result<CaseView>> {
      return withLock(caseId, async () => {
        if (opts.idempotencyKey) {
          const previous = await findIdempotentAnswer(deps.client, user.id, opts.idempotencyKey);
          if (previous) return previous as Result<CaseView>;
        }
        const loaded = await load(caseId);
        if (!loaded) return fail({ kind: 'not_found', code: 'case_not_found', detail: `No case ${caseId}.` });
        const at = deps.now().toISOString();
        const actor = actorOverride ?? actorFor(user, at);
        let event = { ...command, actor, at } as CaseEvent;
        if (command.type === 'review.assign') {
          const assignee = await deps.users.byId(command.reviewerId);
          if (!assignee) return fail({ kind: 'validation', code: 'unknown_reviewer', detail: `No user ${command.reviewerId}.` });
          event = {
            ...command,
            actor,
            at,
            assignee: { id: assignee.id, qualified: actorFor(assignee, at).qualified && assignee.roles.includes('reviewer') },
          };
        }
        return apply(loaded, event, opts, user);
      });
    },

    /** The case as `user` sees it now. */
    async view(user: User, caseId: string): Promise<Result<CaseView>> {
      const loaded = await load(caseId);
      if (!loaded) return fail({ kind: 'not_found', code: 'case_not_found', detail: `No case ${caseId}.` });
      const at = deps.now().toISOString();
      return ok(toCaseView(loaded.row, loaded.snapshot, loaded.draft, actorFor(user, at), at));
    },

    /** Views of many cases for one user (rows from a list query). */
    async views(user: User, rows: CaseRow[]): Promise<CaseView[]> {
      const out: CaseView[] = [];
      for (const row of rows) {
        const r = await this.view(user, row.id);
        if (r.ok) out.push(r.value);
      }
      return out;
    },
  };
}
export type CaseService = ReturnType<typeof createCaseService>;
