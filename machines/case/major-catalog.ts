// The 重大执法决定法制审核目录清单 as data, and the pure classifier that applies it to a draft.
// Thresholds are local [T] values (DOMAIN §1.4): they live in the policy file, never in code.
import { z } from 'zod';
import { measuresOf, type DraftContent, type Measure } from './draft.schema.js';
import { CatalogKindSchema, confiscationKinds, type CatalogKind } from './measures.js';

/** The catalog of what makes a decision major (重大) and what requires collective discussion (集体讨论). */
export const MajorCatalogSchema = z.object({
  fineThresholdYuan: z.object({ person: z.number().nonnegative(), organization: z.number().nonnegative() }),
  confiscationThresholdYuan: z.number().nonnegative(),
  /** Measure kinds that make a decision major (交通 arts 71, 76(1), 80): 吊销, 降低资质等级, 责令停产停业, 责令关闭, 限制从业. */
  majorKinds: z.array(CatalogKindSchema),
  hearingHeldIsMajor: z.boolean(),
  publicInterestIsMajor: z.boolean(),
  complexIsMajor: z.boolean(),
  discussion: z.object({
    kinds: z.array(CatalogKindSchema),
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
  | Exclude<CatalogKind, 'fine' | 'confiscation' | 'confiscate_gains' | 'confiscate_property'>
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

/** The catalog-listed kinds among the measures: each one is its own reason (a fine or confiscation is judged by size). */
function kindReasons(measures: Measure[], kinds: readonly CatalogKind[]): MajorReason[] {
  const sized = new Set(['fine', ...confiscationKinds]);
  return measures
    .map((m) => m.kind)
    .filter((kind): kind is CatalogKind => kinds.includes(kind as CatalogKind) && !sized.has(kind))
    .map((kind) => kind as MajorReason);
}

/** Sum of the amounts of the measures of the given kinds (a draft may combine several, 行政处罚法 art 9). */
const total = (measures: Measure[], kinds: ReadonlySet<string>): number =>
  measures.filter((m) => kinds.has(m.kind)).reduce((sum, m) => sum + (m.amountYuan ?? 0), 0);

/** Classifies a draft against the catalog; `hearingHeld` is a fact of the case, not of the draft. */
export function classifyDraft(draft: DraftContent, catalog: MajorCatalog, hearingHeld: boolean): Classification {
  const measures = measuresOf(draft);
  const fine = total(measures, new Set(['fine']));
  const largeFine = measures.some((m) => m.kind === 'fine') && fine >= catalog.fineThresholdYuan[draft.party.kind];
  // 没收较大数额违法所得 and 没收较大价值非法财物 are separate grounds (交通 art 76(1)): each judged on its own.
  const largeConfiscation = [...confiscationKinds].some(
    (kind) => measures.some((m) => m.kind === kind) && total(measures, new Set([kind])) >= catalog.confiscationThresholdYuan,
  );
  const complex = draft.flags?.complex === true;
  const reasons: MajorReason[] = [];
  if (largeFine) reasons.push('fine_over_threshold');
  if (largeConfiscation) reasons.push('confiscation_over_threshold');
  reasons.push(...kindReasons(measures, catalog.majorKinds));
  if (hearingHeld && catalog.hearingHeldIsMajor) reasons.push('hearing_held');
  if (draft.flags?.publicInterest === true && catalog.publicInterestIsMajor) reasons.push('public_interest');
  if (complex && catalog.complexIsMajor) reasons.push('complex');

  const discussion: MajorReason[] = [...kindReasons(measures, catalog.discussion.kinds)];
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
