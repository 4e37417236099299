// What a 查封、扣押 case looks like to one caller: state, draft, classification, review, decision, the measure's
// period and its clocks, and the events that caller may send now (asked of the machine with probes).
import type { Actor } from '../../machines/case/case.events.js';
import type { CoercionSnapshot } from '../../machines/coercion/coercion.machine.js';
import type { CoercionDraft } from '../../machines/coercion/coercion.draft.js';
import { coercionEventTypes, type CoercionEventType } from '../../machines/coercion/coercion.events.js';
import { hasCoercionRoleFor, refuseCoercionActor } from '../../machines/coercion/coercion.rules.js';
import type { CaseRow } from '../../db/cases/case-store.js';
import { topState } from '../cases/case-view.js';
import { coercionProbe } from './coercion-probes.js';
import type { CoercionClock } from './coercion-clocks.js';

/** Event types `actor` may send now: permitted for this person on this case, and enabled in this state. */
export function coercionAllowedEvents(snapshot: CoercionSnapshot, actor: Actor, draft: CoercionDraft, at: string): CoercionEventType[] {
  if (snapshot.status !== 'active') return [];
  return coercionEventTypes.filter((type) => {
    if (!hasCoercionRoleFor(actor, type)) return false;
    const probe = coercionProbe(type, actor, snapshot, draft, at);
    return refuseCoercionActor(snapshot.context, probe) === null && snapshot.can(probe);
  });
}

/** The API shape of a 查封扣押 case for `actor`, with its clocks. */
export function toCoercionView(
  row: CaseRow,
  snapshot: CoercionSnapshot,
  draft: CoercionDraft,
  actor: Actor,
  at: string,
  clocks: CoercionClock[],
) {
  const c = snapshot.context;
  return {
    id: row.id,
    kind: 'coercion' as const,
    machine: { kind: row.machineId, version: row.machineVersion },
    title: draft.title,
    state: topState(snapshot.value),
    stateValue: snapshot.value as unknown,
    version: row.version,
    major: c.major,
    draft: { version: c.draft.version, hash: c.draft.hash, ...draft },
    allowedEvents: coercionAllowedEvents(snapshot, actor, draft, at),
    handlerId: c.handlerId,
    reviewerId: c.reviewerId,
    attestation: c.attestation,
    review: c.review,
    reviewRounds: c.reviewRounds,
    decision: c.decision,
    period: c.period,
    conclusion: c.conclusion,
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
export type CoercionView = ReturnType<typeof toCoercionView>;
