// Stamps a 行政许可 (撤销 / 撤回) command into the event the machine receives: actor and time, the assignee as the
// users table has them, legal dates (today when omitted) and the last day for 陈述、申辩 counted on the calendar.
import type { Actor } from '../../machines/case/case.events.js';
import { chinaDay } from '../../machines/case/legal-dates.js';
import type { LicenceCommand, LicenceEvent } from '../../machines/licence/licence.events.js';
import type { UserStore } from '../../db/users/user-store.js';
import type { CalendarService } from '../calendar/calendar-service.js';
import type { LicencePolicy } from '../policy/licence-policy.schema.js';
import { assigneeFor } from '../cases/actor.js';
import { ok, type Result } from '../shared/result.js';
import { statementsDueOn } from './licence-clocks.js';

export interface LicenceStampDeps {
  users: UserStore;
  calendar: CalendarService;
  policy: LicencePolicy;
}

/** Builds the stamp function: (command, actor, time) → the event, or 400 for an unknown reviewer. */
export function createLicenceStamper(deps: LicenceStampDeps) {
  return async function stamp(command: LicenceCommand, actor: Actor, at: string): Promise<Result<LicenceEvent>> {
    const today = chinaDay(at);
    switch (command.type) {
      case 'review.assign': {
        const assignee = await assigneeFor(deps.users, command.reviewerId, at);
        return assignee.ok ? ok({ ...command, actor, at, assignee: assignee.value }) : assignee;
      }
      case 'notice.serve': {
        const servedOn = command.servedOn ?? today;
        const dueOn = statementsDueOn(await deps.calendar.calendar(), deps.policy, servedOn);
        return ok({ ...command, actor, at, servedOn, statementsDueOn: dueOn });
      }
      case 'statement.record':
        return ok({ ...command, actor, at, receivedOn: command.receivedOn ?? today });
      case 'decision.issue':
        return ok({ ...command, actor, at, decidedOn: command.decidedOn ?? today });
      case 'service.record':
        return ok({ ...command, actor, at, servedOn: command.servedOn ?? today });
      case 'publication.record':
        return ok({ ...command, actor, at, publishedOn: command.publishedOn ?? today });
      case 'filing.submit':
        return ok({ ...command, actor, at, filedOn: command.filedOn ?? today });
      default:
        return ok({ ...command, actor, at } as LicenceEvent);
    }
  };
}
