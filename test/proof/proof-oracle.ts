// The model's answer to one event: the HTTP status and problem type the API must give, and the next
// snapshot. It follows the documented order (404 out of reach, 403 person, 422 state, 422 content, 409 hash) using
// the machine itself: the state question with content every rule accepts, then the content rules (review items,
// legal dates, the hearing-request period, a heavier draft, the hearing's staff), then the hash.
import { transition, type AnyMachineSnapshot } from 'xstate';
import type { CaseContext } from '../../machines/case/case.context.js';
import type { CaseEvent } from '../../machines/case/case.events.js';
import { caseMachine, type CaseMachine } from '../../machines/case/case.machine.js';
import { refuseActor, refuseContent } from '../../machines/case/case.rules.js';
import { allowedEvents, probeEvent } from '../../server/cases/case-probes.js';
import { topState } from '../../server/cases/case-view.js';
import { wasSentForReview } from '../../server/access/case-reach.js';
import { actors, draftNameOf, drafts, modelTime, type ActorName } from './proof-actors.js';
import type { LabeledEvent } from './proof-alphabet.js';

/** The model's verdict on one event. */
export interface Expected {
  status: 200 | 400 | 403 | 404 | 409 | 422;
  /** Problem type for a refusal, e.g. `/problems/self-review`. */
  type: string | null;
  next: AnyMachineSnapshot;
}

const problemType = (code: string) => `/problems/${code.replace(/_/g, '-')}`;

/** The machine event without the proof's bookkeeping fields. */
export function machineEvent(event: LabeledEvent): CaseEvent {
  const { label: _label, actorName: _actor, ...rest } = event;
  return rest as CaseEvent;
}

/**
 * Whether the case is within the actor's reach (docs/access.md): every proof user sits in the handler's 支队
 * or its 法制审核科, so only a reviewer who is nothing else is kept out, until the case is sent for review.
 */
export function withinReach(snapshot: AnyMachineSnapshot, name: ActorName): boolean {
  const actor = actors[name];
  if (name === 'system' || actor.roles.some((r) => r !== 'reviewer')) return true;
  const context = snapshot.context as CaseContext;
  if (context.reviewerId === actor.id) return true;
  const subject = {
    status: topState(snapshot.value),
    reviewerId: context.reviewerId,
    snapshot: { value: snapshot.value, status: 'active', context },
  };
  return wasSentForReview(subject as unknown as Parameters<typeof wasSentForReview>[0]);
}

/** What the API must answer to `event` in `snapshot`, and the snapshot after it. */
export function expectedOutcome(snapshot: AnyMachineSnapshot, labeled: LabeledEvent, machine: CaseMachine = caseMachine): Expected {
  const event = machineEvent(labeled);
  const context = snapshot.context as CaseContext;
  // deadline.notify is a system-only command: a client's is not even a valid request.
  if (event.type === 'deadline.notify' && labeled.actorName !== 'system')
    return { status: 400, type: problemType('malformed_request'), next: snapshot };
  if (!withinReach(snapshot, labeled.actorName)) return { status: 404, type: problemType('case_not_found'), next: snapshot };
  const refusal = refuseActor(context, event);
  if (refusal) return { status: 403, type: problemType(refusal.code), next: snapshot };
  // Is the event's type allowed in this state for this person at all? Asked with content every rule accepts.
  const current = drafts[draftNameOf(context.draft.hash) ?? 'minor'];
  const neutral = probeEvent(event.type, event.actor, snapshot as never, current, event.at, true);
  if (!snapshot.can(neutral)) return { status: 422, type: problemType('event_not_allowed'), next: snapshot };
  const content = refuseContent(context, event);
  if (content) return { status: 422, type: problemType(content.code), next: snapshot };
  if (!snapshot.can(event)) return { status: 409, type: problemType('stale_draft_hash'), next: snapshot };
  const [next] = transition(machine, snapshot, event);
  return { status: 200, type: null, next };
}

/** The events `name` may send in `snapshot`, as the model computes them (the API must agree). */
export function modelAllowed(snapshot: AnyMachineSnapshot, name: ActorName): string[] {
  // A revision is probed with the current text (it may not be heavier than what the notice announced).
  const current = drafts[draftNameOf((snapshot.context as CaseContext).draft.hash) ?? 'minor'];
  return allowedEvents(snapshot, actors[name], current, modelTime);
}
