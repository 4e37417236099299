// The zod schema of the lean answer a write gives under `Prefer: return=minimal` (`toCaseMinimal` in
// case-view.ts): the OpenAPI `CaseMinimal` component, and the write routes' 200/201 answer (either shape).
import { z } from 'zod';
import { CaseEventTypeSchema, CaseViewSchema } from './case-view.schema.js';

/** What a client needs to send its next command, and no more. */
export const CaseMinimalSchema = z
  .object({
    id: z.string(),
    state: z.string().meta({ description: 'Top-level state (drafting, inReview, awaitingDecision, decided, …)' }),
    version: z.number().int().meta({ description: 'Accepted events so far; send it back as If-Match' }),
    draft: z.object({
      version: z.number().int(),
      hash: z.string().meta({ description: 'SHA-256 of the current draft; review.approve and decision.issue name it' }),
    }),
    allowedEvents: z.array(CaseEventTypeSchema),
    updatedAt: z.string().meta({ description: 'ISO 8601 time' }),
  })
  .meta({ id: 'CaseMinimal' });

/** A write's answer: the whole case (default, `Prefer: return=representation`) or `CaseMinimal` (`return=minimal`). */
export const CaseWriteAnswerSchema = z.union([CaseViewSchema, CaseMinimalSchema]);

/** The `Preference-Applied` response header (RFC 7240 §3) of the write routes. */
export const preferenceAppliedHeader = {
  'Preference-Applied': {
    description: 'The `return` preference the answer follows (`return=minimal` or `return=representation`), when one was asked for',
    schema: { type: 'string' as const },
  },
};
