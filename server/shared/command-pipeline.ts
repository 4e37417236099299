// The one command pipeline every stream (a case, an inquiry) shares: lock the stream, answer a repeated
// Idempotency-Key, load, check the person, let the machine move, say why when it did not, and write the
// record entry with everything that changes in one transaction. Invariant: a refusal writes only its
// refused record entry (and its idempotent answer); nothing else changes.
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../machines/case/case.events.js';
import { sha256Canonical } from '../../machines/shared/canonical-hash.js';
import type { RecordEntry } from '../../db/core/record-hash.js';
import type { WriteItem, Writer } from '../../db/core/writer.js';
import type { SqlStatement } from '../../db/core/sql.js';
import { retryingConflicts } from './write-conflicts.js';
import type { IdempotencyScope, IdempotencyStore } from '../../db/cases/idempotency-store.js';
import type { User } from '../../db/users/user-store.js';
import { createKeyedLock } from './keyed-lock.js';
import { fail, ok, type DomainError, type Result } from './result.js';

/** An event as the machine receives it: a command stamped with who sent it and when. */
export interface StampedEvent {
  type: string;
  actor: Actor;
  at: string;
}

/** What a stream kind tells the pipeline; `S` is its loaded state, `E` its events, `V` its view. */
export interface StreamKind<S, E extends StampedEvent, V> {
  load(id: string): Promise<S | null>;
  notFound(id: string): DomainError;
  version(state: S): number;
  /** 403: this person may not send this event on this stream (the machine's actor rules). */
  refusePerson(state: S, event: E): DomainError | null;
  /** The next state when the machine takes the event as sent, else null. */
  next(state: S, event: E): S | null;
  /** Why the machine did not take it (422 state or content, 409 version or hash), in that order. */
  diagnose(state: S, event: E, ifMatch: number | undefined): DomainError;
  /** The write for an accepted event: record entry, new snapshot, projections, effects. */
  acceptedWrite(before: S, after: S, event: E, user: User): WriteItem | Promise<WriteItem>;
  /** The record entry of a refused attempt. */
  refusedEntry(state: S, event: E, error: DomainError): RecordEntry;
  /** Called once the accepted write committed (e.g. to cache the new state). */
  committed(after: S): void;
  /** Forgets any cached state of stream `id`: another writer moved it (a write conflict said so). */
  evict?(id: string): void;
  /** The answer for `actor`: the whole resource, or the lean answer when `representation` is `minimal`. */
  view(state: S, actor: Actor, at: string, representation?: Representation): V | Promise<V>;
  /** The answer first given to `user` for an accepted command that produced `version` (a retried request). */
  answerAt(id: string, version: number, user: User, at: string, representation?: Representation): Promise<V | null>;
}

/** Any stream kind, as far as replaying an answer needs. */
// biome-ignore lint/suspicious/noExplicitAny: the replay path never touches the kind's state or event types.
type AnyKind<V> = StreamKind<any, any, V>;

/** An Idempotency-Key with the request it came with (IETF draft: the key means this one request). */
export interface IdempotentRequest {
  key: string;
  /** `METHOD /route/template`, e.g. `POST /cases/:id/events`. */
  route: string;
  body: unknown;
}

/** What creating a stream produced: its first write and answer, or a refusal (recorded when it names an entry). */
export type Creation<V> =
  | { ok: true; id: string; item: WriteItem; commit: () => V | Promise<V> }
  | { ok: false; error: DomainError; refused?: RecordEntry };

/**
 * How much of the resource an accepted command's answer carries (`Prefer: return=minimal`, RFC 7240): it
 * changes the answer only, never what the command does or what is stored for a repeat.
 */
export type Representation = 'full' | 'minimal';

/** Options of one command. */
export interface CommandOptions {
  ifMatch?: number;
  idempotency?: IdempotentRequest;
  /** Default `full`. */
  representation?: Representation;
}

export interface PipelineDeps {
  writer: Writer;
  idempotency: IdempotencyStore;
  now: () => Date;
  /** How long an idempotent answer is kept, in hours (policy). */
  retentionHours: number;
}

/** The 422 for a key reused with a different request (IETF draft §2.7). */
const keyReuse = (): DomainError => ({
  kind: 'invalid_transition',
  code: 'idempotency_key_reuse',
  detail: 'This Idempotency-Key was already used with a different request; use a new key for a new request.',
});

/**
 * `item` with `extra` statements after its own (the idempotent answer); the item itself when there are none,
 * the usual case: copying it costs microseconds on Node 20 (a spread adding a key takes V8's slow path).
 */
function withStatements(item: WriteItem, extra: SqlStatement[]): WriteItem {
  if (extra.length === 0) return item;
  const own = item.statements;
  return Object.assign({}, item, { statements: (ids: number[]) => [...(own?.(ids) ?? []), ...extra] });
}

