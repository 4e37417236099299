// The contracts of /api/v1/execution-cases (行政强制执行, 行政强制法 arts 35–58): open a case, read it, send an event,
// built by the shared kind contracts (server/kinds/kind.routes.ts) from the schemas here. The record and drafts
// of an execution case are read through /api/v1/cases/{id}/events and /drafts like any case.
import { z } from 'zod';
import { ExecutionCommandSchema } from '../../machines/execution/execution.events.js';
import { ExecutionDraftSchema } from '../../machines/execution/execution.draft.js';
import { createKindRoutes, kindClockSchema, kindViewFields } from '../kinds/kind.routes.js';

/** An execution case as the caller sees it (the fields the machine keeps are described in docs/execution.md). */
export const ExecutionViewSchema = z
  .object({
    ...kindViewFields('execution'),
    duty: z.unknown(),
    notice: z.unknown(),
    statements: z.array(z.unknown()),
    conclusion: z.unknown(),
    duties: z.object({ filingRequired: z.boolean(), filedAt: z.string().nullable(), filedOn: z.string().nullable() }),
    clocks: z.array(kindClockSchema(['executionNotice', 'executionCourtWait', 'executionCourtDeadline', 'executionFiling'])),
    overdue: z.boolean(),
  })
  .loose()
  .meta({ id: 'ExecutionCase' });

/** Open, read and send an event to a 行政强制执行 case. */
export const executionRoutes = createKindRoutes({
  name: 'Execution',
  draft: ExecutionDraftSchema,
  command: ExecutionCommandSchema,
  view: ExecutionViewSchema,
  text: {
    answer: 'The 行政强制执行 case as the caller sees it, with its allowedEvents and clocks',
    open: '立案 of a 行政强制执行 on an unperformed decision, with its draft (a certified handler)',
    get: 'A 行政强制执行 case (404 for a case of another kind)',
    send: 'Send an event to a 行政强制执行 case; refusals are recorded and change nothing',
  },
});
