// The penalty measures a draft may propose: the kinds of 行政处罚法 art 9 a transport agency imposes, each
// with the size the law gives it (an amount for fines and confiscations, a duration for suspensions and
// withholding). Invariant: a measure that lacks the size its kind needs, or carries one it cannot have, is a 400.
import { z } from 'zod';

const Amount = z.number().positive().max(1e12);
const Days = z.number().int().positive().max(36_500);

/** The measure kinds (处罚种类) of 行政处罚法 art 9 relevant to transport, in the article's order. */
export const measureKinds = [
  'warning',
  'public_criticism',
  'fine',
  'confiscate_gains',
  'confiscate_property',
  'license_withholding',
  'qualification_downgrade',
  'license_revocation',
  'business_restriction',
  'suspension',
  'closure',
  'practice_restriction',
] as const;
export type MeasureKind = (typeof measureKinds)[number];

/**
 * One measure as a draft proposes it. 警告, 通报批评, 降低资质等级, 吊销许可证件 and 责令关闭 take no size;
 * 罚款 and the confiscations an amount in yuan (for 没收非法财物 its value); 暂扣许可证件, 限制开展生产经营活动
 * and 责令停产停业 a duration in days; 限制从业 a duration unless it is for life.
 */
export const MeasureSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('warning') }),
  z.strictObject({ kind: z.literal('public_criticism') }),
  z.strictObject({ kind: z.literal('fine'), amountYuan: Amount }),
  z.strictObject({ kind: z.literal('confiscate_gains'), amountYuan: Amount }),
  z.strictObject({ kind: z.literal('confiscate_property'), amountYuan: Amount }),
  z.strictObject({ kind: z.literal('license_withholding'), durationDays: Days }),
  z.strictObject({ kind: z.literal('qualification_downgrade') }),
  z.strictObject({ kind: z.literal('license_revocation') }),
  z.strictObject({ kind: z.literal('business_restriction'), durationDays: Days }),
  z.strictObject({ kind: z.literal('suspension'), durationDays: Days }),
  z.strictObject({ kind: z.literal('closure') }),
  z.strictObject({ kind: z.literal('practice_restriction'), durationDays: Days.optional() }),
]);
export type ProposedMeasure = z.infer<typeof MeasureSchema>;

/** The measures of one penalty proposal: at least one, each kind at most once (art 9 lets them combine). */
export const MeasureListSchema = z
  .array(MeasureSchema)
  .min(1)
  .max(measureKinds.length)
  .refine((list) => new Set(list.map((m) => m.kind)).size === list.length, { message: 'each measure kind at most once' });

/** Kinds only drafts in the old single-measure shape name: 没收 (either kind) and 不予处罚. */
export const legacyOnlyKinds = ['confiscation', 'no_penalty'] as const;

/** Every kind a normalised measure (`measuresOf`) can have, and what the major catalog can list. */
export const CatalogKindSchema = z.enum([...measureKinds, 'confiscation']);
export type CatalogKind = z.infer<typeof CatalogKindSchema>;

/** Kinds whose size is an amount of money, and those whose value counts as a confiscation (art 76(1)). */
export const confiscationKinds: ReadonlySet<string> = new Set(['confiscation', 'confiscate_gains', 'confiscate_property']);
