// The model the 行政强制执行 proof explores: its actors (ids of real users, so HTTP replay sends the same drafts
// and hashes), its drafts, and the abstraction that makes the state space finite. The key keeps every context
// field a guard or a checked property reads; dates only as their comparison with the model's today.
import { getAdjacencyMap } from 'xstate/graph';
import type { AnyMachineSnapshot } from 'xstate';
import type { ExecutionCatalog } from '../../../machines/execution/execution.catalog.js';
import type { ExecutionContext } from '../../../machines/execution/execution.context.js';
import { executionDraftSummary, type ExecutionDraft } from '../../../machines/execution/execution.draft.js';
import type { ExecutionEvent } from '../../../machines/execution/execution.events.js';
import { executionMachine, type ExecutionMachine } from '../../../machines/execution/execution.machine.js';
import { alphabet } from './execution-alphabet.js';

export { alphabet } from './execution-alphabet.js';

/** The people of the model; ids are the demo users' in a replay. */
export interface ModelPeople {
  handler1: string;
  handler2: string;
  reviewer1: string;
  reviewer2: string;
  head1: string;
  clerk1: string;
}
export type PersonName = keyof ModelPeople;

/** A labelled event of the alphabet: `who` sends it (the replay signs in as that user). */
export interface LabeledEvent {
  label: string;
  who: PersonName;
  event: ExecutionEvent;
}
export type ModelEvent = ExecutionEvent & { label: string; who: PersonName };
export type Snapshot = AnyMachineSnapshot;
export interface SpaceNode {
  state: Snapshot;
  transitions: Record<string, { event: ModelEvent; state: Snapshot }>;
}
export type Space = Record<string, SpaceNode>;

/** The catalog of the model (the default policy's values). */
export const modelCatalog: ExecutionCatalog = {
  majorMeans: ['demolition'],
  majorSubstituteObjects: ['spilled_goods', 'obstacle', 'pollutant'],
  surchargeThresholdYuan: 20_000,
  publicInterestIsMajor: true,
  complexIsMajor: true,
  filingRequired: true,
};

/** The day the model's cases open on (before the 催告 it serves on 2 February 2026). */
export const modelOpenedOn = '2026-01-25';
/** Rest days the model's dates touch (a Sunday and 国庆), as the engine's calendar has them. */
export const modelRestDays = new Set(['2026-03-08', '2026-10-01']);

/**
 * The model's drafts: A (强制拆除, major), S (代履行 of spilled goods, major), M (恢复原状, minor), C (申请法院, minor),
 * H (minor, planned on 国庆 without urgency: art 43), X (unlawful: a surcharge on a duty to act, art 45).
 */
export function modelDrafts(people: ModelPeople) {
  void people;
  const base = (title: string, over: Partial<ExecutionDraft>): ExecutionDraft => ({
    title,
    route: 'enforce',
    means: 'restore',
    party: { name: '某物流有限公司', kind: 'organization' },
    duty: { decisionRef: '青交执罚〔2025〕88号', duty: '限期拆除违法建筑物', kind: 'act', dueOn: '2026-01-20', remedyEndsOn: '2026-02-10' },
    facts: '经催告仍未履行。',
    legalBasis: '《行政强制法》第三十七条',
    manner: '强制执行',
    plannedOn: '2026-03-16',
    plannedTime: '09:00',
    surchargeYuan: 0,
    remedies: '六十日内申请行政复议，六个月内提起行政诉讼。',
    publicInterest: false,
    complex: false,
    ...over,
  });
  return {
    A: base('拆除 A', { means: 'demolition' }),
    S: base('代履行 S', { route: 'substitute', means: 'substitute', substituteObject: 'spilled_goods' }),
    M: base('恢复原状 M', {}),
    C: base('申请法院 C', { route: 'court', means: 'other', plannedOn: undefined, plannedTime: undefined }),
    H: base('国庆 H', { plannedOn: '2026-10-01' }),
    X: base('加处 X', { surchargeYuan: 100 }),
  };
}
export type DraftName = keyof ReturnType<typeof modelDrafts>;

/** The model: its people, drafts, the instant every event carries, and the drafts its alphabet revises to. */
export interface Model {
  people: ModelPeople;
  drafts: ReturnType<typeof modelDrafts>;
  at: string;
  revisions: readonly DraftName[];
}

/** The hash as the abstraction sees it: which model draft it is, or `other`. */
export function draftLabel(m: Model, hash: string | undefined): string | null {
  if (hash === undefined) return null;
  for (const [name, draft] of Object.entries(m.drafts)) if (executionDraftSummary(draft, 1).hash === hash) return name;
  return 'other';
}

/** The abstract state: every field a guard or a property reads; times, counters and texts dropped. */
export function abstractKey(m: Model, snapshot: Snapshot): string {
  const c = snapshot.context as ExecutionContext;
  const today = m.at.slice(0, 10);
  return JSON.stringify({
    value: snapshot.value,
    status: snapshot.status,
    draft: draftLabel(m, c.draft.hash),
    major: c.major.isMajor,
    filingRequired: c.duties.filingRequired,
    notice: c.notice && [c.notice.endsOn < today, c.notice.courtWaitEndsOn < today],
    statementOpen: c.statements.some((s) => s.holds && s.draftVersion >= c.draft.version),
    attestation: draftLabel(m, c.attestation?.draftHash),
    reviewerId: c.reviewerId,
    review: c.review && [c.review.outcome, draftLabel(m, c.review.draftHash), c.review.reviewerId, c.review.failed.length],
    reviewers: [...c.reviewers].sort(),
    decision: c.decision && [draftLabel(m, c.decision.draftHash), c.decision.by],
    reminder: c.reminder?.servedOn ?? null,
    suspended: c.suspension !== null,
    conclusion: c.conclusion && [c.conclusion.result, c.conclusion.on, c.conclusion.urgent],
    filed: c.duties.filedAt !== null,
    ended: c.endedAt !== null,
  });
}

/** The whole abstract state space of `machine` from a case opened with `draft`. */
export function exploreExecution(m: Model, draft: ExecutionDraft, machine: ExecutionMachine = executionMachine): Space {
  const input = {
    caseId: 'proof-execution',
    handlerId: m.people.handler1,
    draft,
    catalog: modelCatalog,
    at: m.at,
    openedOn: modelOpenedOn,
  };
  return getAdjacencyMap(
    machine as never,
    {
      input,
      events: (snapshot: Snapshot) => alphabet(m, snapshot).map((l) => ({ ...l.event, label: l.label, who: l.who })),
      serializeState: (snapshot: Snapshot) => abstractKey(m, snapshot),
      serializeEvent: (event: { label: string }) => event.label,
    } as never,
  ) as unknown as Space;
}
