// The catalog of major 行政强制执行 decisions (重大行政强制决定目录) as data, and the pure classifier applying it.
// Kinds and thresholds are local [T] values (DOMAIN §1.4: 瑞金 2023 lists 强制拆除, 加处罚款, 代履行 of spilled
// goods, obstacles or pollutants; 118号 (十二)): they live in the policy file.
import { z } from 'zod';
import { ExecutionMeansSchema, SubstituteObjectSchema, type ExecutionDraft } from './execution.draft.js';

/** What makes an execution decision major; each field's source is in the policy file. */
export const ExecutionCatalogSchema = z.object({
  /** Means always major (e.g. 强制拆除) [T]. */
  majorMeans: z.array(ExecutionMeansSchema),
  /** What a 代履行 removes that makes it major (遗洒物、障碍物、污染物) [T]. */
  majorSubstituteObjects: z.array(SubstituteObjectSchema),
  /** 加处罚款或者滞纳金 at or above which the decision is major [T]. */
  surchargeThresholdYuan: z.number().nonnegative(),
  publicInterestIsMajor: z.boolean(),
  complexIsMajor: z.boolean(),
  /** Whether a major decision is filed (备案) with the 司法行政部门 (seed §22: major 强制 decisions). */
  filingRequired: z.boolean(),
});
export type ExecutionCatalog = z.infer<typeof ExecutionCatalogSchema>;

/** Why an execution decision is major; codes are stable API values. */
export type ExecutionMajorReason = 'major_means' | 'major_substitute_object' | 'surcharge_over_threshold' | 'public_interest' | 'complex';

/** The classification of one draft; `reasons` sorted and unique. */
export interface ExecutionClassification {
  isMajor: boolean;
  reasons: ExecutionMajorReason[];
}

/** Classifies a draft against the catalog. */
export function classifyExecution(draft: ExecutionDraft, catalog: ExecutionCatalog): ExecutionClassification {
  const reasons: ExecutionMajorReason[] = [];
  if (catalog.majorMeans.includes(draft.means)) reasons.push('major_means');
  if (draft.route === 'substitute' && draft.substituteObject && catalog.majorSubstituteObjects.includes(draft.substituteObject)) {
    reasons.push('major_substitute_object');
  }
  if (draft.surchargeYuan > 0 && draft.surchargeYuan >= catalog.surchargeThresholdYuan) reasons.push('surcharge_over_threshold');
  if (draft.complex && catalog.complexIsMajor) reasons.push('complex');
  if (draft.publicInterest && catalog.publicInterestIsMajor) reasons.push('public_interest');
  const sorted = [...new Set(reasons)].sort();
  return { isMajor: sorted.length > 0, reasons: sorted };
}

/** A revision never makes a major case minor: review stays required once a draft was major. */
export function mergeExecutionClassification(prev: ExecutionClassification, next: ExecutionClassification): ExecutionClassification {
  const reasons = [...new Set([...prev.reasons, ...next.reasons])].sort();
  return { isMajor: prev.isMajor || next.isMajor, reasons };
}
