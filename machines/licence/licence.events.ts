// Every event a 行政许可 (撤销 / 撤回) case can receive, as one zod union shared by the API and the machine.
// `LicenceCommand` is what a client sends; `LicenceEvent` adds who sent it, when, and what the server stamps.
import { z } from 'zod';
import type { Actor } from '../case/case.events.js';
import { IsoDateSchema } from '../case/legal-dates.js';
import { reviewItemsOf, reviewItemsSchemaOf } from '../review/review-items.js';
import { LicenceDraftSchema } from './licence.draft.js';

const Hash = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hex digest');
const Text = (max: number) => z.string().trim().min(1).max(max);

/**
 * The seven review items of a licence decision: the seven of 交通 art 72 / 118号 (十三) read under 行政许可法
 * (docs/licence.md): 主体与权限 (arts 22–23, 69 ¶1 作出行政许可决定的行政机关或者其上级), 程序 (arts 7, 36, 69),
 * 事实与证据, 法律适用 (arts 8, 69), 是否超越权限, 文书, 涉嫌犯罪 (移送).
 */
export const LicenceReviewItemKeys = [
  'authority',
  'procedure',
  'factsEvidence',
  'lawApplication',
  'withinPower',
  'documents',
  'crimeReferral',
] as const;
export type LicenceReviewItemKey = (typeof LicenceReviewItemKeys)[number];
export const LicenceReviewItemsSchema = reviewItemsSchemaOf(LicenceReviewItemKeys);

/** The seven items, all passed except those named in `findings`. */
export const licenceReviewItems = (findings: Partial<Record<LicenceReviewItemKey, string>> = {}) =>
  reviewItemsOf(LicenceReviewItemKeys, findings);

/** Commands a client may post to `/licence-cases/:id/events`. */
export const LicenceCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('draft.revise'), draft: LicenceDraftSchema }),
  // arts 7, 36: the licensee is told the facts, reasons and basis and its right to 陈述、申辩 before the decision.
  z.object({ type: z.literal('notice.serve'), servedOn: IsoDateSchema.optional() }),
  // A statement heard and recorded with the organ's response (采纳与否); `waived` when the licensee declines.
  z.object({
    type: z.literal('statement.record'),
    waived: z.boolean().default(false),
    summary: Text(20000),
    response: Text(20000),
    receivedOn: IsoDateSchema.optional(),
  }),
  z.object({ type: z.literal('hearing.close') }),
  z.object({ type: z.literal('review.submit'), attestation: z.literal(true) }),
  z.object({ type: z.literal('review.assign'), reviewerId: Text(100) }),
  z.object({ type: z.literal('review.approve'), draftHash: Hash, opinion: Text(20000), items: LicenceReviewItemsSchema }),
  z.object({ type: z.literal('review.return'), opinion: Text(20000), items: LicenceReviewItemsSchema }),
  z.object({ type: z.literal('decision.issue'), draftHash: Hash, decidedOn: IsoDateSchema.optional() }),
  z.object({ type: z.literal('service.record'), servedOn: IsoDateSchema.optional(), method: Text(200) }),
  z.object({ type: z.literal('publication.record'), publishedOn: IsoDateSchema.optional(), channel: Text(500) }),
  z.object({ type: z.literal('filing.submit'), filedOn: IsoDateSchema.optional() }),
  z.object({ type: z.literal('case.close') }),
  z.object({ type: z.literal('case.withdraw'), reason: Text(2000) }),
]);
export type LicenceCommand = z.infer<typeof LicenceCommandSchema>;

/** What the server adds: the assignee as found, legal dates (today when omitted), the statements' last day. */
export interface LicenceStamps {
  'notice.serve': { servedOn: string; statementsDueOn: string };
  'statement.record': { receivedOn: string };
  'review.assign': { assignee: { id: string; qualified: boolean } };
  'decision.issue': { decidedOn: string };
  'service.record': { servedOn: string };
  'publication.record': { publishedOn: string };
  'filing.submit': { filedOn: string };
}

type Stamped<C> = C & { actor: Actor; at: string };
type WithStamps<C> = C extends { type: infer T } ? (T extends keyof LicenceStamps ? C & LicenceStamps[T] : C) : never;

/** An event as the licence machine receives it. */
export type LicenceEvent = Stamped<WithStamps<LicenceCommand>>;
export type LicenceEventType = LicenceEvent['type'];

/** Every event type, in the order `allowedEvents` lists them. */
export const licenceEventTypes: readonly LicenceEventType[] = LicenceCommandSchema.options.map((o) => o.shape.type.value);
