// Context updates of the execution machine, one pure function per effect. They never decide whether an event is
// allowed (execution.rules.ts and execution.content.ts do); they record what happened.
import { chinaDay } from '../case/legal-dates.js';
import { failedItems } from '../review/review-items.js';
import { classifyExecution, mergeExecutionClassification, type ExecutionCatalog } from './execution.catalog.js';
import type { ExecutionContext, ExecutionResult } from './execution.context.js';
import { executionDraftSummary, type ExecutionDraft } from './execution.draft.js';
import { ExecutionReviewItemKeys, type ExecutionEvent } from './execution.events.js';

type EventOf<T extends ExecutionEvent['type']> = Extract<ExecutionEvent, { type: T }>;
type Update = (context: ExecutionContext, event: ExecutionEvent) => Partial<ExecutionContext>;

/** What an execution case opens with: the first draft (with the duty it enforces), classified by the catalog. */
export interface ExecutionInput {
  caseId: string;
  handlerId: string;
  draft: ExecutionDraft;
  catalog: ExecutionCatalog;
  at: string;
  openedOn?: string;
}

/** The context a case opens with. */
export function initialExecutionContext(input: ExecutionInput): ExecutionContext {
  const major = classifyExecution(input.draft, input.catalog);
  const { decisionRef, kind, dueOn, remedyEndsOn, amountYuan } = input.draft.duty;
  return {
    caseId: input.caseId,
    handlerId: input.handlerId,
    reviewerId: null,
    catalog: input.catalog,
    draft: executionDraftSummary(input.draft, 1),
    duty: { decisionRef, kind, dueOn, remedyEndsOn, amountYuan: amountYuan ?? null },
    major,
    notice: null,
    statements: [],
    attestation: null,
    review: null,
    reviewRounds: 0,
    reviewers: [],
    recusals: [],
    decision: null,
    reminder: null,
    suspension: null,
    suspensions: 0,
    conclusion: null,
    duties: { filingRequired: major.isMajor && input.catalog.filingRequired, filedAt: null, filedOn: null },
    openedAt: input.at,
    openedOn: input.openedOn ?? chinaDay(input.at),
    endedAt: null,
  };
}

/** A new text: a changed hash voids the attestation and any review of the old one. */
function reviseDraft(context: ExecutionContext, event: EventOf<'draft.revise'>): Partial<ExecutionContext> {
  const summary = executionDraftSummary(event.draft, context.draft.version + 1);
  if (summary.hash === context.draft.hash) return {};
  const major = mergeExecutionClassification(context.major, classifyExecution(event.draft, context.catalog));
  return {
    draft: summary,
    major,
    attestation: null,
    review: null,
    duties: { ...context.duties, filingRequired: major.isMajor && context.catalog.filingRequired },
  };
}

function recordOpinion(context: ExecutionContext, event: EventOf<'review.approve' | 'review.return'>): Partial<ExecutionContext> {
  return {
    review: {
      outcome: event.type === 'review.approve' ? 'approved' : 'returned',
      draftHash: context.draft.hash,
      reviewerId: event.actor.id,
      at: event.at,
      failed: failedItems(ExecutionReviewItemKeys, event.items),
    },
    reviewRounds: context.reviewRounds + 1,
    reviewers: [...new Set([...context.reviewers, event.actor.id])],
  };
}

function recordDecision(c: ExecutionContext, d: EventOf<'decision.issue'>): Partial<ExecutionContext> {
  // The hash the head decided on, as sent: the guards make it the approved, current one.
  const route = c.draft.route;
  const decision = { draftHash: d.draftHash, outcome: `execution_${route}` as const, route, by: d.actor.id, at: d.at };
  return { decision: { ...decision, decidedOn: d.decidedOn, courtDeadline: d.courtDeadline } };
}

const conclude = (result: ExecutionResult, e: ExecutionEvent, on: string, costYuan: number | null = null, urgent = false) => ({
  conclusion: { result, by: e.actor.id, at: e.at, on, costYuan, urgent },
  suspension: null,
});

function recordCarry(c: ExecutionContext, x: EventOf<'execution.carry'>): Partial<ExecutionContext> {
  const urgent = c.draft.urgent || x.urgentReason !== undefined;
  return conclude('executed', x, x.carriedOn, c.draft.route === 'substitute' ? (x.costYuan ?? 0) : null, urgent);
}

/** The updates, named for their effect (the machine's actions). */
export const executionUpdates = {
  reviseDraft: (c, e) => reviseDraft(c, e as EventOf<'draft.revise'>),
  recordNotice: (_c, e) => {
    const n = e as EventOf<'notice.serve'>;
    return {
      notice: { servedOn: n.servedOn, periodDays: n.periodDays, endsOn: n.endsOn, courtWaitEndsOn: n.courtWaitEndsOn, by: e.actor.id },
    };
  },
  recordStatement: (c, e) => {
    const s = e as EventOf<'statement.record'>;
    return { statements: [...c.statements, { heardOn: s.heardOn, holds: s.holds, draftVersion: c.draft.version }] };
  },
  recordAttestation: (c, e) => ({ attestation: { draftHash: c.draft.hash, by: e.actor.id, at: e.at } }),
  assignReviewer: (_c, e) => ({ reviewerId: (e as EventOf<'review.assign'>).assignee.id }),
  recordOpinion: (c, e) => recordOpinion(c, e as EventOf<'review.approve' | 'review.return'>),
  recordDecision: (c, e) => recordDecision(c, e as EventOf<'decision.issue'>),
  recordReminder: (_c, e) => ({ reminder: { servedOn: (e as EventOf<'substitute.remind'>).servedOn, by: e.actor.id } }),
  recordCarry: (c, e) => recordCarry(c, e as EventOf<'execution.carry'>),
  recordRuling: (_c, e) => {
    const r = e as EventOf<'court.rule'>;
    return conclude(r.ruling === 'enforce' ? 'court_enforced' : 'court_refused', e, r.ruledOn);
  },
  recordSuspension: (c, e) => ({
    suspension: { ground: (e as EventOf<'execution.suspend'>).ground, by: e.actor.id, at: e.at },
    suspensions: c.suspensions + 1,
  }),
  recordResumption: () => ({ suspension: null }),
  recordTermination: (_c, e) => conclude('terminated', e, chinaDay(e.at)),
  recordPerformance: (_c, e) => conclude('performed', e, (e as EventOf<'duty.performed'>).performedOn),
  recordFiling: (c, e) => ({ duties: { ...c.duties, filedAt: e.at, filedOn: (e as EventOf<'filing.submit'>).filedOn } }),
  recordEnd: (_c, e) => ({ endedAt: e.at }),
} satisfies Record<string, Update>;
export type ExecutionUpdate = Update;
