// Context updates of the 行政许可 (撤销 / 撤回) machine, one pure function per effect. They never decide whether
// an event is allowed (licence.rules.ts does); they record what happened.
import { chinaDay } from '../case/legal-dates.js';
import { failedItems } from '../review/review-items.js';
import { classifyLicence, mergeLicenceClassification, type LicenceCatalog } from './licence.catalog.js';
import type { LicenceContext } from './licence.context.js';
import { licenceDraftSummary, type LicenceDraft } from './licence.draft.js';
import { LicenceReviewItemKeys, type LicenceEvent } from './licence.events.js';

type EventOf<T extends LicenceEvent['type']> = Extract<LicenceEvent, { type: T }>;
type Update = (context: LicenceContext, event: LicenceEvent) => Partial<LicenceContext>;

/** What a licence case opens with (立案): the first draft, classified by the catalog. */
export interface LicenceInput {
  caseId: string;
  handlerId: string;
  draft: LicenceDraft;
  catalog: LicenceCatalog;
  at: string;
  openedOn?: string;
}

/** The context a case opens with. */
export function initialLicenceContext(input: LicenceInput): LicenceContext {
  const major = classifyLicence(input.draft, input.catalog);
  return {
    caseId: input.caseId,
    handlerId: input.handlerId,
    reviewerId: null,
    catalog: input.catalog,
    draft: licenceDraftSummary(input.draft, 1),
    major,
    hearing: null,
    attestation: null,
    review: null,
    reviewRounds: 0,
    reviewers: [],
    recusals: [],
    decision: null,
    duties: {
      servedOn: null,
      publishedOn: null,
      filingRequired: major.isMajor && input.catalog.filingRequired,
      filedAt: null,
      filedOn: null,
    },
    openedAt: input.at,
    openedOn: input.openedOn ?? chinaDay(input.at),
    endedAt: null,
  };
}

/** A new text: a changed hash voids the attestation and any review of the old one. */
function reviseDraft(context: LicenceContext, event: EventOf<'draft.revise'>): Partial<LicenceContext> {
  const summary = licenceDraftSummary(event.draft, context.draft.version + 1);
  if (summary.hash === context.draft.hash) return {};
  const major = mergeLicenceClassification(context.major, classifyLicence(event.draft, context.catalog));
  return {
    draft: summary,
    major,
    attestation: null,
    review: null,
    duties: { ...context.duties, filingRequired: major.isMajor && context.catalog.filingRequired },
  };
}

function serveNotice(context: LicenceContext, event: EventOf<'notice.serve'>): Partial<LicenceContext> {
  const { outcome, grounds, hash } = context.draft;
  const hearing = { outcome, grounds, draftHash: hash, servedOn: event.servedOn, statementsDueOn: event.statementsDueOn };
  return { hearing: { ...hearing, statements: [], closedAt: null } };
}

function recordStatement(context: LicenceContext, event: EventOf<'statement.record'>): Partial<LicenceContext> {
  const statement = { waived: event.waived, by: event.actor.id, at: event.at, receivedOn: event.receivedOn };
  return context.hearing ? { hearing: { ...context.hearing, statements: [...context.hearing.statements, statement] } } : {};
}

function recordOpinion(context: LicenceContext, event: EventOf<'review.approve' | 'review.return'>): Partial<LicenceContext> {
  const outcome = event.type === 'review.approve' ? 'approved' : 'returned';
  const failed = failedItems(LicenceReviewItemKeys, event.items);
  return {
    review: { outcome, draftHash: context.draft.hash, reviewerId: event.actor.id, at: event.at, failed },
    reviewRounds: context.reviewRounds + 1,
    reviewers: [...new Set([...context.reviewers, event.actor.id])],
  };
}

/** The updates, named for their effect (the machine's actions). */
export const licenceUpdates = {
  reviseDraft: (c, e) => reviseDraft(c, e as EventOf<'draft.revise'>),
  serveNotice: (c, e) => serveNotice(c, e as EventOf<'notice.serve'>),
  recordStatement: (c, e) => recordStatement(c, e as EventOf<'statement.record'>),
  closeHearing: (c, e) => (c.hearing ? { hearing: { ...c.hearing, closedAt: e.at } } : {}),
  recordAttestation: (c, e) => ({ attestation: { draftHash: c.draft.hash, by: e.actor.id, at: e.at } }),
  assignReviewer: (_c, e) => ({ reviewerId: (e as EventOf<'review.assign'>).assignee.id }),
  recordOpinion: (c, e) => recordOpinion(c, e as EventOf<'review.approve' | 'review.return'>),
  // The hash the head decided on, as sent: the guards make it the approved, current one.
  recordDecision: (c, e) => {
    const d = e as EventOf<'decision.issue'>;
    const outcome = `licence_${c.draft.outcome}` as const;
    return {
      decision: { draftHash: d.draftHash, outcome, compensation: c.draft.compensation, by: e.actor.id, at: e.at, decidedOn: d.decidedOn },
    };
  },
  recordService: (c, e) => ({ duties: { ...c.duties, servedOn: (e as EventOf<'service.record'>).servedOn } }),
  recordPublication: (c, e) => ({ duties: { ...c.duties, publishedOn: (e as EventOf<'publication.record'>).publishedOn } }),
  recordFiling: (c, e) => ({ duties: { ...c.duties, filedAt: e.at, filedOn: (e as EventOf<'filing.submit'>).filedOn } }),
  recordEnd: (_c, e) => ({ endedAt: e.at }),
} satisfies Record<string, Update>;
export type LicenceUpdate = Update;
