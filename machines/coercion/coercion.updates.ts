// Context updates of the 查封、扣押 machine, one pure function per effect. They never decide whether an event
// is allowed (coercion.rules.ts does); they record what happened.
import { chinaDay } from '../case/legal-dates.js';
import { classifyCoercion, mergeCoercionClassification, type CoercionCatalog } from './coercion.catalog.js';
import type { CoercionContext } from './coercion.context.js';
import { coercionDraftSummary, type CoercionDraft } from './coercion.draft.js';
import { CoercionReviewItemKeys, type CoercionEvent } from './coercion.events.js';
import { failedItems } from '../review/review-items.js';

type EventOf<T extends CoercionEvent['type']> = Extract<CoercionEvent, { type: T }>;
type Update = (context: CoercionContext, event: CoercionEvent) => Partial<CoercionContext>;

/** What a 查封扣押 case opens with (立案 of the measure): the first draft, classified by the catalog. */
export interface CoercionInput {
  caseId: string;
  handlerId: string;
  draft: CoercionDraft;
  catalog: CoercionCatalog;
  at: string;
  openedOn?: string;
}

/** The context a case opens with. */
export function initialCoercionContext(input: CoercionInput): CoercionContext {
  const major = classifyCoercion(input.draft, input.catalog);
  return {
    caseId: input.caseId,
    handlerId: input.handlerId,
    reviewerId: null,
    catalog: input.catalog,
    draft: coercionDraftSummary(input.draft, 1),
    major,
    attestation: null,
    review: null,
    reviewRounds: 0,
    reviewers: [],
    recusals: [],
    decision: null,
    period: null,
    conclusion: null,
    duties: { filingRequired: major.isMajor && input.catalog.filingRequired, filedAt: null, filedOn: null },
    openedAt: input.at,
    openedOn: input.openedOn ?? chinaDay(input.at),
    endedAt: null,
  };
}

/** A new text: a changed hash voids the attestation and any review of the old one. */
function reviseDraft(context: CoercionContext, event: EventOf<'draft.revise'>): Partial<CoercionContext> {
  const summary = coercionDraftSummary(event.draft, context.draft.version + 1);
  if (summary.hash === context.draft.hash) return {};
  const major = mergeCoercionClassification(context.major, classifyCoercion(event.draft, context.catalog));
  return {
    draft: summary,
    major,
    attestation: null,
    review: null,
    duties: { ...context.duties, filingRequired: major.isMajor && context.catalog.filingRequired },
  };
}

function recordOpinion(context: CoercionContext, event: EventOf<'review.approve' | 'review.return'>): Partial<CoercionContext> {
  const outcome = event.type === 'review.approve' ? 'approved' : 'returned';
  return {
    review: {
      outcome,
      draftHash: context.draft.hash,
      reviewerId: event.actor.id,
      at: event.at,
      failed: failedItems(CoercionReviewItemKeys, event.items),
    },
    reviewRounds: context.reviewRounds + 1,
    reviewers: [...new Set([...context.reviewers, event.actor.id])],
  };
}

/** The updates, named for their effect (the machine's actions). */
export const coercionUpdates = {
  reviseDraft: (c, e) => reviseDraft(c, e as EventOf<'draft.revise'>),
  recordAttestation: (c, e) => ({ attestation: { draftHash: c.draft.hash, by: e.actor.id, at: e.at } }),
  assignReviewer: (_c, e) => ({ reviewerId: (e as EventOf<'review.assign'>).assignee.id }),
  recordOpinion: (c, e) => recordOpinion(c, e as EventOf<'review.approve' | 'review.return'>),
  recordDecision: (c, e) => {
    const d = e as EventOf<'decision.issue'>;
    // The hash the head decided on, as sent: the guards make it the approved, current one.
    return {
      decision: {
        draftHash: d.draftHash,
        outcome: `coercion_${c.draft.measure}` as const,
        by: e.actor.id,
        at: e.at,
        decidedOn: d.decidedOn,
      },
      period: { implementedOn: d.implementedOn, days: c.draft.periodDays, endsOn: d.periodEndsOn, extension: null },
    };
  },
  recordExtension: (c, e) => {
    const x = e as EventOf<'measure.extend'>;
    const extension = {
      days: x.days,
      by: e.actor.id,
      at: e.at,
      reason: x.reason,
      noticeServedOn: x.noticeServedOn,
      endsOn: x.extendedEndsOn,
    };
    return { period: c.period ? { ...c.period, extension } : null };
  },
  recordConclusion: (c, e) => {
    const x = e as EventOf<'measure.conclude'>;
    const endsOn = c.period?.extension?.endsOn ?? c.period?.endsOn ?? x.concludedOn;
    return {
      conclusion: { result: x.result, by: e.actor.id, at: e.at, concludedOn: x.concludedOn, withinPeriod: x.concludedOn <= endsOn },
    };
  },
  recordFiling: (c, e) => ({ duties: { ...c.duties, filedAt: e.at, filedOn: (e as EventOf<'filing.submit'>).filedOn } }),
  recordEnd: (_c, e) => ({ endedAt: e.at }),
  recordDeadlineNotice: (c, e) => {
    const { kind, status } = e as EventOf<'deadline.notify'>;
    return { alerts: { ...(c.alerts ?? {}), [kind]: status } };
  },
} satisfies Record<string, Update>;
export type CoercionUpdate = Update;
