// Stamps a command into the event the machine receives: actor and time, and what only the server knows — the
// people a command names as found in the users table, periods counted on the calendar from legal dates, the
// published content built from the decision. Omitted legal dates become today's, so the record holds them.
import type { Actor, CaseCommand, CaseEvent, SystemCommand } from '../../machines/case/case.events.js';
import type { DraftContent } from '../../machines/case/draft.schema.js';
import type { HearingWindow } from '../../machines/case/party.schemas.js';
import { chinaDay } from '../../machines/case/legal-dates.js';
import type { UserStore } from '../../db/users/user-store.js';
import type { CalendarService } from '../calendar/calendar-service.js';
import type { Policy } from '../policy/policy.schema.js';
import { periodEnd } from '../deadlines/deadline-rules.js';
import { publicationContent } from '../public/publication-content.js';
import { fail, ok, type Result } from '../shared/result.js';
import { actorFor, assigneeFor } from './actor.js';
import type { LoadedCase } from './case-stream.js';

/** A draft revision as the API's PUT /cases/:id/draft sends it. */
export type DraftRevision = { type: 'draft.revise'; draft: DraftContent };
type Command = CaseCommand | DraftRevision | SystemCommand;

export interface StampDeps {
  users: UserStore;
  calendar: CalendarService;
  policy: Policy;
  load: (caseId: string) => Promise<LoadedCase | null>;
}

const unknownUser = (field: string, id: string) =>
  fail({ kind: 'validation', code: 'unknown_user', detail: `${field}: no user ${id}.`, ...({ fields: [field] } as object) });

/** Builds the stamp function of the case service. */
export function createStamper(deps: StampDeps) {
  /** The 听证 request period from the receipt date (交通 art 82), on the calendar in force now. */
  async function hearingWindow(receivedOn: string): Promise<HearingWindow> {
    const end = periodEnd(await deps.calendar.calendar(), receivedOn, deps.policy.deadlines.hearingRequest);
    return { endsOn: end.date, provisional: end.provisional };
  }

  /** The users a command names must exist; answers the first missing one. */
  async function missing(named: [field: string, id: string][]) {
    for (const [field, id] of named) if (!(await deps.users.byId(id))) return unknownUser(field, id);
    return null;
  }

  /** Names every member and the chair of a discussion as the server finds them (roles, active); 400 for a stranger. */
  async function stampPanel(
    command: Extract<CaseCommand, { type: 'discussion.record' }>,
    actor: Actor,
    at: string,
  ): Promise<Result<CaseEvent>> {
    const ids = [...new Set([...command.members.map((m) => m.userId), command.chairId])];
    const found = await Promise.all(ids.map((id) => deps.users.byId(id)));
    const unknown = ids.filter((_, i) => !found[i]);
    if (unknown.length) return fail({ kind: 'validation', code: 'unknown_member', detail: `No user ${unknown.join(', ')}.` });
    const panel = found.map((u) => ({ id: u!.id, roles: [...u!.roles], active: u!.active }));
    return ok({ ...command, actor, at, panel });
  }

  /** Names each officer of a 专案组 as the server finds them: certified only with a valid 执法证 and the handler role. */
  async function stampTeam(
    command: Extract<CaseCommand, { type: 'transfer.report' }>,
    actor: Actor,
    at: string,
  ): Promise<Result<CaseEvent>> {
    const team = [];
    for (const [i, id] of command.officers.entries()) {
      const user = await deps.users.byId(id);
      if (!user) return unknownUser(`officers.${i}`, id);
      team.push({ id, certified: actorFor(user, at).certified && user.roles.includes('handler') });
    }
    return ok({ ...command, actor, at, team });
  }

  return async function stamp(caseId: string, command: Command, actor: Actor, at: string): Promise<Result<CaseEvent>> {
    // Object.assign, not a spread: a literal spreading the command and adding keys takes Node 20's slow path.
    const base = Object.assign({}, command, { actor, at });
    const today = chinaDay(at);
    switch (command.type) {
      case 'review.assign': {
        const assignee = await assigneeFor(deps.users, command.reviewerId, at);
        return assignee.ok ? ok({ ...command, actor, at, assignee: assignee.value }) : assignee;
      }
      case 'handler.assign': {
        const user = await deps.users.byId(command.handlerId);
        if (!user) return unknownUser('handlerId', command.handlerId);
        const certified = actorFor(user, at).certified && user.roles.includes('handler');
        return ok({ ...command, actor, at, assignee: { id: user.id, certified } });
      }
      case 'notice.send':
        return ok({ ...command, actor, at, hearingWindow: await hearingWindow(command.service.date) });
      case 'notice.receipt':
        return ok({ ...command, actor, at, hearingWindow: await hearingWindow(command.receivedOn) });
      case 'rights.lapse': {
        const receivedOn = (await deps.load(caseId))?.snapshot.context.rights.receivedOn;
        return ok(receivedOn ? { ...command, actor, at, hearingWindow: await hearingWindow(receivedOn) } : (base as CaseEvent));
      }
      case 'hearing.schedule': {
        const absent = await missing([
          ['hostId', command.hostId],
          ['recorderId', command.recorderId],
        ]);
        if (absent) return absent;
        const earliest = periodEnd(await deps.calendar.calendar(), command.noticeServedOn, deps.policy.deadlines.hearingNotice);
        return ok({ ...command, actor, at, earliestOn: earliest.date });
      }
      case 'recusal.apply':
        return (await missing([['againstId', command.againstId]])) ?? ok(base as CaseEvent);
      case 'decision.issue':
        return ok({ ...command, actor, at, decidedOn: command.decidedOn ?? today });
      case 'publication.publish': {
        const loaded = await deps.load(caseId);
        const content = loaded ? publicationContent(loaded.snapshot.context, loaded.draft, deps.policy.publication) : null;
        return ok({ ...command, actor, at, publishedOn: command.publishedOn ?? today, content });
      }
      case 'publication.withdraw':
        return ok({ ...command, actor, at, withdrawnOn: command.withdrawnOn ?? today });
      case 'discussion.record':
        return stampPanel(command, actor, at);
      case 'transfer.report':
        return stampTeam(command, actor, at);
      default:
        return ok(base as CaseEvent);
    }
  };
}
