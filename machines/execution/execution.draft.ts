// The draft 强制执行 decision (强制执行决定书 / 代履行决定书 / 强制执行申请书 代拟稿) a handler submits: the duty
// the party left unperformed, the route (行政强制法 arts 37, 50, 53), the means, and what art 37 ¶2 requires the
// decision to state. Plain JSON, so its SHA-256 over canonical JSON is stable.
import { z } from 'zod';
import { PartySchema } from '../case/draft.schema.js';
import { IsoDateSchema } from '../case/legal-dates.js';
import { sha256Canonical } from '../shared/canonical-hash.js';

const Text = (max: number) => z.string().trim().min(1).max(max);
const Yuan = z.number().nonnegative().max(1e12);

/** How the decision is enforced: by the agency itself (art 37), by 代履行 (arts 50–52), or by the court (arts 53–54). */
export const ExecutionRouteSchema = z.enum(['enforce', 'substitute', 'court']);
export type ExecutionRoute = z.infer<typeof ExecutionRouteSchema>;

/** The means of 行政强制执行 (art 12): 加处罚款或者滞纳金, 划拨, 拍卖, 排除妨碍恢复原状, 代履行, 强制拆除 (art 44), other. */
export const ExecutionMeansSchema = z.enum(['surcharge', 'transfer', 'auction', 'restore', 'substitute', 'demolition', 'other']);
export type ExecutionMeans = z.infer<typeof ExecutionMeansSchema>;

/** What a 代履行 removes (art 52: 遗洒物、障碍物、污染物), or `other`. */
export const SubstituteObjectSchema = z.enum(['spilled_goods', 'obstacle', 'pollutant', 'other']);
export type SubstituteObject = z.infer<typeof SubstituteObjectSchema>;

/** The underlying decision the party has not performed within its period; fixed when the case opens. */
export const ExecutionDutySchema = z.object({
  /** The 行政决定's reference (文号). */
  decisionRef: Text(200),
  /** The duty it imposes. */
  duty: Text(4000),
  /** 金钱给付义务 or an act (排除妨碍、恢复原状、拆除 …). */
  kind: z.enum(['money', 'act']),
  /** The amount owed, required for a money duty (art 35(3)). */
  amountYuan: Yuan.optional(),
  /** The day the period to perform ended (履行期限届满之日). */
  dueOn: IsoDateSchema,
  /** The day the periods of 行政复议 and 行政诉讼 ended (art 53: the 3 months run from it). */
  remedyEndsOn: IsoDateSchema,
});
export type ExecutionDuty = z.infer<typeof ExecutionDutySchema>;

/** The draft decision (art 37 ¶2: 当事人、依据、方式和时间、救济途径). */
export const ExecutionDraftSchema = z.object({
  title: Text(200),
  route: ExecutionRouteSchema,
  means: ExecutionMeansSchema,
  party: PartySchema,
  duty: ExecutionDutySchema,
  /** art 37 ¶2(2): 强制执行的理由 (the facts: the duty unperformed after the 催告) and 依据 (the law). */
  facts: Text(20000),
  legalBasis: Text(4000),
  /** art 37 ¶2(3): 强制执行的方式. */
  manner: Text(2000),
  /** art 37 ¶2(3): 强制执行的时间 (date and start time); the court route has none (the court executes). */
  plannedOn: IsoDateSchema.optional(),
  plannedTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM')
    .optional(),
  /** art 43 ¶1: 情况紧急 allows execution at night or on a 法定节假日; the reason is kept on the record. */
  urgentReason: Text(2000).optional(),
  /** 加处罚款或者滞纳金 (art 45): never above the money owed. */
  surchargeYuan: Yuan.default(0),
  /** What a 代履行 removes (the catalog lists some as major). */
  substituteObject: SubstituteObjectSchema.optional(),
  /** art 37 ¶2(4): 申请行政复议或者提起行政诉讼的途径和期限. */
  remedies: Text(2000),
  publicInterest: z.boolean().default(false),
  complex: z.boolean().default(false),
});
export type ExecutionDraft = z.infer<typeof ExecutionDraftSchema>;

/** The draft as the context keeps it. */
export interface ExecutionDraftSummary {
  version: number;
  hash: string;
  route: ExecutionRoute;
  means: ExecutionMeans;
  plannedOn: string | null;
  plannedTime: string | null;
  urgent: boolean;
}

/** Summarises a draft for the context; the hash is over the whole canonical draft. */
export function executionDraftSummary(draft: ExecutionDraft, version: number): ExecutionDraftSummary {
  return {
    version,
    hash: sha256Canonical(draft),
    route: draft.route,
    means: draft.means,
    plannedOn: draft.plannedOn ?? null,
    plannedTime: draft.plannedTime ?? null,
    urgent: draft.urgentReason !== undefined,
  };
}
