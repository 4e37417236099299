// The 行政强制执行 part of the policy: the major catalog ([T] local values with their sources), how the 催告 period,
// the court's wait and deadline are counted, the night hours of art 43, and the 备案 deadline.
// Invariant: shapes only; every value and its basis live in the JSON.
import { z } from 'zod';
import { ExecutionCatalogSchema } from '../../machines/execution/execution.catalog.js';

const Basis = z.string().trim().min(1);
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
const Unit = z.enum(['working', 'calendar', 'natural']);

/** The execution policy: catalog with a source per field, clocks, night hours, filing deadline. */
export const ExecutionPolicySchema = z.strictObject({
  catalog: z.strictObject({ ...ExecutionCatalogSchema.shape, basis: z.record(ExecutionCatalogSchema.keyof(), Basis) }),
  /** The 催告 period (art 35): up to `workingUpToDays` days it counts working days (art 69), beyond calendar days. */
  notice: z.strictObject({ workingUpToDays: z.number().int().min(0), basis: Basis }),
  /** art 54: the wait after the 催告 is served before applying to the court. */
  courtWait: z.strictObject({ days: z.number().int().positive(), unit: Unit, basis: Basis }),
  /** art 53: the months, from the end of the remedy period, within which the court is applied to. */
  courtApplication: z.strictObject({ months: z.number().int().positive(), basis: Basis }),
  /** art 43 ¶1: the night, when no execution is carried out unless urgent ([T]: the law does not define it). */
  night: z.strictObject({ from: Time, until: Time, basis: Basis }),
  /** 备案 of a major execution decision with the 司法行政部门, counted from the decision. */
  filing: z.strictObject({ days: z.number().int().positive(), unit: Unit, basis: Basis }),
});
export type ExecutionPolicy = z.infer<typeof ExecutionPolicySchema>;
