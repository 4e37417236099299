// The rows an accepted 查封、扣押 event commits beside its record entry for the clocks: the `deadlines` rows it
// starts, moves or closes (coercion-deadlines.ts), and the inbox rows of a scheduler's notice, to the handler
// and the assigned reviewer as for a penalty case. Invariant: written in the event's own transaction, or not at all.
import { randomUUID } from 'node:crypto';
import type { WriteEffect } from '../../db/core/writer.js';
import { deadlineWrites, type DeadlineRow } from '../../db/deadlines/deadline-store.js';
import { notificationRows } from '../../db/notifications/notification-store.js';
import type { CalendarService } from '../calendar/calendar-service.js';
import type { Policy } from '../policy/policy.schema.js';
import { nextCoercionDeadlines, type CoercionChange } from './coercion-deadlines.js';

export interface CoercionClockEffectDeps {
  /** The case's clock rows as committed (commands on one case run one at a time, so this is the state before). */
  byCase: (caseId: string) => Promise<DeadlineRow[]>;
  calendar: CalendarService;
  policy: Policy;
  /** SMTP is configured: each inbox row also queues its e-mail copy. */
  mail: boolean;
}

const noticeKinds = { warning: 'due_soon', overdue: 'overdue', escalated: 'escalated' } as const;

/** The inbox rows of a scheduler's notice (none for any other event). */
function noticeRows(change: CoercionChange, mail: boolean): WriteEffect[] {
  const { event, after, caseId, at } = change;
  if (event.type !== 'deadline.notify') return [];
  const to = [...new Set([after.handlerId, after.reviewerId].filter((u): u is string => u !== null))];
  const detail = { clock: event.kind, dueDate: event.dueDate };
  return [
    notificationRows(
      to.map((userId) => ({ userId, kind: noticeKinds[event.status], caseId, detail, at })),
      mail,
    ),
  ];
}

/** Builds the effect the coercion stream runs on every accepted event. */
export function coercionClockEffect(deps: CoercionClockEffectDeps) {
  return async (change: CoercionChange): Promise<WriteEffect[]> => {
    const before = await deps.byCase(change.caseId);
    const ctx = { calendar: await deps.calendar.calendar(), policy: deps.policy, newId: randomUUID };
    const after = nextCoercionDeadlines(before, change, ctx);
    return [...deadlineWrites(before, after), ...noticeRows(change, deps.mail)];
  };
}
export type CoercionClockEffect = ReturnType<typeof coercionClockEffect>;
