// Every event a case can receive, as one zod discriminated union shared by the API and the machine.
// `CaseCommand` is what a client sends; `CaseEvent` adds who sent it and when, which the server stamps.
import { z } from 'zod';
import { DraftContentSchema, FileRefSchema } from './draft.schema.js';
import { IsoDateSchema } from './legal-dates.js';
import { DecisionServiceSchema, ServiceSchema, partyCommands, type HearingWindow, type PublicationContent } from './party.schemas.js';
import { ReviewItemSchema as SharedReviewItemSchema, reviewItemsOf, reviewItemsSchemaOf } from '../review/review-items.js';
import { transferCommands, transferEventTypes, type TransferStamps } from './transfer.events.js';

const Hash = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hex digest');
const Text = (max: number) => z.string().trim().min(1).max(max);

/** The seven statutory review items (《交通运输行政执法程序规定》 art 72; DOMAIN §1.2). */
export const ReviewItemKeys = [
  'authority',
  'procedure',
  'factsEvidence',
  'lawDiscretion',
  'withinPowers',
  'documents',
  'crimeTransfer',
] as const;
export type ReviewItemKey = (typeof ReviewItemKeys)[number];

/** One item of the written opinion: passed (符合), or not passed with its finding (存在问题) (machines/review). */
export const ReviewItemSchema = SharedReviewItemSchema;
export type ReviewItem = z.infer<typeof ReviewItemSchema>;

/** Every opinion carries all seven items (a written opinion covers each, art 72); a missing key is a 400. */
export const ReviewItemsSchema = reviewItemsSchemaOf(ReviewItemKeys);
export type ReviewItems = z.infer<typeof ReviewItemsSchema>;

/** The seven items: every one passed, except those named in `findings`, which carry their finding. */
export function reviewItems(findings: Partial<Record<ReviewItemKey, string>> = {}): ReviewItems {
  return reviewItemsOf(ReviewItemKeys, findings);
}

/** Where a referral (建议移送) sends the case: judicial organs (涉嫌犯罪) or the competent authority (超越职权). */
export const ReferralTargetSchema = z.enum(['judicial', 'competent_authority']);
export type ReferralTarget = z.infer<typeof ReferralTargetSchema>;

/**
 * Decision outcomes (决定, 交通 art 73): 处罚; 不予处罚 because the act is minor (art 33) or because the facts are
 * not established (art 57(3)); 移送司法机关. `no_penalty` (either ground) is kept as an alias for old records.
 */
export const DecisionOutcomeSchema = z.enum(['penalty', 'no_penalty_minor', 'no_penalty_unfounded', 'transfer', 'no_penalty']);
export type DecisionOutcome = z.infer<typeof DecisionOutcomeSchema>;

/** How a member of the collective discussion (集体讨论) voted on the draft. */
export const VoteSchema = z.enum(['agree', 'disagree', 'abstain']);
/** One member of the collective discussion: a user, their vote and their opinion as recorded. */
export const DiscussionMemberSchema = z.object({ userId: Text(100), vote: VoteSchema, opinion: Text(4000) });

/** The head's coordination of a disputed return (118号 (十四)): the return stands, or the handler's view does. */
export const CoordinationResultSchema = z.enum(['return_upheld', 'handler_upheld']);

