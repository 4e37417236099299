// Everything a case page shows, read through the same services as the API: the caller's view (with its
// allowedEvents), the accepted record, people's names, open deadlines and the last reviewed draft.
import type { CaseRow } from '../../db/cases/case-store.js';
import type { User } from '../../db/users/user-store.js';
import type { DraftContent } from '../../machines/case/draft.schema.js';
import type { CaseView } from '../cases/case-view.js';
import type { Services } from '../services.js';
import { ok, type Result } from '../shared/result.js';
import { chinaToday, deadlinesOf, type DeskDeadline } from './deadline-source.js';
import type { CaseFiles } from './views/parts/evidence-file.js';

/** One accepted record entry, as the history shows it. */
export interface HistoryEntry {
  id: number;
  type: string;
  actorId: string;
  actorRole: string | null;
  at: string;
  payload: Record<string, unknown>;
}

/** The latest review opinion on the record (what the head decides on, what the handler corrects). */
export interface ReviewOnRecord {
  type: 'review.approve' | 'review.return' | 'review.refer';
  opinion: string;
  items: Record<string, { passed: boolean; finding?: string }> | null;
  reviewerId: string;
  at: string;
  draftHash: string | null;
}

export interface CasePageData {
  view: CaseView;
  row: CaseRow | null;
  draft: DraftContent;
  history: HistoryEntry[];
  /** Display names by user id (the record keeps ids). */
  names: Map<string, string>;
  latestReview: ReviewOnRecord | null;
  /** The last reviewed draft version, when the current draft differs from it (a re-submission). */
  lastReviewed: { version: number; content: DraftContent } | null;
  deadlines: DeskDeadline[];
  /** Every evidence file of the case, by id (drafts and records cite them). */
  files: CaseFiles;
  /** Users with the reviewer role (the head's assign form offers them; the machine decides who qualifies). */
  reviewers: { id: string; name: string }[];
}

const reviewTypes = new Set(['review.approve', 'review.return', 'review.refer']);

/** The draft content of a view (the view adds version and hash). */
export function draftOf(view: CaseView): DraftContent {
  const { version: _v, hash: _h, ...content } = view.draft;
  return content;
}

/** Loads a case page for `user`; a missing case is a `not_found` result. */
export async function loadCase(services: Services, user: User, caseId: string): Promise<Result<CasePageData>> {
  const viewed = await services.cases.view(user, caseId);
  if (!viewed.ok) return viewed;
  const view = viewed.value;
  const [row, events, drafts, users, evidence] = await Promise.all([
    services.store.get(caseId),
    services.store.events(caseId, false),
    services.store.drafts(caseId),
    services.users.list(),
    services.evidence.list(caseId),
  ]);
  const history: HistoryEntry[] = events.map((e) => ({
    id: e.id,
    type: e.type,
    actorId: e.actorId,
    actorRole: e.actorRole,
    at: e.at,
    payload: (e.payload ?? {}) as Record<string, unknown>,
  }));
  const last = [...events].reverse().find((e) => reviewTypes.has(e.type));
  const latestReview: ReviewOnRecord | null = last
    ? {
        type: last.type as ReviewOnRecord['type'],
        opinion: String((last.payload as { opinion?: unknown }).opinion ?? ''),
        items: ((last.payload as { items?: unknown }).items ?? null) as ReviewOnRecord['items'],
        reviewerId: last.actorId,
        at: last.at,
        draftHash: last.draftHash,
      }
    : null;
  const reviewed =
    latestReview && latestReview.draftHash !== view.draft.hash ? drafts.find((d) => d.hash === latestReview.draftHash) : undefined;
  return ok({
    view,
    row,
    draft: draftOf(view),
    history,
    names: new Map(users.map((u) => [u.id, u.displayName])),
    latestReview,
    lastReviewed: reviewed ? { version: reviewed.version, content: reviewed.content as DraftContent } : null,
    deadlines: deadlinesOf(view, row, chinaToday(services.now())),
    files: { caseId, byId: new Map(evidence.map((e) => [e.id, e])) },
    reviewers: users.filter((u) => u.roles.includes('reviewer') && u.id !== view.handlerId).map((u) => ({ id: u.id, name: u.displayName })),
  });
}
