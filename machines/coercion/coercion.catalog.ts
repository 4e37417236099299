// The catalog of major 查封、扣押 decisions (重大行政强制决定目录) as data, and the pure classifier that applies it.
// Thresholds and listed kinds are local [T] values (DOMAIN §1.4, 118号 (十二)): they live in the policy file.
import { z } from 'zod';
import { CoercionObjectKindSchema, type CoercionDraft } from './coercion.draft.js';

/** What makes a 查封扣押 decision major; each field's source is in the policy file. */
export const CoercionCatalogSchema = z.object({
  /** Total value of the objects at or above which the measure is major (涉案财物价值较大) [T]. */
  valueThresholdYuan: z.number().nonnegative(),
  /** Object kinds whose sealing or seizure is always major (e.g. 查封经营场所、设施) [T]. */
  majorObjectKinds: z.array(CoercionObjectKindSchema),
  publicInterestIsMajor: z.boolean(),
  complexIsMajor: z.boolean(),
  /** Whether a major 查封扣押 decision is filed (备案) with the 司法行政部门 (seed §22: major 强制 decisions). */
  filingRequired: z.boolean(),
});
export type CoercionCatalog = z.infer<typeof CoercionCatalogSchema>;

/** Why a 查封扣押 decision is major; codes are stable API values. */
export type CoercionMajorReason = 'value_over_threshold' | 'major_object_kind' | 'public_interest' | 'complex';

/** The classification of one draft; `reasons` sorted and unique. */
export interface CoercionClassification {
  isMajor: boolean;
  reasons: CoercionMajorReason[];
}

/** Classifies a draft against the catalog. */
export function classifyCoercion(draft: CoercionDraft, catalog: CoercionCatalog): CoercionClassification {
  const total = draft.objects.reduce((sum, o) => sum + o.valueYuan, 0);
  const reasons: CoercionMajorReason[] = [];
  if (total >= catalog.valueThresholdYuan) reasons.push('value_over_threshold');
  if (draft.objects.some((o) => catalog.majorObjectKinds.includes(o.kind))) reasons.push('major_object_kind');
  if (draft.complex && catalog.complexIsMajor) reasons.push('complex');
  if (draft.publicInterest && catalog.publicInterestIsMajor) reasons.push('public_interest');
  const sorted = [...new Set(reasons)].sort();
  return { isMajor: sorted.length > 0, reasons: sorted };
}

/**
 * A revision never makes a major case minor: once a draft was major, review stays required, so a handler
 * cannot shrink the draft past the catalog to skip review and then restore it.
 */
export function mergeCoercionClassification(prev: CoercionClassification, next: CoercionClassification): CoercionClassification {
  const reasons = [...new Set([...prev.reasons, ...next.reasons])].sort();
  return { isMajor: prev.isMajor || next.isMajor, reasons };
}
