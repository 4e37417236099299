// The 查封、扣押 part of the policy: the major catalog ([T] local values with their sources), how the measure's
// period is counted, and the 备案 deadline. Invariant: shapes only; every value and its basis live in the JSON.
import { z } from 'zod';
import { CoercionCatalogSchema } from '../../machines/coercion/coercion.catalog.js';

const Basis = z.string().trim().min(1);

/** The coercion policy: catalog with a source per field, period counting, filing deadline. */
export const CoercionPolicySchema = z.strictObject({
  catalog: z.strictObject({ ...CoercionCatalogSchema.shape, basis: z.record(CoercionCatalogSchema.keyof(), Basis) }),
  /** How the 查封扣押 period (≤30 days, art 25) and its extension are counted: see default-policy.json for why. */
  periodUnit: z.strictObject({ unit: z.enum(['working', 'calendar', 'natural']), basis: Basis }),
  /** 备案 of a major 查封扣押 decision with the 司法行政部门, counted from the decision. */
  filing: z.strictObject({ days: z.number().int().positive(), unit: z.enum(['working', 'calendar', 'natural']), basis: Basis }),
});
export type CoercionPolicy = z.infer<typeof CoercionPolicySchema>;
