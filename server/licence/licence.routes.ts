// The contracts of /api/v1/licence-cases (行政许可 撤销 / 撤回, 行政许可法 arts 7, 8, 36, 69): open a case, read it,
// send an event, built by the shared kind contracts (server/kinds/kind.routes.ts) from the schemas here. The
// record and drafts of a licence case are read through /api/v1/cases/{id}/events and /drafts like any case.
import { z } from 'zod';
import { LicenceCommandSchema } from '../../machines/licence/licence.events.js';
import { LicenceDraftSchema } from '../../machines/licence/licence.draft.js';
import { createKindRoutes, kindClockSchema, kindViewFields } from '../kinds/kind.routes.js';

/** A licence case as the caller sees it (the fields the machine keeps are described in docs/licence.md). */
export const LicenceViewSchema = z
  .object({
    ...kindViewFields('licence'),
    hearing: z.unknown(),
    compensation: z.enum(['compensation', 'indemnity', 'none']),
    duties: z.object({
      servedOn: z.string().nullable(),
      publishedOn: z.string().nullable(),
      filingRequired: z.boolean(),
      filedAt: z.string().nullable(),
      filedOn: z.string().nullable(),
    }),
    clocks: z.array(kindClockSchema(['licenceStatements', 'licencePublication', 'licenceFiling'])),
    overdue: z.boolean(),
  })
  .loose()
  .meta({ id: 'LicenceCase' });

/** Open, read and send an event to a 行政许可 撤销 / 撤回 case. */
export const licenceRoutes = createKindRoutes({
  name: 'Licence',
  draft: LicenceDraftSchema,
  command: LicenceCommandSchema,
  view: LicenceViewSchema,
  text: {
    answer: 'The licence case as the caller sees it, with its allowedEvents and clocks',
    open: '立案 of a 行政许可 撤销 / 撤回 case with its draft decision (a certified handler)',
    get: 'A licence case (404 for a case of another kind)',
    send: 'Send an event to a licence case; refusals are recorded and change nothing',
  },
});
