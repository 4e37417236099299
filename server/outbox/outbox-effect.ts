// Puts every accepted case event in the outbox, in the same transaction as the event (a case effect, like the
// deadlines): the message names the case, the event type, the version it made and the event as recorded.
import type { WriteEffect } from '../../db/core/writer.js';
import { outboxEventRow } from '../../db/outbox/outbox-rows.js';
import type { AcceptedChange } from '../cases/case-stream.js';
import { topState } from '../cases/case-view.js';

/** The data of a case event's message (docs/webhooks.md); `event` is the event as sent, without actor and time. */
export function caseEventData(change: AcceptedChange) {
  const { actor, at: _at, ...event } = change.event;
  const opening = change.version === 1;
  return {
    version: change.version,
    status: topState(change.after.value),
    actor: { id: actor.id, roles: actor.roles },
    draftHash: change.after.context.draft.hash,
    ...(opening ? { unitId: change.user.unitId } : {}),
    event: opening ? { ...event, type: 'case.open' } : event,
  };
}

/** The case effect writing the outbox row of each accepted event. */
export function outboxEffect(change: AcceptedChange): WriteEffect[] {
  const type = change.version === 1 ? 'case.open' : change.event.type;
  return [outboxEventRow(type, change.caseId, caseEventData(change), change.at)];
}
