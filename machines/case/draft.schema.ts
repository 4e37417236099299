// The draft decision (决定代拟稿) a handler submits: the one shape shared by the API, the machine and the hash.
// Everything here is plain JSON so that a draft's SHA-256 over canonical JSON is stable across processes.
import { z } from 'zod';
import { MeasureListSchema, type MeasureKind } from './measures.js';

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

/** The old single-measure shape: a fine or confiscation names its amount, and no other kind has one. */
function legacySize(proposed: { kind: ProposedKind; amountYuan?: number }, ctx: z.RefinementCtx): void {
  const needsAmount = proposed.kind === 'fine' || proposed.kind === 'confiscation';
  if (needsAmount && proposed.amountYuan === undefined) ctx.addIssue({ code: 'custom', path: ['amountYuan'], message: 'required' });
  if (!needsAmount && proposed.amountYuan !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['amountYuan'], message: `a ${proposed.kind} has no amount` });
  }
}

/** A draft as the handler writes it. `discretionItem` names the 裁量基准 item applied. */
export const DraftContentSchema = z.object({
  title: z.string().trim().min(1).max(300),
  party: PartySchema,
  facts: z.string().trim().min(1).max(20000),
  legalBasis: z.array(z.string().trim().min(1).max(500)).min(1).max(50),
  evidence: z.array(EvidenceSchema).min(1).max(200),
  proposed: z.union([
    z
      .object({
        kind: ProposedKindSchema,
        amountYuan: z.number().nonnegative().max(1e12).optional(),
      })
      .superRefine(legacySize),
    z.strictObject({ outcome: z.literal('penalty'), measures: MeasureListSchema }),
    z.strictObject({ outcome: z.enum(['no_penalty_minor', 'no_penalty_unfounded', 'transfer']) }),
  ]),
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
  kind: MeasureKind | ProposedKind;
  amountYuan?: number;
  durationDays?: number;
}

/** What a draft proposes to decide (交通 art 73): `no_penalty` is the old shape's 不予处罚 (either ground). */
export type ProposedOutcome = 'penalty' | 'no_penalty_minor' | 'no_penalty_unfounded' | 'transfer' | 'no_penalty';

/** The outcome a draft proposes, whatever its shape. */
export function proposedOutcomeOf(draft: DraftContent): ProposedOutcome {
  const proposed = draft.proposed;
  if ('outcome' in proposed) return proposed.outcome;
  return proposed.kind === 'no_penalty' ? 'no_penalty' : 'penalty';
}

/**
 * The measures a draft proposes, as one list whatever shape the draft uses. Rules that compare drafts (a
 * heavier penalty after 告知, the major catalog) read measures through this, never the draft's shape.
 * A proposal of 不予处罚 gives one `no_penalty` measure (as the old shape always did); a transfer gives none.
 */
export function measuresOf(draft: DraftContent): Measure[] {
  const proposed = draft.proposed;
  if ('kind' in proposed) {
    const { kind, amountYuan } = proposed;
    return [amountYuan === undefined ? { kind } : { kind, amountYuan }];
  }
  if (proposed.outcome === 'penalty') return proposed.measures.map((m) => ({ ...m }));
  return proposed.outcome === 'transfer' ? [] : [{ kind: 'no_penalty' }];
}

/**
 * The draft text an event carries, if any: a revision's, or the one a new notice (告知) announces. Every
 * place that follows the current text through the record reads it through this.
 */
export function draftOf(event: { type: string; draft?: unknown }): DraftContent | null {
  const carriers = ['draft.revise', 'notice.send', 'materials.supplement', 'case.open'];
  if (carriers.includes(event.type) && event.draft) {
    return event.draft as DraftContent;
  }
  return null;
}
