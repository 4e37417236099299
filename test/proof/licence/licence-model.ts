// The model the 行政许可 (撤销 / 撤回) proof explores: its actors (ids of real users, so HTTP replay sends the same
// drafts and hashes), its drafts, and the abstraction that makes the state space finite. The key keeps every
// context field a guard or a checked property reads.
import { getAdjacencyMap } from 'xstate/graph';
import type { AnyMachineSnapshot } from 'xstate';
import type { LicenceCatalog } from '../../../machines/licence/licence.catalog.js';
import type { LicenceContext } from '../../../machines/licence/licence.context.js';
import { licenceDraftSummary, type LicenceDraft } from '../../../machines/licence/licence.draft.js';
import type { LicenceEvent } from '../../../machines/licence/licence.events.js';
import { licenceMachine, type LicenceMachine } from '../../../machines/licence/licence.machine.js';
import { alphabet } from './licence-alphabet.js';

export { alphabet } from './licence-alphabet.js';

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
  event: LicenceEvent;
}

/** An event as the explored graph holds it: the machine's event with its label and sender. */
export type ModelEvent = LicenceEvent & { label: string; who: PersonName };

export type Snapshot = AnyMachineSnapshot;
export interface SpaceNode {
  state: Snapshot;
  transitions: Record<string, { event: ModelEvent; state: Snapshot }>;
}
export type Space = Record<string, SpaceNode>;

/** The catalog of the model (the default policy's shape). */
export const modelCatalog: LicenceCatalog = {
  majorLicenceKinds: ['roadTransportOperation', 'stationOperation'],
  compensationThresholdYuan: 100_000,
  partiesAffectedThreshold: 50,
  publicInterestIsMajor: true,
  complexIsMajor: true,
  filingRequired: true,
};

/**
 * The model's drafts: a major 撤销 (A), a minor 撤销 on the same ground (M, another text A's approval does not
 * cover), a major 撤回 (W, another outcome than A's notice), and an unlawful one (X: 不予撤销 of a fraud without
 * public-interest reasons, art 69 ¶2).
 */
export function modelDrafts() {
  const base = (title: string, over: Partial<LicenceDraft> = {}): LicenceDraft => ({
    title,
    outcome: 'revoke',
    party: { name: '某客运有限公司', kind: 'organization' },
    licence: { kind: 'roadTransportOperation', number: '青交运630100001', grantedOn: '2024-05-06' },
    grounds: ['unqualifiedApplicant'],
    groundsEstablished: true,
    facts: '不符合法定条件而准予许可。',
    legalBasis: '《行政许可法》第六十九条第一款第四项',
    remedies: '六十日内申请行政复议，六个月内提起行政诉讼。',
    estimatedLossYuan: 20_000,
    partiesAffected: 3,
    publicInterest: false,
    complex: false,
    ...over,
  });
  const person = { party: { name: '张某', kind: 'person' as const } };
  return {
    A: base('撤销 A'),
    M: base('撤销 M', { ...person, licence: { kind: 'practitionerQualification', number: '6301', grantedOn: '2024-05-06' } }),
    W: base('撤回 W', { outcome: 'withdraw', grounds: ['lawChanged'] }),
    X: base('不予撤销 X', { outcome: 'notRevoke', grounds: ['improperMeans'] }),
  };
}

/** The model: its people, drafts, the time its events carry, and whether late events are in the alphabet. */
export interface Model {
  people: ModelPeople;
  drafts: ReturnType<typeof modelDrafts>;
  at: string;
  /** Whether the alphabet closes the hearing after the statements period (pure proof only: HTTP cannot move time). */
  lateEvents: boolean;
}

/** The hash as the abstraction sees it: which model draft it is, or `other`. */
function draftLabel(m: Model, hash: string | undefined): string | null {
  if (hash === undefined) return null;
  for (const [name, draft] of Object.entries(m.drafts)) if (licenceDraftSummary(draft, 1).hash === hash) return name;
  return 'other';
}

/** The abstract state: every field a guard or a property reads; times, counters and texts dropped. */
export function abstractKey(m: Model, snapshot: Snapshot): string {
  const c = snapshot.context as LicenceContext;
  const h = c.hearing;
  return JSON.stringify({
    value: snapshot.value,
    status: snapshot.status,
    draft: draftLabel(m, c.draft.hash),
    major: c.major.isMajor,
    filingRequired: c.duties.filingRequired,
    hearing: h && [h.outcome, h.grounds, h.statements.length > 0, h.closedAt !== null],
    attestation: draftLabel(m, c.attestation?.draftHash),
    reviewerId: c.reviewerId,
    review: c.review && [c.review.outcome, draftLabel(m, c.review.draftHash), c.review.reviewerId, c.review.failed.length],
    reviewers: [...c.reviewers].sort(),
    decision: c.decision && [draftLabel(m, c.decision.draftHash), c.decision.by],
    duties: [c.duties.servedOn !== null, c.duties.publishedOn !== null, c.duties.filedAt !== null],
    ended: c.endedAt !== null,
  });
}

/** The whole abstract state space of `machine` from a case opened with `draft`. */
export function exploreLicence(m: Model, draft: LicenceDraft, machine: LicenceMachine = licenceMachine): Space {
  const input = { caseId: 'proof-licence', handlerId: m.people.handler1, draft, catalog: modelCatalog, at: m.at };
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
