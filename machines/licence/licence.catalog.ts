// The catalog of major 行政许可 decisions (撤销、撤回; 重大执法决定目录) as data, and the pure classifier that applies
// it. Thresholds and listed kinds are local [T] values (DOMAIN §1.4, 118号 (十二)): they live in the policy file.
import { z } from 'zod';
import { compensationOf, LicenceKindSchema, type LicenceDraft } from './licence.draft.js';

/** What makes a 撤销 / 撤回 decision major; each field's source is in the policy file. */
export const LicenceCatalogSchema = z.object({
  /** Licence kinds whose 撤销 / 撤回 is major when held by an organisation (e.g. 道路运输经营许可) [T]. */
  majorLicenceKinds: z.array(LicenceKindSchema),
  /** The licensee's loss at or above which a decision owing 赔偿 or 补偿 is major [T]. */
  compensationThresholdYuan: z.number().nonnegative(),
  /** How many affected parties make the decision major (涉及人数众多) [T]. */
  partiesAffectedThreshold: z.number().int().positive(),
  publicInterestIsMajor: z.boolean(),
  complexIsMajor: z.boolean(),
  /** Whether a major decision is filed (备案) with the 司法行政部门 (seed §22). */
  filingRequired: z.boolean(),
});
export type LicenceCatalog = z.infer<typeof LicenceCatalogSchema>;

/** Why a licence decision is major; codes are stable API values. */
export type LicenceMajorReason = 'major_licence_kind' | 'compensation_over_threshold' | 'many_parties' | 'public_interest' | 'complex';

/** The classification of one draft; `reasons` sorted and unique. */
export interface LicenceClassification {
  isMajor: boolean;
  reasons: LicenceMajorReason[];
}

/** Classifies a draft against the catalog. */
export function classifyLicence(draft: LicenceDraft, catalog: LicenceCatalog): LicenceClassification {
  const reasons: LicenceMajorReason[] = [];
  if (draft.party.kind === 'organization' && catalog.majorLicenceKinds.includes(draft.licence.kind)) reasons.push('major_licence_kind');
  if (compensationOf(draft) !== 'none' && draft.estimatedLossYuan >= catalog.compensationThresholdYuan)
    reasons.push('compensation_over_threshold');
  if (draft.partiesAffected >= catalog.partiesAffectedThreshold) reasons.push('many_parties');
  if (draft.publicInterest && catalog.publicInterestIsMajor) reasons.push('public_interest');
  if (draft.complex && catalog.complexIsMajor) reasons.push('complex');
  const sorted = [...new Set(reasons)].sort();
  return { isMajor: sorted.length > 0, reasons: sorted };
}

/** A revision never makes a major case minor: once a draft was major, review stays required. */
export function mergeLicenceClassification(prev: LicenceClassification, next: LicenceClassification): LicenceClassification {
  const reasons = [...new Set([...prev.reasons, ...next.reasons])].sort();
  return { isMajor: prev.isMajor || next.isMajor, reasons };
}
