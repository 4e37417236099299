// What is waiting for a signed-in user, by section: reviews assigned to them, cases they may claim, their
// own cases, decisions and after-decision duties. Every row comes from `services.cases.views`, so what a
// section offers is exactly what the case's `allowedEvents` allow this user.
import type { CaseRow } from '../../db/cases/case-store.js';
import type { User } from '../../db/users/user-store.js';
import type { CaseEventType } from '../../machines/case/case.events.js';
import type { CaseView } from '../cases/case-view.js';
import type { CoercionView } from '../coercion/coercion-view.js';
import type { Services } from '../services.js';
import { reachOf } from '../access/case-reach.js';
import type { CaseQuery } from '../../db/cases/case-queue-store.js';
import { chinaToday, compareDeadlines, deadlinesOf, mostUrgent, type DeskDeadline } from './deadline-source.js';

/** The queue sections, in display order. */
export const sectionKeys = ['mine', 'claimable', 'decide', 'duties', 'handled'] as const;
export type SectionKey = (typeof sectionKeys)[number];

/** What a queue row shows of a case of any kind the desk opens (a 查封扣押 view has the fields a row reads). */
export type QueueView = CaseView | CoercionView;

/** One case in a queue: its view, most urgent open deadline and the time its current stage began. */
export interface QueueRow<V extends QueueView = QueueView> {
  view: V;
  deadline: DeskDeadline | null;
  deadlines: DeskDeadline[];
  /** ISO time the stage shown began (submission for review, decision, opening). */
  since: string;
  sinceKind: SinceKind;
}
export type SinceKind = 'review' | 'awaiting' | 'decision' | 'open';

/** When the stage a queue row shows began, per kind. */
export const sinceOf: Record<SinceKind, (v: QueueView) => string> = {
  review: (v) => v.attestation?.at ?? v.updatedAt,
  awaiting: (v) => v.review?.at ?? v.updatedAt,
  decision: (v) => v.decision?.at ?? v.updatedAt,
  open: (v) => v.openedAt,
};

type Entry = { view: CaseView; row: CaseRow | null };
const can = (view: CaseView, ...types: CaseEventType[]) => types.some((t) => view.allowedEvents.includes(t));

/** A section holds at most this many cases (the most recently updated); the queue pages hold the rest. */
const sectionLimit = 500;

/** The cases matching `query` within the user's reach, asked of the database, so a full section is never cut short. */
async function rowsOf(services: Services, user: User, query: Omit<CaseQuery, 'today'>): Promise<Entry[]> {
  const today = chinaToday(services.now());
  const { rows } = await services.queue.page({ ...query, today }, reachOf(user), 'updated', sectionLimit, null);
  const byId = new Map<string, CaseRow>(rows.map((r) => [r.id, r]));
  const views = await services.cases.views(user, rows);
  return views.map((view) => ({ view, row: byId.get(view.id) ?? null }));
}

function toQueueRow(entry: Entry, today: string, sinceKind: SinceKind): QueueRow<CaseView> {
  const { view } = entry;
  const deadlines = deadlinesOf(view, entry.row, today);
  return { view, deadline: mostUrgent(deadlines), deadlines, since: sinceOf[sinceKind](view), sinceKind };
}

/** Overdue first, then due soon, then earliest due date; without deadlines, the oldest first. */
export function compareQueueRows(a: QueueRow, b: QueueRow): number {
  return compareDeadlines(a.deadline, b.deadline) || a.since.localeCompare(b.since);
}

const sections: Record<
  SectionKey,
  { roles: string[]; load: (s: Services, u: User) => Promise<Entry[]>; keep: (v: CaseView, u: User) => boolean; since: SinceKind }
> = {
  mine: {
    roles: ['reviewer'],
    since: 'review',
    load: (s, u) => rowsOf(s, u, { states: ['inReview'], reviewerId: u.id }),
    keep: (v, u) => v.reviewerId === u.id,
  },
  claimable: {
    roles: ['reviewer'],
    since: 'review',
    load: (s, u) => rowsOf(s, u, { states: ['inReview'] }),
    keep: (v) => v.reviewerId === null && can(v, 'review.assign'),
  },
  decide: {
    roles: ['head'],
    since: 'awaiting',
    // Also the heads' review-law acts: a disputed return to coordinate, an opinion to sign off.
    load: (s, u) => rowsOf(s, u, { states: ['awaitingDecision', 'ready', 'disputed', 'inReview'] }),
    keep: (v) => can(v, 'decision.issue', 'discussion.record', 'review.coordinate', 'review.signOff'),
  },
  duties: {
    roles: ['clerk'],
    since: 'decision',
    load: (s, u) => rowsOf(s, u, { states: ['decided'] }),
    keep: (v) => can(v, 'decision.serve', 'publication.publish', 'filing.submit', 'case.close'),
  },
  handled: { roles: ['handler'], since: 'open', load: (s, u) => rowsOf(s, u, { handlerId: u.id }), keep: (v) => v.endedAt === null },
};

/** The sections for `user`'s roles (only those), each sorted by urgency. */
export async function loadQueue(
  services: Services,
  user: User,
  only?: readonly SectionKey[],
): Promise<Partial<Record<SectionKey, QueueRow<CaseView>[]>>> {
  const today = chinaToday(services.now());
  const out: Partial<Record<SectionKey, QueueRow<CaseView>[]>> = {};
  for (const key of only ?? sectionKeys) {
    const section = sections[key];
    if (!section.roles.some((r) => user.roles.includes(r as User['roles'][number]))) continue;
    const entries = await section.load(services, user);
    out[key] = entries
      .filter((e) => section.keep(e.view, user))
      .map((e) => toQueueRow(e, today, section.since))
      .sort(compareQueueRows);
  }
  return out;
}
