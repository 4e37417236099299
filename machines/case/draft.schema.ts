// The draft decision (决定代拟稿) a handler submits: the one shape shared by the API, the machine and the hash.
// Everything here is plain JSON so that a draft's SHA-256 over canonical JSON is stable across processes.
import { z } from 'zod';

/** Kinds of proposed outcome; `no_penalty` is 不予处罚. */
export const ProposedKindSchema = z.enum(['fine', 'confiscation', 'license_revocation', 'suspension', 'warning', 'no_penalty']);
export type ProposedKind = z.infer<typeof ProposedKindSchema>;

/** The party (当事人): a natural person or an organisation, which the fine thresholds distinguish. */
export const PartySchema = z.object({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(['person', 'organization']),
  /** Where the party lives or is registered; a natural person's is never published (seed §9(1)). */
  address: z.string().trim().min(1).max(300).optional(),
});

/**
 * A file in the evidence store, named by the server's evidence id and pinned by its SHA-256: the draft hash
 * covers both, so replacing or removing a file changes the draft like a text change does.
 */
export const FileRefSchema = z.strictObject({
  evidenceId: z.string().regex(/^[0-9a-f-]{36}$/, 'an evidence id (UUID)'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hex digest'),
});
export type FileRef = z.infer<typeof FileRefSchema>;

/** One evidence item (证据) in the materials sent for review, with the files that are the evidence itself. */
export const EvidenceSchema = z.object({
  kind: z.string().trim().min(1).max(100),
  description: z.string().trim().min(1).max(4000),
  files: z.array(FileRefSchema).max(50).optional(),
});

/** A draft as the handler writes it. `discretionItem` names the 裁量基准 item applied. */
export const DraftContentSchema = z.object({
  title: z.string().trim().min(1).max(300),
  party: PartySchema,
  facts: z.string().trim().min(1).max(20000),
  legalBasis: z.array(z.string().trim().min(1).max(500)).min(1).max(50),
  evidence: z.array(EvidenceSchema).min(1).max(200),
  proposed: z.object({
    kind: ProposedKindSchema,
    amountYuan: z.number().nonnegative().max(1e12).optional(),
  }),
  discretionItem: z.string().trim().max(500).optional(),
  flags: z
    .object({
      publicInterest: z.boolean().optional(),
      complex: z.boolean().optional(),
    })
    .optional(),
});
export type DraftContent = z.infer<typeof DraftContentSchema>;

/** One measure a draft proposes, normalised: its kind and the size the law lets it grow by (amount, duration). */
export interface Measure {
  kind: ProposedKind;
  amountYuan?: number;
  durationDays?: number;
}

/**
 * The measures a draft proposes, as one list whatever shape the draft uses. Rules that compare drafts (a
 * heavier penalty after 告知, the major catalog) read measures through this, never the draft's shape.
 */
export function measuresOf(draft: DraftContent): Measure[] {
  const { kind, amountYuan } = draft.proposed;
  return [amountYuan === undefined ? { kind } : { kind, amountYuan }];
}

/**
 * The draft text an event carries, if any: a revision's, or the one a new notice (告知) announces. Every
 * place that follows the current text through the record reads it through this.
 */
export function draftOf(event: { type: string; draft?: unknown }): DraftContent | null {
  if ((event.type === 'draft.revise' || event.type === 'notice.send' || event.type === 'case.open') && event.draft) {
    return event.draft as DraftContent;
  }
  return null;
}
