// The contracts of /api/v1/coercion-cases (查封、扣押, 行政强制法 arts 18–28): open a case, read it, send an event,
// built by the shared kind contracts (server/kinds/kind.routes.ts) from the schemas here. The record and drafts
// of a coercion case are read through /api/v1/cases/{id}/events and /drafts like any case.
import { z } from 'zod';
import { CoercionCommandSchema } from '../../machines/coercion/coercion.events.js';
import { CoercionDraftSchema } from '../../machines/coercion/coercion.draft.js';
import { createKindRoutes, kindClockSchema, kindViewFields } from '../kinds/kind.routes.js';

/** A 查封扣押 case as the caller sees it (the fields the machine keeps are described in docs/coercion.md). */
export const CoercionViewSchema = z
  .object({
    ...kindViewFields('coercion'),
    period: z.unknown(),
    conclusion: z.unknown(),
    duties: z.object({ filingRequired: z.boolean(), filedAt: z.string().nullable(), filedOn: z.string().nullable() }),
    clocks: z.array(kindClockSchema(['coercionPeriod', 'coercionFiling'])),
    overdue: z.boolean(),
  })
  .loose()
  .meta({ id: 'CoercionCase' });

/** Open, read and send an event to a 查封扣押 case. */
export const coercionRoutes = createKindRoutes({
  name: 'Coercion',
  draft: CoercionDraftSchema,
  command: CoercionCommandSchema,
  view: CoercionViewSchema,
  text: {
    answer: 'The 查封扣押 case as the caller sees it, with its allowedEvents and clocks',
    open: '立案 of a 查封、扣押 measure with its draft decision (a certified handler)',
    get: 'A 查封扣押 case (404 for a case of another kind)',
    send: 'Send an event to a 查封扣押 case; refusals are recorded and change nothing',
  },
});
