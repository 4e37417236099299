// The case as a stream of the command pipeline: how a case is loaded (cached; checked against the stored
// version first when other processes write the same database), which rule refuses a person or an event, how
// the machine moves it, and what an accepted event writes with it. Every decision here asks the machine's
// rule functions; none is made here.
import type { CaseMachine, CaseSnapshot } from '../../machines/case/case.machine.js';
import { machineRegistry } from '../../machines/registry.js';
import type { MachineRegistry } from '../../machines/shared/machine-versions.js';
import type { CaseEvent } from '../../machines/case/case.events.js';
import { draftOf, type DraftContent } from '../../machines/case/draft.schema.js';
import { refuseActor, refuseContent } from '../../machines/case/case.rules.js';
import type { CaseRow, CaseStore } from '../../db/cases/case-store.js';
import type { WriteEffect, WriteItem } from '../../db/core/writer.js';
import type { User, UserStore } from '../../db/users/user-store.js';
import type { StreamKind } from '../shared/command-pipeline.js';
import { createMachineStep, type MachineStep } from '../shared/machine-step.js';
import type { DomainError } from '../shared/result.js';
import { actorFor } from './actor.js';
import { toCaseMinimal, toCaseView, topState, type CaseAnswer, type CaseView } from './case-view.js';
import { probeEvent } from './case-probes.js';
import { cachedAllowedEvents } from './allowed-events-cache.js';
import type { Representation } from '../shared/command-pipeline.js';
import { nextCaseRow, refusedEntry, toWrite, type MachineRef } from './case-write.js';
import { documentKindOf, type DocumentIssuer } from '../documents/document-issuer.js';
import { machineFor, replayCase } from './replay.js';
import type { DeadlineView } from '../deadlines/deadline-view.js';

/** A loaded case: its row, its machine snapshot and its current draft. */
export interface LoadedCase {
  row: CaseRow;
  snapshot: CaseSnapshot;
  draft: DraftContent;
}

/** What an accepted transition looks like to an effect (deadlines, credential snapshots). */
export interface AcceptedChange {
  caseId: string;
  event: CaseEvent;
  before: CaseSnapshot | null;
  after: CaseSnapshot;
  at: string;
  /** The case version this change produces (1 for 立案), so effects can key caches to committed versions. */
  version: number;
  /** The person acting, as stored now (credential numbers for the audit snapshot). */
  user: User;
}

/** Rows committed in the same transaction as an accepted event; synchronous when it can be. */
export type CaseEffect = (change: AcceptedChange) => WriteEffect[] | Promise<WriteEffect[]>;

export interface CaseStreamDeps {
  store: CaseStore;
  users: UserStore;
  /** Every deployed machine version: each case runs under the one its row names (default: machines/registry.ts). */
  registry?: MachineRegistry;
  effects: CaseEffect[];
  /** The clocks a view of the case at `version` shows. */
  deadlines: (caseId: string, version: number) => DeadlineView[] | Promise<DeadlineView[]>;
  /** The clocks of several case versions in one read (a queue page's views). */
  deadlinesOfMany: (cases: readonly { caseId: string; version: number }[]) => Promise<Map<string, DeadlineView[]>>;
  /**
   * Other processes write this database too: a cached snapshot is used only while the stored version still
   * matches it (one indexed read), and a write conflict evicts it. Without, this process is the only writer
   * and its cache is the truth.
   */
  sharedWriters?: boolean;
  /** Issues the 审核意见书 and 决定书 (absent: events issue no documents). */
  documents?: DocumentIssuer;
}

/** Snapshots kept in memory; beyond this the least recently used is dropped. */
const CACHE_SIZE = 10_000;

/** Runs every effect; stays synchronous when every effect answered synchronously. */
export function runEffects(effects: CaseEffect[], change: AcceptedChange): WriteEffect[] | Promise<WriteEffect[]> {
  const results = effects.map((effect) => effect(change));
  return results.every(Array.isArray) ? (results as WriteEffect[][]).flat() : Promise.all(results).then((all) => all.flat());
}

