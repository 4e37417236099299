// The shapes of the evidence API's answers: a stored file, a case's files, and a page of its read log.
import { z } from 'zod';

/** One stored evidence file of a case. */
export const EvidenceFileSchema = z
  .object({
    evidenceId: z.string(),
    caseId: z.string(),
    sha256: z.string(),
    size: z.number().int(),
    mediaType: z.string(),
    filename: z.string(),
    uploaderId: z.string(),
    at: z.string(),
  })
  .meta({ id: 'EvidenceFile' });

/** The answer to an upload. */
export const EvidenceUploadedSchema = EvidenceFileSchema.pick({
  evidenceId: true,
  sha256: true,
  size: true,
  mediaType: true,
  filename: true,
}).meta({
  id: 'EvidenceUploaded',
});

export const EvidenceListSchema = z.object({ items: z.array(EvidenceFileSchema) });

/** One read of a case's records (调阅记录), chained like the record. */
export const ReadEntrySchema = z
  .object({
    id: z.number().int(),
    userId: z.string(),
    userName: z.string(),
    at: z.string(),
    caseId: z.string(),
    resource: z.string(),
    target: z.string().nullable(),
    channel: z.enum(['api', 'desk']),
    route: z.string(),
    address: z.string(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: 'ReadEntry' });

export const AccessLogPageSchema = z.object({ items: z.array(ReadEntrySchema), next: z.number().int().nullable() });
