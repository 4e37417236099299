// The model the 查封、扣押 proof explores: its actors (ids of real users, so HTTP replay sends the same drafts
// and hashes), its alphabet of labelled events (honest and hostile), and the abstraction that makes the
// state space finite. The key keeps every context field a guard or a checked property reads.
import { getAdjacencyMap } from 'xstate/graph';
import type { AnyMachineSnapshot } from 'xstate';
import type { CoercionCatalog } from '../../../machines/coercion/coercion.catalog.js';
import type { CoercionContext } from '../../../machines/coercion/coercion.context.js';
import { coercionDraftSummary, type CoercionDraft } from '../../../machines/coercion/coercion.draft.js';
import type { CoercionEvent } from '../../../machines/coercion/coercion.events.js';
import { coercionMachine, type CoercionMachine } from '../../../machines/coercion/coercion.machine.js';
import { alphabet } from './coercion-alphabet.js';

export { alphabet } from './coercion-alphabet.js';

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
  event: CoercionEvent;
}

/** An event as the explored graph holds it: the machine's event with its label and sender. */
export type ModelEvent = CoercionEvent & { label: string; who: PersonName };

export type Snapshot = AnyMachineSnapshot;
export interface SpaceNode {
  state: Snapshot;
  transitions: Record<string, { event: ModelEvent; state: Snapshot }>;
}
export type Space = Record<string, SpaceNode>;

/** The catalog of the model (the default policy's shape): ≥ 100,000 元 or premises make a measure major. */
export const modelCatalog: CoercionCatalog = {
  valueThresholdYuan: 100_000,
  majorObjectKinds: ['premises', 'facility'],
  publicInterestIsMajor: true,
  complexIsMajor: true,
  filingRequired: true,
};

/** The model's drafts: two major texts (A, B), a minor one (M), and an unlawful one (a 生活必需品, art 23). */
export function modelDrafts(people: ModelPeople) {
  const base = (title: string, valueYuan: number, livingNecessity = false): CoercionDraft => ({
    title,
    measure: 'seize',
    party: { name: '某运输有限公司', kind: 'organization' },
    facts: '擅自从事道路客运经营。',
    legalBasis: '《道路运输条例》第六十六条；《行政强制法》第二十二条',
    objects: [{ name: '客车', kind: 'vehicle', quantity: '1辆', valueYuan, livingNecessity }],
    periodDays: 30,
    remedies: '六十日内申请行政复议，六个月内提起行政诉讼。',
    officers: [people.handler1, people.handler2],
    publicInterest: false,
    complex: false,
  });
  return { A: base('扣押 A', 150_000), B: base('扣押 B', 200_000), M: base('扣押 M', 2_000), X: base('扣押 X', 150_000, true) };
}

/** The model: its people, drafts, the time its events carry and the input each case opens with. */
export interface Model {
  people: ModelPeople;
  drafts: ReturnType<typeof modelDrafts>;
  /** The instant every event is sent at; `late` extensions are sent 60 days after it. */
  at: string;
  /** Whether the alphabet holds events after the period ended (pure proof only: HTTP cannot move time). */
  lateEvents: boolean;
}

/** The hash as the abstraction sees it: which model draft it is, or `other`. */
function draftLabel(m: Model, hash: string | undefined): string | null {
  if (hash === undefined) return null;
  for (const [name, draft] of Object.entries(m.drafts)) if (coercionDraftSummary(draft, 1).hash === hash) return name;
  return 'other';
}

/** The abstract state: every field a guard or a property reads; times, counters and texts dropped. */
export function abstractKey(m: Model, snapshot: Snapshot): string {
  const c = snapshot.context as CoercionContext;
  return JSON.stringify({
    value: snapshot.value,
    status: snapshot.status,
    draft: draftLabel(m, c.draft.hash),
    major: c.major.isMajor,
    filingRequired: c.duties.filingRequired,
    attestation: draftLabel(m, c.attestation?.draftHash),
    reviewerId: c.reviewerId,
    review: c.review && [c.review.outcome, draftLabel(m, c.review.draftHash), c.review.reviewerId, c.review.failed.length],
    reviewers: [...c.reviewers].sort(),
    decision: c.decision && [draftLabel(m, c.decision.draftHash), c.decision.by],
    extended: c.period?.extension ? c.period.extension.days : null,
    conclusion: c.conclusion && [c.conclusion.result, c.conclusion.withinPeriod],
    filed: c.duties.filedAt !== null,
    ended: c.endedAt !== null,
  });
}

/** The whole abstract state space of `machine` from a case opened with `draft`. */
export function exploreCoercion(m: Model, draft: CoercionDraft, machine: CoercionMachine = coercionMachine): Space {
  const input = { caseId: 'proof-coercion', handlerId: m.people.handler1, draft, catalog: modelCatalog, at: m.at };
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
