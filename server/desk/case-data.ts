// Everything a case page shows, read through the same services as the API: the caller's view (with its
// allowedEvents), the accepted record, people's names, open deadlines and the last reviewed draft.
import type { DocumentKind } from '../../db/documents/document-store.js';
import type { CaseRow } from '../../db/cases/case-store.js';
import type { User } from '../../db/users/user-store.js';
import type { DraftContent } from '../../machines/case/draft.schema.js';
import type { CaseView } from '../cases/case-view.js';
import type { Services } from '../services.js';
import { ok, type Result } from '../shared/result.js';
import { chinaToday, deadlinesOf, type DeskDeadline } from './deadline-source.js';
import type { PublicationContent } from '../../machines/case/party.schemas.js';
import { publicationContent } from '../public/publication-content.js';
import type { Person } from './views/parts/party-forms.js';
import { canReadDocuments } from '../access/access-rules.js';
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
  /** Active users with their roles (the discussion form offers them as members and chair; the party-rights forms as host, recorder, the person a 回避 application is against, a new handler). */
  people: Person[];
  /** The documents the case issued (numbers only; the pages show them to those who may read them). */
  documents: { kind: DocumentKind; number: string; issuedAt: string }[];
  latestReview: ReviewOnRecord | null;
  /** The last reviewed draft version, when the current draft differs from it (a re-submission). */
  lastReviewed: { version: number; content: DraftContent } | null;
  deadlines: DeskDeadline[];
  /** Today in China: the latest legal date a form accepts. */
  today: string;
  /** What publishing would show now (the same function the service publishes with); null unless it may publish. */
  publicationPreview: PublicationContent | null;
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

/** The publication content of a decided case, as `publication.publish` would record it. */
async function previewOf(services: Services, caseId: string): Promise<PublicationContent | null> {
  const loaded = await services.cases.load(caseId);
  return loaded ? publicationContent(loaded.snapshot.context, loaded.draft, services.policy.publication) : null;
}

/** Loads a case page for `user`; a missing case is a `not_found` result. */
export async function loadCase(services: Services, user: User, caseId: string): Promise<Result<CasePageData>> {
  const viewed = await services.cases.view(user, caseId);
  if (!viewed.ok) return viewed;
  const view = viewed.value;
  const [row, events, drafts, users, documents, evidence] = await Promise.all([
    services.store.get(caseId),
    services.store.events(caseId, false),
    services.store.drafts(caseId),
    services.users.list(),
    services.documents.byCase(caseId),
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
    people: users.filter((u) => u.active).map((u) => ({ id: u.id, name: u.displayName, roles: [...u.roles] })),
    documents: documents
      .filter((d) => row !== null && canReadDocuments(user, row, d.kind).ok)
      .map((d) => ({ kind: d.kind, number: d.number, issuedAt: d.issuedAt })),
    latestReview,
    lastReviewed: reviewed ? { version: reviewed.version, content: reviewed.content as DraftContent } : null,
    deadlines: deadlinesOf(view, row, chinaToday(services.now())),
    today: chinaToday(services.now()),
    publicationPreview: view.allowedEvents.includes('publication.publish') ? await previewOf(services, caseId) : null,
    files: { caseId, byId: new Map(evidence.map((e) => [e.id, e])) },
    reviewers: users.filter((u) => u.roles.includes('reviewer') && u.id !== view.handlerId).map((u) => ({ id: u.id, name: u.displayName })),
  });
}
