// What a 查封、扣押 case looks like to one caller: state, draft, classification, review, decision, the measure's
// period and its clocks, and the events that caller may send now (asked of the machine with probes).
import type { Actor } from '../../machines/case/case.events.js';
import type { CoercionSnapshot } from '../../machines/coercion/coercion.machine.js';
import type { CoercionDraft } from '../../machines/coercion/coercion.draft.js';
import { coercionEventTypes, type CoercionEventType } from '../../machines/coercion/coercion.events.js';
import { hasCoercionRoleFor, refuseCoercionActor } from '../../machines/coercion/coercion.rules.js';
import type { CaseRow } from '../../db/cases/case-store.js';
import { kindAllowedEvents, kindViewHead, kindViewTail } from '../kinds/kind-view.js';
import { coercionProbe } from './coercion-probes.js';
import type { CoercionClock } from './coercion-clocks.js';

/** Event types `actor` may send now: permitted for this person on this case, and enabled in this state. */
export function coercionAllowedEvents(snapshot: CoercionSnapshot, actor: Actor, draft: CoercionDraft, at: string): CoercionEventType[] {
  const rules = { eventTypes: coercionEventTypes, hasRoleFor: hasCoercionRoleFor, probe: coercionProbe, refuseActor: refuseCoercionActor };
  return kindAllowedEvents(rules, snapshot, actor, draft, at);
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
    ...kindViewHead('coercion' as const, row, snapshot, draft, coercionAllowedEvents(snapshot, actor, draft, at)),
    period: c.period,
    conclusion: c.conclusion,
    ...kindViewTail(row, c, clocks),
  };
}
export type CoercionView = ReturnType<typeof toCoercionView>;
