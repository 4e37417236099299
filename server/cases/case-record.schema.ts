// Zod schemas of a case's record entries and stored drafts as the API lists them (`store.events`,
// `store.drafts`): OpenAPI components, and what test/server/http parses real answers with.
import { z } from 'zod';

/** One entry of the hash-chained record: an accepted event or a refused attempt. */
export const RecordEntrySchema = z
  .object({
    id: z.number().int().meta({ description: 'Global record id (the chain order)' }),
    caseId: z.string().meta({ description: 'The stream: a case id, or `inquiry:<id>`' }),
    seq: z.number().int().nullable().meta({ description: 'Per-stream sequence of accepted entries; null when refused' }),
    type: z.string(),
    payload: z.unknown(),
    actorId: z.string(),
    actorRole: z.string().nullable(),
    at: z.string(),
    draftHash: z.string().nullable(),
    accepted: z.boolean(),
    refusal: z.unknown().meta({ description: '{kind, code, detail} when refused, else null' }),
    hash: z.string(),
    prevHash: z.string(),
  })
  .meta({ id: 'RecordEntry' });

/** `{items}` of record entries, oldest first. */
export const RecordListSchema = z.object({ items: z.array(RecordEntrySchema) }).meta({ id: 'RecordList' });

/** One stored version of a case's draft. */
export const DraftVersionSchema = z
  .object({ version: z.number().int(), hash: z.string(), content: z.unknown(), authorId: z.string(), at: z.string() })
  .meta({ id: 'DraftVersion' });

/** `{items}` of draft versions, oldest first. */
export const DraftListSchema = z.object({ items: z.array(DraftVersionSchema) }).meta({ id: 'DraftList' });