/** Commands a client may post to `/cases/:id/events` (draft revisions arrive through PUT /draft). */
export const CaseCommandSchema = z.discriminatedUnion('type', [
  // The 违法行为通知书 and how it was served; a notice may carry the draft it announces (a new notice after a
  // heavier revision, which restarts the party's rights).
  z.object({ type: z.literal('notice.send'), service: ServiceSchema, draft: DraftContentSchema.optional() }),
  z.object({ type: z.literal('statement.record'), summary: Text(20000) }),
  z.object({ type: z.literal('hearing.request') }),
  z.object({
    type: z.literal('hearing.hold'),
    transcript: Text(100000),
    heldOn: IsoDateSchema,
    records: z.array(FileRefSchema).max(50).optional(),
  }),
  z.object({ type: z.literal('rights.waive') }),
  z.object({ type: z.literal('rights.lapse') }),
  z.object({ type: z.literal('review.submit'), attestation: z.literal(true) }),
  z.object({ type: z.literal('review.assign'), reviewerId: Text(100) }),
  z.object({ type: z.literal('review.approve'), draftHash: Hash, opinion: Text(20000), items: ReviewItemsSchema }),
  z.object({ type: z.literal('review.return'), opinion: Text(20000), items: ReviewItemsSchema }),
  z.object({ type: z.literal('review.refer'), opinion: Text(20000), items: ReviewItemsSchema, target: ReferralTargetSchema }),
  z.object({ type: z.literal('conflict.declare'), reason: Text(2000) }),
  z.object({
    type: z.literal('discussion.record'),
    members: z
      .array(DiscussionMemberSchema)
      .min(1)
      .max(50)
      .refine((list) => new Set(list.map((m) => m.userId)).size === list.length, { message: 'each member at most once' }),
    chairId: Text(100),
    conclusion: Text(4000),
  }),
  z.object({
    type: z.literal('decision.issue'),
    draftHash: Hash,
    outcome: DecisionOutcomeSchema.optional(),
    /** The date on the 决定书 (default: today). */
    decidedOn: IsoDateSchema.optional(),
    /** The 决定书's 文号. */
    documentNo: Text(100).optional(),
  }),
  z.object({ type: z.literal('decision.serve'), service: DecisionServiceSchema }),
  z.object({ type: z.literal('publication.publish'), publishedOn: IsoDateSchema.optional() }),
  z.object({ type: z.literal('publication.withdraw'), reason: Text(2000), withdrawnOn: IsoDateSchema.optional() }),
  z.object({ type: z.literal('filing.submit'), recipient: Text(200), reportNo: Text(100), filedOn: IsoDateSchema }),
  z.object({ type: z.literal('case.close') }),
  z.object({ type: z.literal('case.withdraw'), reason: Text(2000) }),
  ...Object.values(partyCommands),
  z.object({ type: z.literal('review.requestMaterials'), request: Text(4000) }),
  z.object({
    type: z.literal('materials.supplement'),
    note: Text(20000),
    attestation: z.literal(true),
    draft: DraftContentSchema.optional(),
  }),
  z.object({ type: z.literal('review.signOff'), agree: z.boolean(), comment: Text(2000).optional() }),
  z.object({ type: z.literal('review.object'), reason: Text(4000) }),
  z.object({ type: z.literal('review.coordinate'), result: CoordinationResultSchema, note: Text(4000) }),
  z.object({ type: z.literal('decision.extend'), reason: Text(2000) }),
  // The criminal transfer (移送规定 arts 5–12) and the clue transfer to 纪检监察 (art 19): transfer.events.ts.
  ...Object.values(transferCommands),
]);
export type CaseCommand = z.infer<typeof CaseCommandSchema>;

/**
 * Commands only the deadline scheduler sends (role `system`), never accepted from a client: a deadline
 * notice (warning, overdue, escalated). `rights.lapse` is also sent by the scheduler, through the public union.
 */
export const SystemCommandSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('deadline.notify'),
    deadlineId: Text(100),
    kind: Text(50),
    status: z.enum(['warning', 'overdue', 'escalated']),
    dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  }),
]);
export type SystemCommand = z.infer<typeof SystemCommandSchema>;

/** A draft revision; the server builds it from `PUT /cases/:id/draft`. */
export const DraftReviseSchema = z.object({ type: z.literal('draft.revise'), draft: DraftContentSchema });

/** Who acts, as the server vouched for them at the moment of the event (kept on the record). */
export const ActorSchema = z.object({
  id: z.string(),
  roles: z.array(z.enum(['handler', 'reviewer', 'head', 'clerk', 'auditor', 'admin', 'system'])),
  /** 执法证 valid at `at`. */
  certified: z.boolean(),
  /** 法律职业资格 / review qualification valid at `at`. */
  qualified: z.boolean(),
});
export type Actor = z.infer<typeof ActorSchema>;
export type Role = Actor['roles'][number];

