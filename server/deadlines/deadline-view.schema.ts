// The zod schema of a deadline as the API shows it (`toDeadlineView`), for the OpenAPI document and for the
// test that parses real responses with it, so the schema and the view cannot drift apart.
import { z } from 'zod';

const IsoDate = z.string().meta({ description: 'A date, YYYY-MM-DD (China)' });

/** One deadline (期限) of a case, with its status today. */
export const DeadlineViewSchema = z
  .object({
    id: z.string(),
    caseId: z.string(),
    kind: z.string().meta({ description: 'The clock: review, decision, publication, …' }),
    status: z.string().meta({ description: 'running, due-soon, overdue, paused, or how it closed (met, late, …)' }),
    dueDate: IsoDate,
    provisional: z.boolean().meta({ description: 'Counted over a year whose holidays are not yet published' }),
    startDate: IsoDate,
    period: z.object({
      days: z.number().int(),
      unit: z.enum(['working', 'calendar', 'natural']),
      policyKey: z.string(),
      policyVersion: z.string(),
      basis: z.string(),
    }),
    warnDate: IsoDate.nullable(),
    escalateDate: IsoDate.nullable(),
    notice: z.string(),
    state: z.enum(['running', 'paused', 'closed']),
    usedDays: z.number().int(),
    pausedSince: z.string().nullable(),
    pausedDays: z.number().int(),
    closedAt: z.string().nullable(),
    closedBy: z.string().nullable(),
    outcome: z.string().nullable(),
  })
  .meta({ id: 'Deadline' });

/** `{items}` of deadlines. */
export const DeadlineListSchema = z.object({ items: z.array(DeadlineViewSchema) }).meta({ id: 'DeadlineList' });
