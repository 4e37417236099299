// The zod schema of a case as the API shows it (`toCaseView` in case-view.ts): the OpenAPI `Case` component.
// test/server/http/case-view-schema.test.ts parses real responses with it and expects nothing dropped or
// changed, so a field added to or removed from the view without updating this schema fails a test.
import { z } from 'zod';
import { caseEventTypes, DecisionOutcomeSchema, type CaseEventType } from '../../machines/case/case.events.js';
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

const RightsSchema = z.object({
  noticedAt: Time.nullable(),
  statements: z.number().int(),
  hearingRequested: z.boolean(),
  hearingHeld: z.boolean(),
  waived: z.boolean(),
  lapsed: z.boolean(),
});

const DutiesSchema = z.object({
  publicationRequired: z.boolean(),
  filingRequired: z.boolean(),
  servedAt: Time.nullable(),
  publishedAt: Time.nullable(),
  publicationWithdrawnAt: Time.nullable(),
  filedAt: Time.nullable(),
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
    attestation: z.object({ draftHash: Hash, by: z.string(), at: Time }).nullable(),
    review: z
      .object({ outcome: z.enum(['approved', 'returned', 'referred']), draftHash: Hash, reviewerId: z.string(), at: Time })
      .nullable(),
    reviewRounds: z.number().int(),
    discussion: z.object({ draftHash: Hash, at: Time, by: z.string() }).nullable(),
    decision: z.object({ draftHash: Hash, outcome: DecisionOutcomeSchema, by: z.string(), at: Time }).nullable(),
    duties: DutiesSchema,
    deadlines: z.array(DeadlineViewSchema),
    openedAt: Time,
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
