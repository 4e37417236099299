// The draft 查封、扣押 decision (决定书代拟稿) a handler submits: what 行政强制法 art 24 requires the 决定书 to
// state, and the officers who carry it out (art 18(2)). Plain JSON, so its SHA-256 over canonical JSON is stable.
import { z } from 'zod';
import { PartySchema } from '../case/draft.schema.js';
import { sha256Canonical } from '../shared/canonical-hash.js';

const Text = (max: number) => z.string().trim().min(1).max(max);

/** 查封 (seal up in place) or 扣押 (seize and take away): the two measures of 行政强制法 art 9(2)–(3). */
export const CoercionMeasureSchema = z.enum(['seal', 'seize']);
export type CoercionMeasure = z.infer<typeof CoercionMeasureSchema>;

/** What is sealed or seized (art 23 ¶1: only 涉案的场所、设施或者财物). */
export const CoercionObjectKindSchema = z.enum(['vehicle', 'goods', 'premises', 'facility', 'tools', 'other']);
export type CoercionObjectKind = z.infer<typeof CoercionObjectKindSchema>;

/**
 * One object of the measure, as the 查封扣押清单 lists it (art 24(3): 名称、数量). `livingNecessity` says whether it
 * is a 生活必需品 of a citizen or their dependants, which art 23 ¶1 forbids to seal or seize.
 */
export const CoercionObjectSchema = z.object({
  name: Text(200),
  kind: CoercionObjectKindSchema,
  quantity: Text(100),
  valueYuan: z.number().nonnegative().max(1e12),
  livingNecessity: z.boolean().default(false),
});
export type CoercionObject = z.infer<typeof CoercionObjectSchema>;

/** The statutory maximum of a 查封扣押 period and of its one extension, in days (行政强制法 art 25 ¶1). */
export const maxPeriodDays = 30;

/** The draft decision: party, reasons and basis, the objects, the period, the remedies (art 24), and the officers. */
export const CoercionDraftSchema = z.object({
  title: Text(200),
  measure: CoercionMeasureSchema,
  party: PartySchema,
  /** art 24(2): 查封、扣押的理由 (the facts) and 依据 (the law). */
  facts: Text(20000),
  legalBasis: Text(4000),
  objects: z.array(CoercionObjectSchema).min(1).max(200),
  /** art 24(4), art 25 ¶1: the period, at most 30 days. */
  periodDays: z.number().int().min(1).max(maxPeriodDays),
  /** art 24(5): the routes and periods of 行政复议 and 行政诉讼. */
  remedies: Text(2000),
  /** art 18(2): carried out by at least two 行政执法人员 (their user ids). */
  officers: z.array(Text(100)).min(2).max(10),
  /** Catalog triggers the handler asserts (118号 (十二)): 重大公共利益, 疑难复杂. */
  publicInterest: z.boolean().default(false),
  complex: z.boolean().default(false),
});
export type CoercionDraft = z.infer<typeof CoercionDraftSchema>;

/** The draft as the context keeps it: version, hash, measure, period and the objects' total value. */
export interface CoercionDraftSummary {
  version: number;
  hash: string;
  measure: CoercionMeasure;
  periodDays: number;
  totalValueYuan: number;
}

/** Summarises a draft for the context; the hash is over the whole canonical draft. */
export function coercionDraftSummary(draft: CoercionDraft, version: number): CoercionDraftSummary {
  return {
    version,
    hash: sha256Canonical(draft),
    measure: draft.measure,
    periodDays: draft.periodDays,
    totalValueYuan: draft.objects.reduce((sum, o) => sum + o.valueYuan, 0),
  };
}
