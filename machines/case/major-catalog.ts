// The 重大执法决定法制审核目录清单 as data, and the pure classifier that applies it to a draft.
// Thresholds are local [T] values (DOMAIN §1.4): they live in the policy file, never in code.
import { z } from 'zod';
import { ProposedKindSchema, type DraftContent } from './draft.schema.js';

/** The catalog of what makes a decision major (重大) and what requires collective discussion (集体讨论). */
export const MajorCatalogSchema = z.object({
  fineThresholdYuan: z.object({ person: z.number().nonnegative(), organization: z.number().nonnegative() }),
  confiscationThresholdYuan: z.number().nonnegative(),
  majorKinds: z.array(ProposedKindSchema),
  hearingHeldIsMajor: z.boolean(),
  publicInterestIsMajor: z.boolean(),
  complexIsMajor: z.boolean(),
  discussion: z.object({
    kinds: z.array(ProposedKindSchema),
    largeFine: z.boolean(),
    largeConfiscation: z.boolean(),
    complex: z.boolean(),
  }),
  /**
   * Decision outcomes of a major case that are filed (备案) with the 司法行政部门: seed §22 names major 处罚
   * and 强制 decisions, so transfers and 不予处罚 are not filed unless local rules add them [T]. Absent in
   * catalogs recorded before it existed: then `['penalty']`.
   */
  filingOutcomes: z.array(z.string().min(1).max(50)).max(20).optional(),
});
export type MajorCatalog = z.infer<typeof MajorCatalogSchema>;

/** Why a case is major; codes are stable API values, labels live in the UI catalog. */
export type MajorReason =
  | 'fine_over_threshold'
  | 'confiscation_over_threshold'
  | 'license_revocation'
  | 'suspension'
  | 'hearing_held'
  | 'public_interest'
  | 'complex';

/** Result of classifying one draft; `reasons` and `discussionReasons` are sorted and unique. */
export interface Classification {
  isMajor: boolean;
  reasons: MajorReason[];
  discussionRequired: boolean;
  discussionReasons: MajorReason[];
}

function sortedUnique<T extends string>(items: T[]): T[] {
  return [...new Set(items)].sort();
}

function kindReason(kind: DraftContent['proposed']['kind']): MajorReason | null {
  if (kind === 'license_revocation' || kind === 'suspension') return kind;
  return null;
}

/** Classifies a draft against the catalog; `hearingHeld` is a fact of the case, not of the draft. */
export function classifyDraft(draft: DraftContent, catalog: MajorCatalog, hearingHeld: boolean): Classification {
  const amount = draft.proposed.amountYuan ?? 0;
  const largeFine = draft.proposed.kind === 'fine' && amount >= catalog.fineThresholdYuan[draft.party.kind];
  const largeConfiscation = draft.proposed.kind === 'confiscation' && amount >= catalog.confiscationThresholdYuan;
  const complex = draft.flags?.complex === true;
  const reasons: MajorReason[] = [];
  if (largeFine) reasons.push('fine_over_threshold');
  if (largeConfiscation) reasons.push('confiscation_over_threshold');
  const byKind = kindReason(draft.proposed.kind);
  if (byKind && catalog.majorKinds.includes(draft.proposed.kind)) reasons.push(byKind);
  if (hearingHeld && catalog.hearingHeldIsMajor) reasons.push('hearing_held');
  if (draft.flags?.publicInterest === true && catalog.publicInterestIsMajor) reasons.push('public_interest');
  if (complex && catalog.complexIsMajor) reasons.push('complex');

  const discussion: MajorReason[] = [];
  if (byKind && catalog.discussion.kinds.includes(draft.proposed.kind)) discussion.push(byKind);
  if (largeFine && catalog.discussion.largeFine) discussion.push('fine_over_threshold');
  if (largeConfiscation && catalog.discussion.largeConfiscation) discussion.push('confiscation_over_threshold');
  if (complex && catalog.discussion.complex) discussion.push('complex');
  return {
    isMajor: reasons.length > 0,
    reasons: sortedUnique(reasons),
    discussionRequired: discussion.length > 0,
    discussionReasons: sortedUnique(discussion),
  };
}

/**
 * Majority only ever grows on a case: a later draft cannot downgrade what the catalog once marked
 * major, so a handler cannot escape review by trimming a fine after the fact (DOMAIN §1.4).
 */
export function mergeClassification(previous: Classification, next: Classification): Classification {
  const reasons = sortedUnique([...previous.reasons, ...next.reasons]);
  const discussionReasons = sortedUnique([...previous.discussionReasons, ...next.discussionReasons]);
  return {
    isMajor: reasons.length > 0,
    reasons,
    discussionRequired: discussionReasons.length > 0,
    discussionReasons,
  };
}
