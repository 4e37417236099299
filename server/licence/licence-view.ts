// What a 行政许可 (撤销 / 撤回) case looks like to one caller: state, draft, classification, review, notice and statements,
// decision, its duties and clocks, and the events that caller may send now (asked of the machine with probes).
import type { Actor } from '../../machines/case/case.events.js';
import type { LicenceSnapshot } from '../../machines/licence/licence.machine.js';
import type { LicenceDraft } from '../../machines/licence/licence.draft.js';
import { licenceEventTypes, type LicenceEventType } from '../../machines/licence/licence.events.js';
import { hasLicenceRoleFor, refuseLicenceActor } from '../../machines/licence/licence.rules.js';
import type { CaseRow } from '../../db/cases/case-store.js';
import { topState } from '../cases/case-view.js';
import { licenceProbe } from './licence-probes.js';
import type { LicenceClock } from './licence-clocks.js';

/** Event types `actor` may send now: permitted for this person on this case, and enabled in this state. */
export function licenceAllowedEvents(snapshot: LicenceSnapshot, actor: Actor, draft: LicenceDraft, at: string): LicenceEventType[] {
  if (snapshot.status !== 'active') return [];
  return licenceEventTypes.filter((type) => {
    if (!hasLicenceRoleFor(actor, type)) return false;
    const probe = licenceProbe(type, actor, snapshot, draft, at);
    return refuseLicenceActor(snapshot.context, probe) === null && snapshot.can(probe);
  });
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
    id: row.id,
    kind: 'licence' as const,
    machine: { kind: row.machineId, version: row.machineVersion },
    title: draft.title,
    state: topState(snapshot.value),
    stateValue: snapshot.value as unknown,
    version: row.version,
    major: c.major,
    draft: { version: c.draft.version, hash: c.draft.hash, ...draft },
    allowedEvents: licenceAllowedEvents(snapshot, actor, draft, at),
    handlerId: c.handlerId,
    reviewerId: c.reviewerId,
    attestation: c.attestation,
    review: c.review,
    reviewRounds: c.reviewRounds,
    decision: c.decision,
    hearing: c.hearing,
    compensation: c.draft.compensation,
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
export type LicenceView = ReturnType<typeof toLicenceView>;
