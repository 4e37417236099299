// The probe events that ask the machine what a caller may send: allowedEvents asks the machine itself
// (snapshot.can) with a probe event, so the UI and API never guess; the probes carry content every content
// rule accepts (legal dates of today, people who are not barred), so they ask about state, person and — for
// allowedEvents only — the legal date.
import type { CaseSnapshot } from '../../machines/case/case.machine.js';
import { caseEventTypes, reviewItems, type Actor, type CaseEvent, type CaseEventType } from '../../machines/case/case.events.js';
import type { DraftContent } from '../../machines/case/draft.schema.js';
import { hasRoleFor, refuseActor } from '../../machines/case/case.rules.js';
import { chinaDay } from '../../machines/case/legal-dates.js';
import { procedureOf } from '../../machines/case/decision.rules.js';
import { partyProbe } from './party-probes.js';
import { transferProbe } from './transfer-probes.js';

/**
 * A moment after every period a case can hold: a `neutral` probe is sent "then", so `can` answers about state
 * and person alone and a period still running (the 听证 request period) is left to the content rules' answer.
 */
const NEUTRAL_AT = '2099-12-31T00:00:00.000Z';

/** Whom a `review.assign` probe names: a reviewer claims for themself; a head assigns someone else, so a qualified stranger. */
export function probeAssignee(actor: Actor): { id: string; qualified: boolean } {
  const self = actor.roles.includes('reviewer') && !actor.roles.includes('head');
  return self ? { id: actor.id, qualified: actor.qualified } : { id: '\u0000probe', qualified: true };
}

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
  if (party) return Object.assign(party, { actor, at: when }) as CaseEvent;
  // Written out field by field: on Node 20 an object literal that spreads an object and adds keys it lacks
  // takes V8's slow path (microseconds each), and a view probes up to two dozen event types.
  const hash = snapshot.context.draft.hash;
  switch (type) {
    case 'draft.revise':
      return { actor, at: when, type, draft };
    case 'statement.record':
      return { actor, at: when, type, summary: 'probe' };
    case 'review.submit':
      return { actor, at: when, type, attestation: true };
    case 'review.assign': {
      const assignee = probeAssignee(actor);
      return { actor, at: when, type, reviewerId: assignee.id, assignee };
    }
    case 'review.approve':
      return { actor, at: when, type, draftHash: hash, opinion: 'probe', items: reviewItems() };
    case 'review.return':
      return { actor, at: when, type, opinion: 'probe', items: reviewItems({ factsEvidence: 'probe' }) };
    case 'review.refer':
      return { actor, at: when, type, opinion: 'probe', items: reviewItems({ crimeTransfer: 'probe' }), target: 'judicial' };
    case 'conflict.declare':
      return { actor, at: when, type, reason: 'probe' };
    case 'discussion.record':
      return discussionProbe(actor, snapshot, at);
    case 'review.requestMaterials':
      return { actor, at: when, type, request: 'probe' };
    case 'materials.supplement':
      return { actor, at: when, type, note: 'probe', attestation: true };
    case 'review.signOff':
      return { actor, at: when, type, agree: true };
    case 'review.object':
      return { actor, at: when, type, reason: 'probe' };
    case 'review.coordinate':
      return { actor, at: when, type, result: 'return_upheld', note: 'probe' };
    case 'decision.extend':
      return { actor, at: when, type, reason: 'probe' };
    case 'decision.issue':
      return { actor, at: when, type, draftHash: hash, decidedOn: chinaDay(when) };
    case 'case.withdraw':
      return { actor, at: when, type, reason: 'probe' };
    case 'deadline.notify':
      return { actor, at: when, type, deadlineId: 'probe', kind: 'probe', status: 'warning', dueDate: at.slice(0, 10) };
    default:
      return { actor, at: when, type } as CaseEvent;
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

/**
 * Whether some state the case is in has a transition for an event type: `can` is false for every other type
 * whatever the probe carries, so those need no probe. A wildcard descriptor (`*`, `review.*`) lets every type
 * through rather than copy xstate's matching.
 */
function handledIn(snapshot: CaseSnapshot): (type: CaseEventType) => boolean {
  const descriptors = new Set<string>();
  for (const node of snapshot._nodes) for (const descriptor of node.transitions.keys()) descriptors.add(descriptor);
  if ([...descriptors].some((d) => d.includes('*'))) return () => true;
  return (type) => descriptors.has(type);
}

/** Event types `actor` may send now: permitted for this person on this case, and enabled in this state. */
export function allowedEvents(snapshot: CaseSnapshot, actor: Actor, draft: DraftContent, at: string): CaseEventType[] {
  if (snapshot.status !== 'active') return [];
  const handled = handledIn(snapshot);
  // Role and state first: both are cheap, and most event types are out of reach for any one person or state.
  return caseEventTypes.filter((type) => {
    if (!hasRoleFor(actor, type) || !handled(type)) return false;
    const probe = probeEvent(type, actor, snapshot, draft, at);
    return refuseActor(snapshot.context, probe) === null && snapshot.can(probe);
  });
}
