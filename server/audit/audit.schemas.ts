// Zod schemas of the auditor's answers (checkpoints, verification, responsibility chain, timeline, case-file
// export) for the OpenAPI document. The top level of each is exact; deep parts documented in docs/audit.md
// are left open (`unknown`) rather than copied here a second time.
import { z } from 'zod';

export const CheckpointSchema = z
  .object({
    id: z.number().int().optional(),
    sequence: z.number().int().meta({ description: 'Record id of the head entry when signed' }),
    headHash: z.string(),
    at: z.string(),
    signature: z.string().meta({ description: 'Ed25519, base64' }),
    publicKey: z.string(),
    keySource: z.string().optional(),
    createdBy: z.string().optional(),
  })
  .meta({ id: 'Checkpoint' });

export const CheckpointExportSchema = z
  .object({
    kind: z.literal('legal-review/checkpoints'),
    version: z.literal(1),
    exportedAt: z.string(),
    publicKey: z.string(),
    keySource: z.string(),
    items: z.array(CheckpointSchema),
  })
  .meta({ id: 'CheckpointExport' });

export const VerifyReportSchema = z
  .object({
    ok: z.boolean(),
    entries: z.number().int(),
    head: z.object({ id: z.number().int(), hash: z.string() }).nullable(),
    firstBroken: z.unknown().meta({ description: 'The first broken entry and why, or null' }),
    issues: z.array(z.unknown()),
    issueCount: z.number().int(),
    checkpoints: z.object({ checked: z.number().int(), issues: z.array(z.unknown()), keys: z.array(z.string()) }),
    streams: z.object({ checked: z.number().int(), issues: z.array(z.unknown()) }),
    anchor: z.unknown().meta({ description: 'The witness check; null without a witness' }),
    warnings: z.array(z.string()),
    workers: z.number().int(),
    elapsedMs: z.number(),
    entriesPerSecond: z.number(),
  })
  .meta({ id: 'VerifyReport' });

export const ResponsibilitySchema = z
  .object({
    caseId: z.string(),
    drafts: z.array(z.unknown()).meta({ description: 'Per draft: every act on it (who, role, credential, hash)' }),
    decision: z.unknown().meta({ description: '{draftHash, draftVersion, outcome, by, at, entry} or null' }),
    credentialsNote: z.string(),
    persons: z.array(z.unknown()).meta({ description: 'The people answerable for the decision' }),
  })
  .meta({ id: 'ResponsibilityChain' });

export const TimelineItemSchema = z
  .object({
    entryId: z.number().int(),
    hash: z.string(),
    seq: z.number().int().nullable(),
    at: z.string(),
    type: z.string(),
    label: z.string(),
    actorId: z.string(),
    actorName: z.string(),
    role: z.string().nullable(),
    roleLabel: z.string(),
    draftVersion: z.number().int(),
    draftHash: z.string().nullable(),
    accepted: z.boolean(),
    refusal: z.object({ code: z.string(), detail: z.string() }).nullable(),
    summary: z.string(),
  })
  .meta({ id: 'TimelineItem' });

export const CaseFileSchema = z
  .object({
    kind: z.literal('legal-review/case-file'),
    version: z.literal(1),
    exportedAt: z.string(),
    exportedBy: z.string(),
    case: z.record(z.string(), z.unknown()),
    timeline: z.array(TimelineItemSchema),
    drafts: z.array(z.unknown()),
    reviews: z.array(z.unknown()),
    decision: z.unknown(),
    responsibility: z.unknown(),
    inquiries: z.array(z.unknown()),
    verification: z.unknown(),
  })
  .meta({ id: 'CaseFile' });
