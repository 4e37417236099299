// Everything the 查封、扣押 desk page shows, read through the same service as `/api/v1/coercion-cases`: the
// caller's view (allowedEvents, clocks), the accepted record, people's names and the reviewers to assign.
// Invariant: a case the caller may not read, or of another kind, is the service's own 404.
import type { User } from '../../../db/users/user-store.js';
import type { Services } from '../../services.js';
import type { CoercionView } from '../../coercion/coercion-view.js';
import { ok, type Result } from '../../shared/result.js';
import type { HistoryEntry } from '../case-data.js';
import { chinaToday } from '../deadline-source.js';

/** The latest written opinion on the record, with its items (the view keeps only the failed keys). */
export interface CoercionOpinion {
  type: 'review.approve' | 'review.return';
  opinion: string;
  items: Record<string, { passed: boolean; finding?: string }>;
  reviewerId: string;
  at: string;
}

export interface CoercionPageData {
  view: CoercionView;
  history: HistoryEntry[];
  names: Map<string, string>;
  /** Users with the reviewer role other than the handler (the machine decides who qualifies). */
  reviewers: { id: string; name: string }[];
  latestOpinion: CoercionOpinion | null;
  /** Today in China: the latest legal date a form accepts. */
  today: string;
}

/** Loads the page of coercion case `caseId` for `user`. */
export async function loadCoercion(services: Services, user: User, caseId: string): Promise<Result<CoercionPageData>> {
  const viewed = await services.coercion.view(user, caseId);
  if (!viewed.ok) return viewed;
  const view = viewed.value;
  const [events, users] = await Promise.all([services.store.events(caseId, false), services.users.list()]);
  const history: HistoryEntry[] = events.map((e) => ({
    id: e.id,
    type: e.type,
    actorId: e.actorId,
    actorRole: e.actorRole,
    at: e.at,
    payload: (e.payload ?? {}) as Record<string, unknown>,
  }));
  const last = [...history].reverse().find((e) => e.type === 'review.approve' || e.type === 'review.return');
  const latestOpinion: CoercionOpinion | null = last
    ? {
        type: last.type as CoercionOpinion['type'],
        opinion: String(last.payload.opinion ?? ''),
        items: (last.payload.items ?? {}) as CoercionOpinion['items'],
        reviewerId: last.actorId,
        at: last.at,
      }
    : null;
  return ok({
    view,
    history,
    names: new Map(users.map((u) => [u.id, u.displayName])),
    reviewers: users
      .filter((u) => u.active && u.roles.includes('reviewer') && u.id !== view.handlerId)
      .map((u) => ({ id: u.id, name: u.displayName })),
    latestOpinion,
    today: chinaToday(services.now()),
  });
}
