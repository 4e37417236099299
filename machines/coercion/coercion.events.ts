// Every event a 查封、扣押 case can receive, as one zod union shared by the API and the machine.
// `CoercionCommand` is what a client sends; `CoercionEvent` adds who sent it, when, and what the server stamps.
import { z } from 'zod';
import type { Actor, SystemCommand } from '../case/case.events.js';
import { IsoDateSchema } from '../case/legal-dates.js';
import { reviewItemsOf, reviewItemsSchemaOf } from '../review/review-items.js';
import { CoercionDraftSchema, maxPeriodDays } from './coercion.draft.js';

const Hash = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hex digest');
const Text = (max: number) => z.string().trim().min(1).max(max);

/**
 * The seven review items of a 查封扣押 decision: the seven of 交通 art 72 / 118号 (十三) read under 行政强制法
 * (docs/coercion.md): 主体与权限 (arts 17, 22), 事实与证据, 法律依据与对象范围 (arts 22–23), 程序 (arts 18, 24),
 * 期限 (art 25), 适当与比例 (art 5), 文书 (art 24).
 */
export const CoercionReviewItemKeys = [
  'authority',
  'factsEvidence',
  'legalBasis',
  'procedure',
  'period',
  'proportionality',
  'documents',
] as const;
export type CoercionReviewItemKey = (typeof CoercionReviewItemKeys)[number];
export const CoercionReviewItemsSchema = reviewItemsSchemaOf(CoercionReviewItemKeys);
export type CoercionReviewItems = z.infer<typeof CoercionReviewItemsSchema>;

/** The seven items, all passed except those named in `findings`. */
export const coercionReviewItems = (findings: Partial<Record<CoercionReviewItemKey, string>> = {}) =>
  reviewItemsOf(CoercionReviewItemKeys, findings);

/** What ends a measure (art 27: 没收 or 销毁 where the law provides, else 解除; art 28: 解除). */
export const ConclusionSchema = z.enum(['released', 'confiscated', 'destroyed']);
export type Conclusion = z.infer<typeof ConclusionSchema>;

/** Commands a client may post to `/coercion-cases/:id/events`. */
export const CoercionCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('draft.revise'), draft: CoercionDraftSchema }),
  z.object({ type: z.literal('review.submit'), attestation: z.literal(true) }),
  z.object({ type: z.literal('review.assign'), reviewerId: Text(100) }),
  z.object({ type: z.literal('review.approve'), draftHash: Hash, opinion: Text(20000), items: CoercionReviewItemsSchema }),
  z.object({ type: z.literal('review.return'), opinion: Text(20000), items: CoercionReviewItemsSchema }),
  // The 负责人's decision (art 18(1)) on the draft it names; the period runs from `implementedOn` (实施之日).
  z.object({
    type: z.literal('decision.issue'),
    draftHash: Hash,
    decidedOn: IsoDateSchema.optional(),
    implementedOn: IsoDateSchema.optional(),
  }),
  // art 25 ¶1–2: once, 情况复杂, with the head's approval, ≤30 days, the party told in writing with reasons.
  z.object({
    type: z.literal('measure.extend'),
    days: z.number().int().min(1).max(maxPeriodDays),
    reason: Text(4000),
    noticeServedOn: IsoDateSchema.optional(),
  }),
  z.object({ type: z.literal('measure.conclude'), result: ConclusionSchema, reason: Text(4000), concludedOn: IsoDateSchema.optional() }),
  z.object({ type: z.literal('filing.submit'), filedOn: IsoDateSchema.optional() }),
  z.object({ type: z.literal('case.close') }),
  z.object({ type: z.literal('case.withdraw'), reason: Text(2000) }),
]);
export type CoercionCommand = z.infer<typeof CoercionCommandSchema>;

/** What the server adds: the assignee as found, legal dates (today when omitted) and the period's last day. */
export interface CoercionStamps {
  'review.assign': { assignee: { id: string; qualified: boolean } };
  'decision.issue': { decidedOn: string; implementedOn: string; periodEndsOn: string };
  'measure.extend': { noticeServedOn: string; extendedEndsOn: string };
  'measure.conclude': { concludedOn: string };
  'filing.submit': { filedOn: string };
}

type Stamped<C> = C & { actor: Actor; at: string };
type WithStamps<C> = C extends { type: infer T } ? (T extends keyof CoercionStamps ? C & CoercionStamps[T] : C) : never;

/**
 * An event as the coercion machine receives it: a client's command, or the scheduler's notice of a clock due
 * soon, overdue or escalated (`deadline.notify`, the penalty case's system command; never sent by a client).
 */
export type CoercionEvent = Stamped<WithStamps<CoercionCommand>> | Stamped<SystemCommand>;
export type CoercionEventType = CoercionEvent['type'];

/** Every client event type, in the order `allowedEvents` lists them (the system's notice is never offered). */
export const coercionEventTypes: readonly CoercionEventType[] = CoercionCommandSchema.options.map((o) => o.shape.type.value);
