// The parts every major-decision kind's case view shares: the events a caller may send now (asked of the machine
// with the kind's probes), the fields before the kind's own and those after. Invariant: a view offers only
// events the kind's actor rules and machine both take.
import type { Actor } from '../../machines/case/case.events.js';
import type { CaseRow } from '../../db/cases/case-store.js';
import { topState } from '../cases/case-view.js';

/** The kind's rules the allowed events are asked of. */
export interface KindEventRules<S extends { status: string; context: unknown; can(event: never): boolean }, D, T extends string, E> {
  eventTypes: readonly T[];
  hasRoleFor(actor: Actor, type: T): boolean;
  probe(type: T, actor: Actor, snapshot: S, draft: D, at: string): E;
  refuseActor(context: S['context'], event: E): unknown;
}

/** Event types `actor` may send now: permitted for this person on this case, and enabled in this state. */
export function kindAllowedEvents<S extends { status: string; context: unknown; can(event: never): boolean }, D, T extends string, E>(
  rules: KindEventRules<S, D, T, E>,
  snapshot: S,
  actor: Actor,
  draft: D,
  at: string,
): T[] {
  if (snapshot.status !== 'active') return [];
  return rules.eventTypes.filter((type) => {
    if (!rules.hasRoleFor(actor, type)) return false;
    const probe = rules.probe(type, actor, snapshot, draft, at);
    return rules.refuseActor(snapshot.context, probe) === null && snapshot.can(probe as never);
  });
}

interface HeadContext {
  major: unknown;
  draft: { version: number; hash: string };
  handlerId: string;
  reviewerId: string | null;
  attestation: unknown;
  review: unknown;
  reviewRounds: unknown;
  decision: unknown;
}

/** The fields before the kind's own, typed as the kind's context has them. */
export type KindViewHead<K extends string, C extends HeadContext, D, T extends string> = Pick<
  C,
  'major' | 'handlerId' | 'reviewerId' | 'attestation' | 'review' | 'reviewRounds' | 'decision'
> & {
  id: string;
  kind: K;
  machine: { kind: string; version: number };
  title: string;
  state: string;
  stateValue: unknown;
  version: number;
  draft: { version: number; hash: string } & D;
  allowedEvents: T[];
};

/** The view's fields before the kind's own: identity, state, draft, allowed events, review and decision. */
export function kindViewHead<K extends string, C extends HeadContext, D extends { title: string }, T extends string>(
  kind: K,
  row: CaseRow,
  snapshot: { value: unknown; context: C },
  draft: D,
  allowedEvents: T[],
): KindViewHead<K, C, D, T> {
  const c = snapshot.context;
  return {
    id: row.id,
    kind,
    machine: { kind: row.machineId, version: row.machineVersion },
    title: draft.title,
    state: topState(snapshot.value),
    stateValue: snapshot.value as unknown,
    version: row.version,
    major: c.major,
    draft: { version: c.draft.version, hash: c.draft.hash, ...draft },
    allowedEvents,
    handlerId: c.handlerId,
    reviewerId: c.reviewerId,
    attestation: c.attestation,
    review: c.review,
    reviewRounds: c.reviewRounds,
    decision: c.decision,
  };
}

interface TailContext {
  duties: unknown;
  openedAt: unknown;
  openedOn: unknown;
  endedAt: unknown;
}

/** The view's fields after the kind's own: duties, clocks (overdue when any is), and the case's dates. */
export function kindViewTail<C extends TailContext, K extends { overdue: boolean }>(
  row: CaseRow,
  c: C,
  clocks: K[],
): Pick<C, 'duties' | 'openedAt' | 'openedOn' | 'endedAt'> & { clocks: K[]; overdue: boolean; createdAt: string; updatedAt: string } {
  return {
    duties: c.duties,
    clocks,
    /** Any clock past its last day while running, or stopped late. */
    overdue: clocks.some((k) => k.overdue),
    openedAt: c.openedAt,
    openedOn: c.openedOn,
    endedAt: c.endedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
