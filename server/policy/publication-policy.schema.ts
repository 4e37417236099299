// The publication (公示) and staffing parts of the policy: what the public register says about the agency,
// how a natural person's data is redacted, and the §27 staffing ratio. Shapes only; values live in the JSON.
import { z } from 'zod';

const Basis = z.string().trim().min(1);

/** A regular expression that compiles, with a bounded length (config, not input, but still checked at boot). */
const Pattern = z
  .string()
  .min(1)
  .max(500)
  .refine((p) => {
    try {
      new RegExp(p, 'gu');
      return true;
    } catch {
      return false;
    }
  }, 'a valid JavaScript regular expression (flags gu)');

/** One redaction rule: every match of `pattern` in the published text becomes `replacement`. */
export const RedactionRuleSchema = z.strictObject({
  /** Stable name, recorded with the published content when the rule changed something. */
  name: z.string().regex(/^[a-z][a-z0-9_]{0,40}$/),
  pattern: Pattern,
  replacement: z.string().max(50),
  /** Which parties' cases the rule applies to: a natural person's data is never published (seed §9(1)). */
  parties: z.array(z.enum(['person', 'organization'])).min(1),
});
export type RedactionRule = z.infer<typeof RedactionRuleSchema>;

/** How the published content is redacted. */
export const RedactionSchema = z.strictObject({
  /** A natural person's name appears as surname + 某 (张三 → 张某). */
  maskPersonName: z.boolean(),
  /** Two-character surnames kept whole when masking (欧阳锋 → 欧阳某). */
  compoundSurnames: z.array(z.string().min(2).max(4)).max(200),
  /** Party fields of a natural person whose values are removed wherever they appear (e.g. the address). */
  personFields: z.array(z.enum(['address'])).max(5),
  fieldReplacement: z.string().max(50),
  rules: z.array(RedactionRuleSchema).max(50),
});
export type Redaction = z.infer<typeof RedactionSchema>;

/** Publication (公示) settings. */
export const PublicationPolicySchema = z.strictObject({
  /** 执法机关 as published. */
  agency: z.string().trim().min(1).max(200),
  /** 执法类别 of the engine's decisions. */
  category: z.string().trim().min(1).max(50),
  redaction: RedactionSchema,
  basis: Basis,
});
export type PublicationPolicy = z.infer<typeof PublicationPolicySchema>;

/** Seed §27: 法制审核人员 at least this share of the certified enforcement staff, reported with an alert [T]. */
export const StaffingPolicySchema = z.strictObject({
  minReviewerRatio: z.number().min(0).max(1),
  basis: Basis,
});
