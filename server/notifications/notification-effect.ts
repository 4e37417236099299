// Who is told of an accepted case event, in their desk inbox (committed with the event, like the outbox): the
// reviewer a case is assigned to, the handler whose draft was returned, and the handler and assigned reviewer
// of a clock that is due soon, overdue or escalated (the scheduler's deadline.notify).
import type { WriteEffect } from '../../db/core/writer.js';
import { notificationRows } from '../../db/notifications/notification-store.js';
import type { AcceptedChange } from '../cases/case-stream.js';

const clockKinds = { warning: 'due_soon', overdue: 'overdue', escalated: 'escalated' } as const;

/** The inbox effect; with `mail` (SMTP configured) each row also queues its e-mail copy. */
export function notificationEffectOf(mail: boolean): (change: AcceptedChange) => WriteEffect[] {
  return (change) => notificationEffect(change, mail);
}

/** The inbox rows of one accepted event (none for most events). */
export function notificationEffect(change: AcceptedChange, mail = false): WriteEffect[] {
  const { event, after, caseId, at } = change;
  const context = after.context;
  const to = (userIds: (string | null)[], kind: string, detail: Record<string, unknown>) =>
    [...new Set(userIds.filter((u): u is string => u !== null))].map((userId) => ({ userId, kind, caseId, detail, at }));
  let rows: ReturnType<typeof to> = [];
  if (event.type === 'review.assign') rows = to([event.assignee?.id ?? null], 'assigned', { by: event.actor.id });
  if (event.type === 'review.return') rows = to([context.handlerId], 'returned', { by: event.actor.id, opinion: event.opinion });
  if (event.type === 'deadline.notify') {
    rows = to([context.handlerId, context.reviewerId], clockKinds[event.status], { clock: event.kind, dueDate: event.dueDate });
  }
  return rows.length > 0 ? [notificationRows(rows, mail)] : [];
}
