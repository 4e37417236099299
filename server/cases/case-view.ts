// What a case looks like to one caller: its state, draft, classification, deadlines and the events that
// caller may send now. allowedEvents asks the machine itself (snapshot.can) with a probe event, so the UI and
// API never guess; the probes carry content every content rule accepts (legal dates of today, people who are
// not barred), so they ask about state, person and — for allowedEvents only — time.
import type { CaseSnapshot } from '../../machines/case/case.machine.js';
import { caseEventTypes, reviewItems, type Actor, type CaseEvent, type CaseEventType } from '../../machines/case/case.events.js';
import type { DraftContent } from '../../machines/case/draft.schema.js';
import { hasRoleFor, refuseActor } from '../../machines/case/case.rules.js';
import { chinaDay } from '../../machines/case/legal-dates.js';
import { partyProbe } from './party-probes.js';
import { transferProbe } from './transfer-probes.js';
import { procedureOf, proposedOutcome } from '../../machines/case/decision.rules.js';
import type { CaseRow } from '../../db/cases/case-store.js';
import type { DeadlineView } from '../deadlines/deadline-view.js';

/**
 * A moment after every period a case can hold: a `neutral` probe is sent "then", so `can` answers about state
 * and person alone and a period still running (the 听证 request period) is left to the content rules' answer.
 */
const NEUTRAL_AT = '2099-12-31T00:00:00.000Z';

/**
 * A probe of `type` from `actor`, carrying the current hash, so `can` answers about state and person (and,
 * unless `neutral`, whether a period has ended by `at`).
 */
export function probeEvent(
  type: CaseEventType,
  actor: Actor,
  snapshot: CaseSnapshot,
  draft: DraftContent,
  at: string,
  neutral = false,
): CaseEvent {
  const when = neutral ? NEUTRAL_AT : at;
  const party = partyProbe(type, snapshot.context, when) ?? transferProbe(type, snapshot.context, when);
  if (party) return { ...party, actor, at: when } as CaseEvent;
  const base = { actor, at: when };
  const hash = snapshot.context.draft.hash;
  switch (type) {
    case 'draft.revise':
      return { ...base, type, draft };
    case 'statement.record':
      return { ...base, type, summary: 'probe' };
    case 'review.submit':
      return { ...base, type, attestation: true };
    case 'review.assign': {
      // A reviewer claims for themself; a head assigns someone else, so probe with a qualified stranger.
      const self = actor.roles.includes('reviewer') && !actor.roles.includes('head');
      const assignee = self ? { id: actor.id, qualified: actor.qualified } : { id: '\u0000probe', qualified: true };
      return { ...base, type, reviewerId: assignee.id, assignee };
    }
    case 'review.approve':
      return { ...base, type, draftHash: hash, opinion: 'probe', items: reviewItems() };
    case 'review.return':
      return { ...base, type, opinion: 'probe', items: reviewItems({ factsEvidence: 'probe' }) };
    case 'review.refer':
      return { ...base, type, opinion: 'probe', items: reviewItems({ crimeTransfer: 'probe' }), target: 'judicial' };
    case 'conflict.declare':
      return { ...base, type, reason: 'probe' };
    case 'discussion.record':
      return discussionProbe(actor, snapshot, at);
    case 'review.requestMaterials':
      return { ...base, type, request: 'probe' };
    case 'materials.supplement':
      return { ...base, type, note: 'probe', attestation: true };
    case 'review.signOff':
      return { ...base, type, agree: true };
    case 'review.object':
      return { ...base, type, reason: 'probe' };
    case 'review.coordinate':
      return { ...base, type, result: 'return_upheld', note: 'probe' };
    case 'decision.extend':
      return { ...base, type, reason: 'probe' };
    case 'decision.issue':
      return { ...base, type, draftHash: hash, decidedOn: chinaDay(when) };
    case 'case.withdraw':
      return { ...base, type, reason: 'probe' };
    case 'deadline.notify':
      return { ...base, type, deadlineId: 'probe', kind: 'probe', status: 'warning', dueDate: at.slice(0, 10) };
    default:
      return { ...base, type } as CaseEvent;
  }
}

/** A discussion whose panel every content rule accepts: a quorum of strangers eligible to sit and to chair. */
function discussionProbe(actor: Actor, snapshot: CaseSnapshot, at: string): CaseEvent {
  const { discussion } = procedureOf(snapshot.context);
  const roles = [...new Set([...discussion.memberRoles, ...discussion.chairRoles])];
  const panel = Array.from({ length: discussion.quorum }, (_, i) => ({ id: `\u0000probe${i}`, roles, active: true }));
  const members = panel.map((p) => ({ userId: p.id, vote: 'agree' as const, opinion: 'probe' }));
  return { type: 'discussion.record', actor, at, members, chairId: panel[0]!.id, conclusion: 'probe', panel };
}

/** Event types `actor` may send now: permitted for this person on this case, and enabled in this state. */
export function allowedEvents(snapshot: CaseSnapshot, actor: Actor, draft: DraftContent, at: string): CaseEventType[] {
  if (snapshot.status !== 'active') return [];
  // Role first: it is cheap, and most event types are out of reach for any one person.
  return caseEventTypes.filter((type) => {
    if (!hasRoleFor(actor, type)) return false;
    const probe = probeEvent(type, actor, snapshot, draft, at);
    return refuseActor(snapshot.context, probe) === null && snapshot.can(probe);
  });
}

/** The top-level state name (`decided` for the parallel duties). */
export function topState(value: unknown): string {
  return typeof value === 'string' ? value : (Object.keys(value as object)[0] ?? 'unknown');
}

/** The API shape of a case for `actor`, with its clocks. */
export function toCaseView(row: CaseRow, snapshot: CaseSnapshot, draft: DraftContent, actor: Actor, at: string, deadlines: DeadlineView[]) {
  const c = snapshot.context;
  return {
    id: row.id,
    title: draft.title,
    state: topState(snapshot.value),
    stateValue: snapshot.value as unknown,
    version: row.version,
    major: c.major,
    draft: { version: c.draft.version, hash: c.draft.hash, ...draft },
    allowedEvents: allowedEvents(snapshot, actor, draft, at),
    handlerId: c.handlerId,
    reviewerId: c.reviewerId,
    rights: c.rights,
    /** A statement recorded after the standing approval: shown to the reviewer and head (交通 art 70). */
    statementAfterReview: c.review !== null && c.rights.lastStatementAt !== null && c.rights.lastStatementAt > c.review.at,
    hearing: c.hearing,
    recusals: c.recusals,
    recusalApplications: c.recusalApplications,
    investigators: c.investigators,
    attestation: c.attestation,
    review: c.review,
    reviewRounds: c.reviewRounds,
    discussion: c.discussion,
    decision: c.decision,
    /** What the current draft proposes to decide (交通 art 73), and the procedure the case runs under. */
    proposedOutcome: proposedOutcome(c),
    procedure: procedureOf(c),
    materials: c.materials ?? null,
    dispute: c.dispute ?? null,
    decisionExtension: c.decisionExtension ?? null,
    /** The latest criminal transfer (移送规定 arts 5–12) and the clues sent to 纪检监察 (art 19). */
    transfer: c.transfer ?? null,
    clues: c.clues ?? [],
    duties: c.duties,
    deadlines,
    openedAt: c.openedAt,
    openedOn: c.openedOn,
    endedAt: c.endedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
export type CaseView = ReturnType<typeof toCaseView>;