/** Builds the pipeline over the writer and the idempotency store. */
export function createCommandPipeline(deps: PipelineDeps) {
  const withLock = createKeyedLock();
  const expiry = (at: string) => new Date(Date.parse(at) + deps.retentionHours * 3_600_000).toISOString();

  function scopeOf(user: User, stream: string, request: IdempotentRequest): IdempotencyScope {
    const [method = '', route = ''] = request.route.split(' ');
    return { userId: user.id, method, route, stream, key: request.key };
  }

  /** The stored answer for a repeated key, or null when the key is new. */
  async function replay<V>(
    kind: AnyKind<V>,
    user: User,
    scope: IdempotencyScope,
    fingerprint: string,
    representation?: Representation,
  ): Promise<Result<V> | null> {
    const at = deps.now().toISOString();
    const stored = await deps.idempotency.find(scope, at);
    if (!stored) return null;
    if (stored.fingerprint !== fingerprint) return fail(keyReuse());
    if (stored.error) return fail(stored.error as DomainError);
    const view = await kind.answerAt(stored.stream, stored.version ?? 0, user, at, representation);
    return view ? ok(view) : fail(kind.notFound(stored.stream));
  }

  return {
    /**
     * Sends one event to stream `id`. `stamp` builds the event from the time (and may fail validation,
     * e.g. an unknown reviewer). Commands on one stream run one at a time, so a repeated key waits for the
     * first and gets its answer.
     */
    async send<S, E extends StampedEvent, V>(
      kind: StreamKind<S, E, V>,
      user: User,
      id: string,
      stamp: (at: string) => Result<E> | Promise<Result<E>>,
      opts: CommandOptions = {},
    ): Promise<Result<V>> {
      const once = async (): Promise<Result<V>> => {
        const idem = opts.idempotency;
        const scope = idem ? scopeOf(user, id, idem) : undefined;
        const fingerprint = idem ? sha256Canonical(idem.body ?? null) : '';
        if (scope) {
          const earlier = await replay(kind as AnyKind<V>, user, scope, fingerprint, opts.representation);
          if (earlier) return earlier;
        }
        const state = await kind.load(id);
        if (!state) return fail(kind.notFound(id));
        const at = deps.now().toISOString();
        const stamped = await stamp(at);
        if (!stamped.ok) return stamped;
        const event = stamped.value;
        const answer = (version: number | null, error: DomainError | null) =>
          scope ? deps.idempotency.store(scope, fingerprint, { stream: id, version, error }, at, expiry(at)) : [];
        const refusal = kind.refusePerson(state, event);
        const versionMatches = opts.ifMatch === undefined || opts.ifMatch === kind.version(state);
        const after = refusal || !versionMatches ? null : kind.next(state, event);
        if (!after) {
          const error = refusal ?? kind.diagnose(state, event, opts.ifMatch);
          await deps.writer.write({ entries: [kind.refusedEntry(state, event, error)], statements: () => answer(null, error) });
          return fail(error);
        }
        const pending = kind.acceptedWrite(state, after, event, user);
        const item = pending instanceof Promise ? await pending : pending;
        const extra = answer(kind.version(after), null);
        await deps.writer.write(withStatements(item, extra));
        kind.committed(after);
        const view = kind.view(after, event.actor, event.at, opts.representation);
        return ok(view instanceof Promise ? await view : view);
      };
      return withLock(id, () => retryingConflicts(once, () => kind.evict?.(id)));
    },

    /**
     * Creates a new stream: `build` checks and returns the first write and the answer. Serialised per
     * idempotency scope (two requests with one key create one stream) and per `lock` when given.
     */
    async create<V>(
      kind: AnyKind<V>,
      user: User,
      opts: { idempotency?: IdempotentRequest; lock?: string; representation?: Representation },
      build: (at: string) => Promise<Creation<V>>,
    ): Promise<Result<V>> {
      const idem = opts.idempotency;
      const scope = idem ? scopeOf(user, '', idem) : undefined;
      const fingerprint = idem ? sha256Canonical(idem.body ?? null) : '';
      const lockKey = opts.lock ?? (scope ? `create:${sha256Canonical(scope)}` : `create:${randomUUID()}`);
      const once = async (): Promise<Result<V>> => {
        if (scope) {
          const earlier = await replay(kind, user, scope, fingerprint, opts.representation);
          if (earlier) return earlier;
        }
        const at = deps.now().toISOString();
        const built = await build(at);
        if (!built.ok) {
          // A refusal is recorded where it has a stream to be recorded on (a refused outcome, on its case).
          if (built.refused) await deps.writer.write({ entries: [built.refused] });
          return fail(built.error);
        }
        const { id, item, commit } = built;
        const extra = scope ? deps.idempotency.store(scope, fingerprint, { stream: id, version: 1, error: null }, at, expiry(at)) : [];
        await deps.writer.write(withStatements(item, extra));
        return ok(await commit());
      };
      return withLock(lockKey, () => retryingConflicts(once, () => {}));
    },
  };
}
export type CommandPipeline = ReturnType<typeof createCommandPipeline>;
