// The 行政许可 (撤销 / 撤回) part of the policy: the major catalog ([T] local values with their sources), the period
// for 陈述、申辩, the 公示 deadline and the 备案 deadline. Invariant: shapes only; values and bases live in the JSON.
import { z } from 'zod';
import { LicenceCatalogSchema } from '../../machines/licence/licence.catalog.js';

const Basis = z.string().trim().min(1);
const Period = z.strictObject({ days: z.number().int().positive(), unit: z.enum(['working', 'calendar', 'natural']), basis: Basis });

/** The licence policy: catalog with a source per field, and the three periods its clocks count. */
export const LicencePolicySchema = z.strictObject({
  catalog: z.strictObject({ ...LicenceCatalogSchema.shape, basis: z.record(LicenceCatalogSchema.keyof(), Basis) }),
  /** How long the licensee has to 陈述、申辩 after the notice (行政许可法 arts 7, 36) [T]. */
  statements: Period,
  /** 公示 of a 撤销 / 撤回 decision (国办发〔2018〕118号 (六): 7 working days for 行政许可). */
  publication: Period,
  /** 备案 of a major decision with the 司法行政部门, counted from the decision [T]. */
  filing: Period,
});
export type LicencePolicy = z.infer<typeof LicencePolicySchema>;
