// Every event an execution (行政强制执行) case can receive, as one zod union shared by the API and the machine.
// `ExecutionCommand` is what a client sends; `ExecutionEvent` adds who sent it, when, and what the server stamps.
import { z } from 'zod';
import type { Actor } from '../case/case.events.js';
import { IsoDateSchema } from '../case/legal-dates.js';
import { reviewItemsOf, reviewItemsSchemaOf } from '../review/review-items.js';
import { ExecutionDraftSchema } from './execution.draft.js';

const Hash = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hex digest');
const Text = (max: number) => z.string().trim().min(1).max(max);

/**
 * The seven review items of an execution decision: the seven of 交通 art 72 / 118号 (十三) read under 行政强制法
 * (docs/execution.md): 主体与权限 (arts 13, 34, 53), 事实与证据 (逾期不履行), 法律依据, 程序 (arts 35–37, 51),
 * 期限 (arts 37, 53–54), 适当 (arts 5, 43 ¶2), 文书 (arts 37, 51, 55).
 */
export const ExecutionReviewItemKeys = [
  'authority',
  'factsEvidence',
  'legalBasis',
  'procedure',
  'period',
  'proportionality',
  'documents',
] as const;
export type ExecutionReviewItemKey = (typeof ExecutionReviewItemKeys)[number];
export const ExecutionReviewItemsSchema = reviewItemsSchemaOf(ExecutionReviewItemKeys);

/** The seven items, all passed except those named in `findings`. */
export const executionReviewItems = (findings: Partial<Record<ExecutionReviewItemKey, string>> = {}) =>
  reviewItemsOf(ExecutionReviewItemKeys, findings);

/** art 39 ¶1 grounds of 中止执行, and art 42 ¶1 (执行协议 signed: execution waits while it is kept). */
export const SuspendGroundSchema = z.enum(['hardship', 'third_party_claim', 'irreparable_loss', 'other_lawful', 'agreement']);
/** art 40 grounds of 终结执行. */
export const TerminateGroundSchema = z.enum([
  'death_no_estate',
  'dissolved_no_property',
  'object_lost',
  'decision_revoked',
  'other_lawful',
]);
/** What the court ruled on an application (arts 57–58: 裁定执行 / 裁定不予执行). */
export const CourtRulingSchema = z.enum(['enforce', 'refuse']);

/** Commands a client may post to `/execution-cases/:id/events`. */
export const ExecutionCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('draft.revise'), draft: ExecutionDraftSchema }),
  // art 35: the written 催告: 履行期限, 方式, 金额 where money is owed, and the right to 陈述、申辩.
  z.object({
    type: z.literal('notice.serve'),
    periodDays: z.number().int().min(1).max(365),
    manner: Text(2000),
    amountYuan: z.number().nonnegative().max(1e12).optional(),
    rightsStated: z.literal(true),
    servedOn: IsoDateSchema.optional(),
  }),
  // art 36: the party's 陈述、申辩, recorded and re-checked (复核); `holds` when its facts, reasons or evidence hold.
  z.object({
    type: z.literal('statement.record'),
    summary: Text(20000),
    finding: Text(4000),
    holds: z.boolean(),
    heardOn: IsoDateSchema.optional(),
  }),
  z.object({ type: z.literal('review.submit'), attestation: z.literal(true) }),
  z.object({ type: z.literal('review.assign'), reviewerId: Text(100) }),
  z.object({ type: z.literal('review.approve'), draftHash: Hash, opinion: Text(20000), items: ExecutionReviewItemsSchema }),
  z.object({ type: z.literal('review.return'), opinion: Text(20000), items: ExecutionReviewItemsSchema }),
  // art 37 (强制执行决定), art 50 (代履行决定), art 53 (申请法院强制执行): the head decides the draft it names.
  z.object({ type: z.literal('decision.issue'), draftHash: Hash, decidedOn: IsoDateSchema.optional() }),
  // art 51(2): 代履行三日前，催告当事人履行.
  z.object({ type: z.literal('substitute.remind'), servedOn: IsoDateSchema.optional() }),
  // The execution carried out (arts 43–51); art 51(3): the 代履行 costs, borne by the party.
  z.object({
    type: z.literal('execution.carry'),
    carriedOn: IsoDateSchema.optional(),
    costYuan: z.number().nonnegative().max(1e12).optional(),
    urgentReason: Text(2000).optional(),
  }),
  z.object({ type: z.literal('court.rule'), ruling: CourtRulingSchema, ruledOn: IsoDateSchema.optional() }),
  z.object({ type: z.literal('execution.suspend'), ground: SuspendGroundSchema, reason: Text(4000) }),
  z.object({ type: z.literal('execution.resume'), reason: Text(4000) }),
  z.object({ type: z.literal('execution.terminate'), ground: TerminateGroundSchema, reason: Text(4000) }),
  z.object({ type: z.literal('duty.performed'), note: Text(4000), performedOn: IsoDateSchema.optional() }),
  z.object({ type: z.literal('filing.submit'), filedOn: IsoDateSchema.optional() }),
  z.object({ type: z.literal('case.close') }),
  z.object({ type: z.literal('case.withdraw'), reason: Text(2000) }),
]);
export type ExecutionCommand = z.infer<typeof ExecutionCommandSchema>;

/** Whether a planned or actual time of execution falls at night or on a rest day (art 43 ¶1), as the calendar says. */
export interface RestrictedTime {
  restDay: boolean;
  night: boolean;
}

/** What the server adds: the assignee, legal dates (today when omitted), clock ends and the calendar's answers. */
export interface ExecutionStamps {
  'review.assign': { assignee: { id: string; qualified: boolean } };
  'notice.serve': { servedOn: string; endsOn: string; courtWaitEndsOn: string };
  'statement.record': { heardOn: string };
  'decision.issue': { decidedOn: string; courtDeadline: string; planned: RestrictedTime };
  'substitute.remind': { servedOn: string };
  'execution.carry': { carriedOn: string; carried: RestrictedTime };
  'court.rule': { ruledOn: string };
  'duty.performed': { performedOn: string };
  'filing.submit': { filedOn: string };
}

type Stamped<C> = C & { actor: Actor; at: string };
type WithStamps<C> = C extends { type: infer T } ? (T extends keyof ExecutionStamps ? C & ExecutionStamps[T] : C) : never;

/** An event as the execution machine receives it. */
export type ExecutionEvent = Stamped<WithStamps<ExecutionCommand>>;
export type ExecutionEventType = ExecutionEvent['type'];

/** Every event type, in the order `allowedEvents` lists them. */
export const executionEventTypes: readonly ExecutionEventType[] = ExecutionCommandSchema.options.map((o) => o.shape.type.value);
