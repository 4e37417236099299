// The zod schema of a case as the API shows it (`toCaseView` in case-view.ts): the OpenAPI `Case` component.
// test/server/http/case-view-schema.test.ts parses real responses with it and expects nothing dropped or
// changed, so a field added to or removed from the view without updating this schema fails a test.
import { z } from 'zod';
import {
  ActorSchema,
  caseEventTypes,
  DecisionOutcomeSchema,
  ReferralTargetSchema,
  ReviewItemKeys,
  type CaseEventType,
} from '../../machines/case/case.events.js';
import { DraftContentSchema } from '../../machines/case/draft.schema.js';
import { DeadlineViewSchema } from '../deadlines/deadline-view.schema.js';

const Time = z.string().meta({ description: 'ISO 8601 time' });
const Hash = z.string().meta({ description: 'SHA-256 of the canonical JSON, hex' });

/** A case event type (the same list the machine's events are). */
export const CaseEventTypeSchema = z.enum(caseEventTypes as [CaseEventType, ...CaseEventType[]]);

const ClassificationSchema = z.object({
  isMajor: z.boolean(),
  reasons: z.array(z.string()),
  discussionRequired: z.boolean(),
  discussionReasons: z.array(z.string()),
});

const LegalDate = z.string().meta({ description: 'A legal date (YYYY-MM-DD, China), as on the document' });

/** The latest criminal transfer (移送规定 arts 5–12): where it started, its status and each step's who and when. */
const TransferSchema = z.object({
  from: z.string().meta({ description: 'The administrative state the transfer started from' }),
  status: z.enum(['proposed', 'approved', 'refused', 'sent', 'declined', 'reconsidering', 'upheld', 'filed', 'handedOver', 'resumed']),
  officers: z.array(z.string()),
  reportedBy: z.string(),
  reportedAt: Time,
  approval: z.object({ by: z.string(), at: Time }).nullable(),
  refusal: z.object({ by: z.string(), at: Time, reasons: z.string() }).nullable(),
  sent: z.object({ by: z.string(), at: Time, sentOn: LegalDate, recipient: z.string() }).nullable(),
  answers: z.array(z.object({ result: z.enum(['filed', 'not_filed']), receivedOn: LegalDate, at: Time })),
  reconsideration: z.object({ by: z.string(), at: Time }).nullable(),
  supervision: z.array(z.object({ result: z.string(), by: z.string(), at: Time })),
  handover: z
    .object({ by: z.string(), at: Time, handedOverOn: LegalDate, receivedBy: z.string() })
    .nullable()
    .optional()
    .meta({ description: '移送规定 art 12: the handover of seized items and materials after the police filed the case' }),
  afterDecline: z.boolean().meta({ description: 'An earlier transfer ended in a final 不予立案: decided only through review' }),
});

const MeasureSchema = z.object({
  kind: z.string(),
  amountYuan: z.number().optional(),
  durationDays: z.number().optional(),
});

const RightsSchema = z.object({
  noticedAt: Time.nullable(),
  statements: z.number().int(),
  hearingRequested: z.boolean(),
  hearingHeld: z.boolean(),
  waived: z.boolean(),
  lapsed: z.boolean(),
  receivedOn: LegalDate.nullable().meta({ description: 'Receipt of the latest 违法行为通知书 (送达回证)' }),
  hearingWindow: z
    .object({ endsOn: LegalDate, provisional: z.boolean() })
    .nullable()
    .meta({ description: 'The 听证 request period counted from receipt (start day excluded)' }),
  noticedMeasures: z.array(MeasureSchema).nullable().meta({ description: 'What the latest notice announced' }),
  notices: z.number().int(),
  lastStatementAt: Time.nullable(),
});

const HearingSchema = z.object({
  date: LegalDate,
  earliestOn: LegalDate,
  noticeServedOn: LegalDate,
  hostId: z.string(),
  recorderId: z.string(),
  heldOn: LegalDate.nullable(),
});

const RecusalApplicationSchema = z.object({
  no: z.number().int(),
  againstId: z.string(),
  appliedOn: LegalDate,
  status: z.enum(['pending', 'granted', 'refused']),
  decidedBy: z.string().nullable(),
});

