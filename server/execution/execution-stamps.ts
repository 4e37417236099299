// Stamps an execution command into the event the machine receives: actor and time, the assignee as the users
// table has them, legal dates (today when omitted), the clocks' last days counted on the calendar, and whether a
// time of execution falls on a rest day or at night (art 43) as the calendar and the policy say.
import type { Actor } from '../../machines/case/case.events.js';
import { chinaDay } from '../../machines/case/legal-dates.js';
import type { ExecutionCommand, ExecutionEvent, RestrictedTime } from '../../machines/execution/execution.events.js';
import type { ExecutionContext } from '../../machines/execution/execution.context.js';
import type { UserStore } from '../../db/users/user-store.js';
import type { CalendarService } from '../calendar/calendar-service.js';
import type { WorkingCalendar } from '../calendar/working-days.js';
import { periodEnd } from '../deadlines/deadline-rules.js';
import type { ExecutionPolicy } from '../policy/execution-policy.schema.js';
import { assigneeFor } from '../cases/actor.js';
import { ok, type Result } from '../shared/result.js';
import { courtDeadlineOf, noticePeriodEnd } from './execution-clocks.js';

export interface ExecutionStampDeps {
  users: UserStore;
  calendar: CalendarService;
  policy: ExecutionPolicy;
}

/** art 43 ¶1: whether `date` (at `time`, when given) is a rest day or in the policy's night. */
export function restrictedTime(
  calendar: WorkingCalendar,
  policy: ExecutionPolicy,
  date: string | null,
  time: string | null,
): RestrictedTime {
  if (date === null) return { restDay: false, night: false };
  const { from, until } = policy.night;
  const night = time !== null && (from > until ? time >= from || time < until : time >= from && time < until);
  return { restDay: !calendar.isWorkingDay(date).working, night };
}

/** Builds the stamp function: (context, command, actor, time) → the event, or 400 for an unknown reviewer. */
export function createExecutionStamper(deps: ExecutionStampDeps) {
  const { policy } = deps;
  return async function stamp(
    context: ExecutionContext,
    command: ExecutionCommand,
    actor: Actor,
    at: string,
  ): Promise<Result<ExecutionEvent>> {
    const today = chinaDay(at);
    const base = { actor, at };
    switch (command.type) {
      case 'review.assign': {
        const assignee = await assigneeFor(deps.users, command.reviewerId, at);
        return assignee.ok ? ok({ ...command, ...base, assignee: assignee.value }) : assignee;
      }
      case 'notice.serve': {
        const calendar = await deps.calendar.calendar();
        const servedOn = command.servedOn ?? today;
        const endsOn = noticePeriodEnd(calendar, policy, servedOn, command.periodDays).date;
        const courtWaitEndsOn = periodEnd(calendar, servedOn, policy.courtWait).date;
        return ok({ ...command, ...base, servedOn, endsOn, courtWaitEndsOn });
      }
      case 'decision.issue': {
        const planned = restrictedTime(await deps.calendar.calendar(), policy, context.draft.plannedOn, context.draft.plannedTime);
        return ok({ ...command, ...base, decidedOn: command.decidedOn ?? today, courtDeadline: courtDeadlineOf(policy, context), planned });
      }
      case 'execution.carry': {
        const carriedOn = command.carriedOn ?? today;
        const carried = restrictedTime(await deps.calendar.calendar(), policy, carriedOn, null);
        return ok({ ...command, ...base, carriedOn, carried });
      }
      case 'statement.record':
        return ok({ ...command, ...base, heardOn: command.heardOn ?? today });
      case 'substitute.remind':
        return ok({ ...command, ...base, servedOn: command.servedOn ?? today });
      case 'court.rule':
        return ok({ ...command, ...base, ruledOn: command.ruledOn ?? today });
      case 'duty.performed':
        return ok({ ...command, ...base, performedOn: command.performedOn ?? today });
      case 'filing.submit':
        return ok({ ...command, ...base, filedOn: command.filedOn ?? today });
      default:
        return ok({ ...command, ...base } as ExecutionEvent);
    }
  };
}