/** Builds the case stream kind. */
export function createCaseStream(deps: CaseStreamDeps) {
  const registry = deps.registry ?? machineRegistry;
  /** The machine new cases open under, and its step. */
  const opening: MachineRef = { kind: 'case', version: registry.latest('case') };
  const steps = new Map<string, MachineStep<CaseMachine>>();
  /** The step of the machine `ref` names (built once per version). */
  const stepOf = (ref: MachineRef): MachineStep<CaseMachine> => {
    const key = `${ref.kind}@${ref.version}`;
    const found = steps.get(key) ?? createMachineStep(machineFor(registry, ref, key) as CaseMachine);
    steps.set(key, found);
    return found;
  };
  const refOf = (row: CaseRow): MachineRef => ({ kind: row.machineId, version: row.machineVersion });
  const machine = machineFor(registry, opening, 'new') as CaseMachine;
  const step = stepOf(opening);
  const cache = new Map<string, LoadedCase>();
  const remember = (loaded: LoadedCase) => {
    cache.delete(loaded.row.id);
    cache.set(loaded.row.id, loaded);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  };

  async function load(id: string): Promise<LoadedCase | null> {
    const hit = cache.get(id);
    if (hit && (!deps.sharedWriters || (await deps.store.version(id)) === hit.row.version)) return hit;
    const [row, draft] = await Promise.all([deps.store.get(id), deps.store.lastDraft(id)]);
    return row && draft ? loadedOf(row, draft.content as DraftContent) : null;
  }

  /**
   * The case of a row a list query has just read: the cached case when it is that very version, else built from
   * the row and its last draft, so a page of fifty does not read each case a second time.
   */
  async function loadRow(row: CaseRow): Promise<LoadedCase | null> {
    const hit = cache.get(row.id);
    if (hit && hit.row.version === row.version) return hit;
    const draft = await deps.store.lastDraft(row.id);
    return draft ? loadedOf(row, draft.content as DraftContent) : null;
  }

  function loadedOf(row: CaseRow, draft: DraftContent): LoadedCase | null {
    // Cases of another kind (查封扣押, machine_id 'coercion') have their own stream and API (server/coercion).
    if (row.machineId !== 'case') return null;
    const own = machineFor(registry, refOf(row), row.id) as CaseMachine;
    const snapshot = own.resolveState({ value: row.snapshot.value as never, context: row.snapshot.context as never });
    const loaded = { row, snapshot, draft };
    remember(loaded);
    return loaded;
  }

  /** The case for `actor`: whole (with its clocks), or the lean answer that reads no clocks. */
  function view(loaded: LoadedCase, actor: CaseEvent['actor'], at: string): CaseView | Promise<CaseView>;
  function view(
    loaded: LoadedCase,
    actor: CaseEvent['actor'],
    at: string,
    representation?: Representation,
  ): CaseAnswer | Promise<CaseAnswer>;
  function view(
    loaded: LoadedCase,
    actor: CaseEvent['actor'],
    at: string,
    representation?: Representation,
  ): CaseAnswer | Promise<CaseAnswer> {
    const { row, snapshot, draft } = loaded;
    if (representation === 'minimal') return toCaseMinimal(row, snapshot, draft, actor, at);
    const deadlines = deps.deadlines(row.id, row.version);
    return deadlines instanceof Promise
      ? deadlines.then((d) => toCaseView(row, snapshot, draft, actor, at, d))
      : toCaseView(row, snapshot, draft, actor, at, deadlines);
  }

  /** Whole views of several cases for one actor (a queue page), their clocks read together. */
  async function views(list: readonly LoadedCase[], actor: CaseEvent['actor'], at: string): Promise<CaseView[]> {
    const clocks = await deps.deadlinesOfMany(list.map(({ row }) => ({ caseId: row.id, version: row.version })));
    return list.map(({ row, snapshot, draft }) => toCaseView(row, snapshot, draft, actor, at, clocks.get(row.id) ?? []));
  }

  /** 422 (state), 422 (content), 409 (version), 409 (hash): why the machine did not take `event`. */
  function diagnose(loaded: LoadedCase, event: CaseEvent, ifMatch: number | undefined): DomainError {
    const { row, snapshot, draft } = loaded;
    // The state question is asked with a neutral probe: a period still running is the content rules' answer.
    if (!snapshot.can(probeEvent(event.type, event.actor, snapshot, draft, event.at, true))) {
      const allowed = cachedAllowedEvents(snapshot, event.actor, draft, event.at);
      const detail = `${event.type} is not allowed while the case is ${topState(snapshot.value)}.`;
      return { kind: 'invalid_transition', code: 'event_not_allowed', allowedEvents: allowed, detail };
    }
    const content = refuseContent(snapshot.context, event);
    if (content) return { kind: 'invalid_transition', ...content };
    if (ifMatch !== undefined && ifMatch !== row.version) {
      const detail = `If-Match ${ifMatch} does not match the case version ${row.version}.`;
      return { kind: 'conflict', code: 'version_mismatch', currentVersion: row.version, detail };
    }
    if (!snapshot.can(event)) {
      const detail = 'The draft hash is not the current approved draft of this case.';
      return { kind: 'conflict', code: 'stale_draft_hash', currentDraftHash: snapshot.context.draft.hash, detail };
    }
    throw new Error(`machine refused ${event.type} on case ${row.id} although every check passed`);
  }

  const kind: StreamKind<LoadedCase, CaseEvent, CaseAnswer> = {
    load,
    notFound: (id) => ({ kind: 'not_found', code: 'case_not_found', detail: `No case ${id}.` }),
    version: (loaded) => loaded.row.version,
    refusePerson(loaded, event) {
      const refusal = refuseActor(loaded.snapshot.context, event);
      return refusal ? { kind: 'forbidden', code: refusal.code, detail: refusal.detail } : null;
    },
    next(loaded, event) {
      // xstate returns the same snapshot when no transition is enabled.
      const after = stepOf(refOf(loaded.row)).next(loaded.snapshot, event);
      if (after === loaded.snapshot) return null;
      const draft = draftOf(event) ?? loaded.draft;
      return { row: nextCaseRow(loaded.row, after, draft, event.at), snapshot: after, draft };
    },
    diagnose,
    acceptedWrite(before, after, event, user): WriteItem | Promise<WriteItem> {
      const write = toWrite(before.row.id, after.row, event, before.snapshot, after.snapshot, after.draft);
      const change = {
        caseId: before.row.id,
        event,
        before: before.snapshot,
        after: after.snapshot,
        at: event.at,
        version: after.row.version,
        user,
      };
      const extra = runEffects(deps.effects, change);
      const kind = deps.documents ? documentKindOf(event) : null;
      if (kind && deps.documents) {
        // The document's number is drawn by the writer; its number and SHA-256 then go on the record entry.
        return Promise.all([extra, deps.documents.issue(kind, change, after.draft, write.entry)]).then(([e, numbering]) => ({
          ...deps.store.acceptedItem({ ...write, extra: e }),
          numbering,
        }));
      }
      return extra instanceof Promise
        ? extra.then((e) => deps.store.acceptedItem({ ...write, extra: e }))
        : deps.store.acceptedItem({ ...write, extra });
    },
    refusedEntry: (loaded, event, error) => refusedEntry(loaded.row.id, loaded.snapshot.context, event, error),
    committed: remember,
    evict: (id) => {
      cache.delete(id);
    },
    view,
    async answerAt(id, version, user, at, representation) {
      const loaded = await load(id);
      if (!loaded) return null;
      const actor = actorFor(user, at);
      if (loaded.row.version === version) return view(loaded, actor, at, representation);
      // The case moved on since: the first answer is the case as that command left it, rebuilt from the record.
      const entries = (await deps.store.events(id, false)).filter((e) => e.seq !== null && e.seq <= version);
      const snapshot = replayCase(id, entries, registry) as CaseSnapshot;
      const draftEntry = [...entries].reverse().find((e) => draftOf({ type: e.type, ...(e.payload as object) }) !== null)!;
      const draft = (draftEntry.payload as { draft: DraftContent }).draft;
      const row = { ...nextCaseRow(loaded.row, snapshot, draft, entries.at(-1)!.at), version };
      return view({ row, snapshot, draft }, actor, at, representation);
    },
  };

  return { kind, load, loadRow, view, views, machine, opening, registry, step, remember, store: deps.store };
}
export type CaseStream = ReturnType<typeof createCaseStream>;
