// The zod schema of an RFC 9457 problem as this API sends it, with every extension it uses; the OpenAPI
// document's `Problem` component. Kept beside problem.ts, which builds the bodies it describes.
import { z } from 'zod';

/** One validation issue of a 400 problem. */
export const ProblemIssueSchema = z.object({ path: z.string(), message: z.string() });

/** An RFC 9457 problem (`application/problem+json`). */
export const ProblemSchema = z
  .object({
    type: z.string().meta({ description: '`/problems/<code-with-dashes>`', example: '/problems/event-not-allowed' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().meta({ description: 'Stable machine-readable reason', example: 'event_not_allowed' }),
    instance: z.string().optional(),
    allowedEvents: z.array(z.string()).optional().meta({ description: 'Events the caller may send now (422)' }),
    currentVersion: z.number().int().optional().meta({ description: 'The version now (409)' }),
    currentDraftHash: z.string().optional().meta({ description: 'The current draft hash (409)' }),
    reason: z.string().optional().meta({ description: "A content rule's stable reason (422)" }),
    fields: z.array(z.string()).optional().meta({ description: 'Fields of the request at fault (422)' }),
    errors: z.array(ProblemIssueSchema).optional().meta({ description: 'Each validation issue (400)' }),
    retryAfterSeconds: z.number().optional().meta({ description: 'Seconds until another attempt counts (423, 429)' }),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof ProblemSchema>;
