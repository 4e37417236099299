// The abstract cast and drafts of the proof: a finite set of people (honest and adversarial) and of draft
// texts, so the state space is finite. Each abstract actor maps to one real user in the API replay.
import type { Actor } from '../../machines/case/case.events.js';
import type { DraftContent } from '../../machines/case/draft.schema.js';
import type { NewUser } from '../../db/users/user-store.js';
import { sha256Canonical } from '../../machines/shared/canonical-hash.js';
import { loadPolicy } from '../../server/policy/load-policy.js';
import { catalogOf, procedureFrom } from '../../server/services.js';
import { demoUnitIds } from '../../server/demo/demo-units.js';

/** Abstract actor names; in the model an actor's id is its name. */
export type ActorName =
  | 'handler'
  | 'handler2'
  | 'reviewer1'
  | 'reviewer2'
  | 'reviewerUnqualified'
  | 'head1'
  | 'head4'
  | 'head3'
  | 'clerk1'
  | 'system';

/**
 * The case handler also holds the reviewer and head roles, so "the handler reviews or decides their own
 * case" reaches the separation-of-duties rule (self_review) instead of stopping at the role check. reviewer2
 * is also a head, so "the reviewer decides the case they reviewed" reaches reviewer_may_not_decide. head4 and
 * head3 only sit on collective discussions (the quorum of the default policy is three heads).
 */
export const actors: Record<ActorName, Actor> = {
  handler: { id: 'handler', roles: ['handler', 'reviewer', 'head'], certified: true, qualified: true },
  handler2: { id: 'handler2', roles: ['handler'], certified: true, qualified: false },
  reviewer1: { id: 'reviewer1', roles: ['reviewer'], certified: false, qualified: true },
  reviewer2: { id: 'reviewer2', roles: ['reviewer', 'head'], certified: false, qualified: true },
  reviewerUnqualified: { id: 'reviewerUnqualified', roles: ['reviewer'], certified: false, qualified: false },
  head1: { id: 'head1', roles: ['head'], certified: false, qualified: false },
  head4: { id: 'head4', roles: ['head'], certified: false, qualified: false },
  head3: { id: 'head3', roles: ['head'], certified: false, qualified: false },
  clerk1: { id: 'clerk1', roles: ['clerk'], certified: false, qualified: false },
  system: { id: 'system', roles: ['system'], certified: false, qualified: false },
};

/** Whether an approval by this actor counts: a qualified reviewer who is not the case handler. */
export function isQualifiedIndependentReviewer(id: string): boolean {
  const actor = actors[id as ActorName];
  return actor?.qualified && actor.roles.includes('reviewer') && id !== actors.handler.id;
}

const base: Omit<DraftContent, 'proposed'> = {
  title: '超限运输案',
  party: { name: '马某', kind: 'person' },
  facts: '车辆超限运输。',
  legalBasis: ['《公路安全保护条例》第三十条'],
  evidence: [{ kind: '现场检测记录', description: '称重检测单' }],
};

/** Draft texts by classification under the default catalog (checked in the state-space test). */
export const drafts = {
  /** 500 元 for a person: not major. The case opens with this one. */
  minor: { ...base, proposed: { kind: 'fine', amountYuan: 500 } },
  /** 20,000 元 for a person: major, and collective discussion (集体讨论) required. */
  majorDiscussed: { ...base, proposed: { kind: 'fine', amountYuan: 20000 } },
  /** A warning in the public interest: major, no discussion required. */
  majorPublic: { ...base, proposed: { kind: 'warning' }, flags: { publicInterest: true } },
} satisfies Record<string, DraftContent>;
export type DraftName = keyof typeof drafts;
export const draftNames = Object.keys(drafts) as DraftName[];
export const draftHashes = Object.fromEntries(draftNames.map((n) => [n, sha256Canonical(drafts[n])])) as Record<DraftName, string>;

/** The draft name of a hash, if it is one of ours. */
export function draftNameOf(hash: string): DraftName | null {
  return draftNames.find((n) => draftHashes[n] === hash) ?? null;
}

/** A well-formed SHA-256 that names no draft at all. */
export const forgedHash = 'f'.repeat(64);

/** The catalog and the review procedure (sign-off off, quorum of three heads) from the default policy, as the server uses them. */
export const catalog = catalogOf(loadPolicy());
export const procedure = procedureFrom(loadPolicy());

/** Fixed event time; the machine never reads the clock. The API replay runs with its clock stopped here. */
export const modelTime = '2026-03-02T02:00:00.000Z';

/**
 * The legal dates the alphabet uses, relative to `modelTime` (China date 2026-03-02), with the periods the
 * server counts from them on the 2026 calendar (春节 2026-02-15…23 off, 02-14 and 02-28 worked): a receipt
 * on 02-02 ends the 5-working-day request period on 02-09 (over "today"); one "today" ends it on 03-09.
 */
export const legalDates = {
  opened: '2026-01-05',
  received: '2026-02-02',
  today: '2026-03-02',
  tomorrow: '2026-03-03',
  hearingNoticed: '2026-02-10',
  /** 7 working days after 02-10 across 春节: the earliest hearing date, and the one the alphabet schedules. */
  hearing: '2026-02-26',
  hearingTooSoon: '2026-02-25',
  windowEnds: { '2026-02-02': '2026-02-09', '2026-03-02': '2026-03-09' } as Record<string, string>,
};

/**
 * Users the API replay creates beside the demo users, for the actors no demo user plays; they sit in the demo
 * 支队 and its 法制审核科, so every actor of the model can reach the handler's cases (docs/access.md).
 */
export const extraUsers: Partial<Record<ActorName, NewUser>> = {
  handler: {
    username: 'proof-handler',
    password: 'demo-password',
    roles: ['handler', 'reviewer', 'head'],
    certificateNo: 'QH-ZF-9001',
    certificateValidUntil: '2099-12-31',
    qualificationNo: 'A20990001',
    qualificationValidUntil: '2099-12-31',
    unitId: demoUnitIds.detachment,
  },
  reviewer2: {
    username: 'proof-reviewer-head',
    password: 'demo-password',
    roles: ['reviewer', 'head'],
    qualificationNo: 'A20990002',
    qualificationValidUntil: '2099-12-31',
    unitId: demoUnitIds.detachment,
  },
  reviewerUnqualified: {
    username: 'proof-reviewer-expired',
    password: 'demo-password',
    roles: ['reviewer'],
    qualificationNo: 'A20100001',
    qualificationValidUntil: '2020-12-31',
    unitId: demoUnitIds.review,
  },
};
