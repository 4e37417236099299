// What a 行政许可 (撤销 / 撤回) case looks like to one caller: state, draft, classification, review, notice and statements,
// decision, its duties and clocks, and the events that caller may send now (asked of the machine with probes).
import type { Actor } from '../../machines/case/case.events.js';
import type { LicenceSnapshot } from '../../machines/licence/licence.machine.js';
import type { LicenceDraft } from '../../machines/licence/licence.draft.js';
import { licenceEventTypes, type LicenceEventType } from '../../machines/licence/licence.events.js';
import { hasLicenceRoleFor, refuseLicenceActor } from '../../machines/licence/licence.rules.js';
import type { CaseRow } from '../../db/cases/case-store.js';
import { kindAllowedEvents, kindViewHead, kindViewTail } from '../kinds/kind-view.js';
import { licenceProbe } from './licence-probes.js';
import type { LicenceClock } from './licence-clocks.js';

/** Event types `actor` may send now: permitted for this person on this case, and enabled in this state. */
export function licenceAllowedEvents(snapshot: LicenceSnapshot, actor: Actor, draft: LicenceDraft, at: string): LicenceEventType[] {
  const rules = { eventTypes: licenceEventTypes, hasRoleFor: hasLicenceRoleFor, probe: licenceProbe, refuseActor: refuseLicenceActor };
  return kindAllowedEvents(rules, snapshot, actor, draft, at);
}

/** The API shape of a licence case for `actor`, with its clocks. */
export function toLicenceView(
  row: CaseRow,
  snapshot: LicenceSnapshot,
  draft: LicenceDraft,
  actor: Actor,
  at: string,
  clocks: LicenceClock[],
) {
  const c = snapshot.context;
  return {
    ...kindViewHead('licence' as const, row, snapshot, draft, licenceAllowedEvents(snapshot, actor, draft, at)),
    hearing: c.hearing,
    compensation: c.draft.compensation,
    ...kindViewTail(row, c, clocks),
  };
}
export type LicenceView = ReturnType<typeof toLicenceView>;
