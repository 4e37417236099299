// Stamps a 查封、扣押 command into the event the machine receives: actor and time, the assignee as the users
// table has them, legal dates (today when omitted) and the period's last day counted on the calendar.
import type { Actor } from '../../machines/case/case.events.js';
import { chinaDay } from '../../machines/case/legal-dates.js';
import type { CoercionCommand, CoercionEvent } from '../../machines/coercion/coercion.events.js';
import type { CoercionContext } from '../../machines/coercion/coercion.context.js';
import type { UserStore } from '../../db/users/user-store.js';
import type { CalendarService } from '../calendar/calendar-service.js';
import type { CoercionPolicy } from '../policy/coercion-policy.schema.js';
import { assigneeFor } from '../cases/actor.js';
import { ok, type Result } from '../shared/result.js';
import { coercionPeriodEnd } from './coercion-clocks.js';

export interface CoercionStampDeps {
  users: UserStore;
  calendar: CalendarService;
  policy: CoercionPolicy;
}

/** Builds the stamp function: (context, command, actor, time) → the event, or 400 for an unknown reviewer. */
export function createCoercionStamper(deps: CoercionStampDeps) {
  const endOf = async (from: string, days: number) => coercionPeriodEnd(await deps.calendar.calendar(), deps.policy, from, days).date;

  return async function stamp(
    context: CoercionContext,
    command: CoercionCommand,
    actor: Actor,
    at: string,
  ): Promise<Result<CoercionEvent>> {
    const today = chinaDay(at);
    switch (command.type) {
      case 'review.assign': {
        const assignee = await assigneeFor(deps.users, command.reviewerId, at);
        return assignee.ok ? ok({ ...command, actor, at, assignee: assignee.value }) : assignee;
      }
      case 'decision.issue': {
        const decidedOn = command.decidedOn ?? today;
        const implementedOn = command.implementedOn ?? decidedOn;
        const periodEndsOn = await endOf(implementedOn, context.draft.periodDays);
        return ok({ ...command, actor, at, decidedOn, implementedOn, periodEndsOn });
      }
      case 'measure.extend': {
        // art 25: the extension adds its days to the period as it stood.
        const from = context.period?.endsOn ?? today;
        return ok({
          ...command,
          actor,
          at,
          noticeServedOn: command.noticeServedOn ?? today,
          extendedEndsOn: await endOf(from, command.days),
        });
      }
      case 'measure.conclude':
        return ok({ ...command, actor, at, concludedOn: command.concludedOn ?? today });
      case 'filing.submit':
        return ok({ ...command, actor, at, filedOn: command.filedOn ?? today });
      default:
        return ok({ ...command, actor, at } as CoercionEvent);
    }
  };
}