/** The person a `review.assign` names, as the server found them. */
export const AssigneeSchema = z.object({ id: z.string(), qualified: z.boolean() });

/** A person a `discussion.record` names (member or chair), as the server found them: roles and whether active. */
export const PanelistSchema = z.object({ id: z.string(), roles: ActorSchema.shape.roles, active: z.boolean() });
export type Panelist = z.infer<typeof PanelistSchema>;

/** A record file (音像记录) as the server stamps it on an event: the reference plus the media type it stored. */
export const StampedRecordSchema = FileRefSchema.extend({ mediaType: z.string() });
export type StampedRecord = z.infer<typeof StampedRecordSchema>;

/**
 * What the server adds to an event that carries records (seed §9(2) 全过程记录): each file's stored media type,
 * and whether the policy's table requires an audio-visual record for this event (`isAvRecordRequired`).
 */
export interface RecordStamp {
  records?: StampedRecord[];
  avRecordRequired?: boolean;
}

/**
 * What the server adds to a command when it stamps it, from what only it knows: the people a command names
 * as found in the users table, periods counted on the calendar, the content built for publication.
 */
export interface ServerStamps extends TransferStamps {
  'review.assign': { assignee: z.infer<typeof AssigneeSchema> };
  'handler.assign': { assignee: { id: string; certified: boolean } };
  'notice.send': { hearingWindow: HearingWindow };
  'notice.receipt': { hearingWindow: HearingWindow };
  /** The period counted again on the calendar in force when the lapse is recorded (a year's notice may have arrived). */
  'rights.lapse': { hearingWindow?: HearingWindow };
  /** The first day a hearing may be held after its notice was served (交通 art 83: 7 working days). */
  'hearing.schedule': { earliestOn: string };
  /** What is published, built from the decision and redacted (null only when there is no decision to publish). */
  'publication.publish': { content: PublicationContent | null };
}
type WithStamps<C> = C extends { type: infer T } ? (T extends keyof ServerStamps ? C & ServerStamps[T] : C) : never;

type Stamped<T> = T & { actor: Actor; at: string };
/** Every event the machine accepts: a command or draft revision, stamped with actor and time. */
export type CaseEvent =
  | Stamped<WithStamps<Exclude<CaseCommand, { type: 'discussion.record' | 'hearing.hold' }>>>
  | Stamped<Omit<Extract<CaseCommand, { type: 'hearing.hold' }>, 'records'> & RecordStamp>
  | Stamped<SystemCommand>
  // `panel` is absent only on discussions recorded before members were users (old records, never the API).
  | Stamped<Extract<CaseCommand, { type: 'discussion.record' }> & { panel?: Panelist[] }>
  | Stamped<z.infer<typeof DraftReviseSchema>>;
export type CaseEventType = CaseEvent['type'];

/** All event types, in pipeline order (used for allowedEvents and the proof's alphabet). */
export const caseEventTypes: readonly CaseEventType[] = [
  'draft.revise',
  'notice.send',
  'notice.receipt',
  'statement.record',
  'hearing.request',
  'hearing.schedule',
  'hearing.adjourn',
  'hearing.hold',
  'rights.waive',
  'rights.lapse',
  'recusal.apply',
  'recusal.decide',
  'handler.assign',
  'review.submit',
  'review.assign',
  'review.approve',
  'review.return',
  'review.refer',
  'review.requestMaterials',
  'materials.supplement',
  'review.signOff',
  'review.object',
  'review.coordinate',
  'conflict.declare',
  'discussion.record',
  'decision.extend',
  'decision.issue',
  'decision.serve',
  'publication.publish',
  'publication.withdraw',
  'filing.submit',
  'case.close',
  'case.withdraw',
  ...transferEventTypes,
  'deadline.notify',
];