const DutiesSchema = z.object({
  publicationRequired: z.boolean(),
  filingRequired: z.boolean(),
  servedAt: Time.nullable(),
  publishedAt: Time.nullable(),
  publicationWithdrawnAt: Time.nullable(),
  filedAt: Time.nullable(),
  serviceRequired: z.boolean(),
  servedOn: LegalDate.nullable(),
  publishedOn: LegalDate.nullable(),
  publicationWithdrawnOn: LegalDate.nullable(),
  filedOn: LegalDate.nullable(),
});

const By = { by: z.string(), at: Time };

/** The latest review, with the items it found not passed and its sign-off where the procedure asks for one. */
const ReviewSchema = z.object({
  outcome: z.enum(['approved', 'returned', 'referred']),
  draftHash: Hash,
  reviewerId: z.string(),
  at: Time,
  failed: z.array(z.enum(ReviewItemKeys)).optional().meta({ description: 'Items not passed (absent on old reviews)' }),
  target: ReferralTargetSchema.optional(),
  signedOff: z.object(By).nullable().optional(),
});

/** The procedure the case opened under (policy): opinion sign-off, and the collective discussion's panel. */
const ProcedureSchema = z.object({
  opinionSignOff: z.boolean(),
  discussion: z.object({ quorum: z.number().int(), memberRoles: ActorSchema.shape.roles, chairRoles: ActorSchema.shape.roles }),
});

/** The handler's objection (异议) to a return and the head's coordination (协调) of it. */
const DisputeSchema = z.object({
  reason: z.string(),
  ...By,
  coordination: z.object({ result: z.enum(['return_upheld', 'handler_upheld']), ...By }).nullable(),
});

/** A case as one caller sees it, with the events that caller may send now. */
export const CaseViewSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    state: z.string().meta({ description: 'Top-level state (drafting, inReview, awaitingDecision, decided, …)' }),
    stateValue: z.unknown().meta({ description: "The machine's full state value" }),
    version: z.number().int().meta({ description: 'Accepted events so far; send it back as If-Match' }),
    major: ClassificationSchema,
    draft: DraftContentSchema.extend({ version: z.number().int(), hash: Hash }),
    allowedEvents: z.array(CaseEventTypeSchema),
    handlerId: z.string(),
    reviewerId: z.string().nullable(),
    rights: RightsSchema,
    statementAfterReview: z.boolean().meta({ description: 'A statement recorded after the standing approval' }),
    hearing: HearingSchema.nullable(),
    recusals: z.array(z.string()),
    recusalApplications: z.array(RecusalApplicationSchema),
    investigators: z.array(z.string()),
    attestation: z.object({ draftHash: Hash, by: z.string(), at: Time }).nullable(),
    review: ReviewSchema.nullable(),
    reviewRounds: z.number().int(),
    discussion: z.object({ draftHash: Hash, at: Time, by: z.string(), chairId: z.string().optional() }).nullable(),
    decision: z
      .object({
        draftHash: Hash,
        outcome: DecisionOutcomeSchema,
        by: z.string(),
        at: Time,
        decidedOn: LegalDate,
        documentNo: z.string().nullable(),
      })
      .nullable(),
    proposedOutcome: DecisionOutcomeSchema.meta({ description: 'What the current draft proposes to decide (交通 art 73)' }),
    procedure: ProcedureSchema,
    materials: z.object({ request: z.string(), by: z.string(), requestedAt: Time, suppliedAt: Time.nullable() }).nullable(),
    dispute: DisputeSchema.nullable(),
    decisionExtension: z.object({ ...By, reason: z.string() }).nullable(),
    transfer: TransferSchema.nullable(),
    clues: z.array(z.object({ ...By, recipient: z.string() })),
    duties: DutiesSchema,
    deadlines: z.array(DeadlineViewSchema),
    openedAt: Time,
    openedOn: LegalDate,
    endedAt: Time.nullable(),
    createdAt: Time,
    updatedAt: Time,
  })
  .meta({ id: 'Case' });

/** `{items}` of cases. */
export const CaseListSchema = z
  .object({
    items: z.array(CaseViewSchema),
    nextCursor: z.string().nullable().meta({ description: 'Pass as `cursor` for the next page; null on the last page' }),
  })
  .meta({ id: 'CaseList' });
