// Policy shapes of the review-law rules: the opinion sign-off, the collective discussion's quorum and seats,
// and the documents (文号 patterns, the agency, the remedies printed on a 决定书). All [T] local values.
// Invariant: every value has its `basis`; this file holds shapes, never defaults.
import { z } from 'zod';
import { ActorSchema } from '../../machines/case/case.events.js';

const Basis = z.string().trim().min(1);
const Role = ActorSchema.shape.roles.element;

/** The 法制审核机构's head signs each opinion off before it takes effect (a local practice; off by default). */
export const ReviewPolicySchema = z.strictObject({ opinionSignOff: z.boolean(), basis: Basis });

/** Who may sit on and chair a collective discussion (集体讨论), and how many must sit. */
export const DiscussionPolicySchema = z.strictObject({
  quorum: z.number().int().min(1).max(50),
  memberRoles: z.array(Role).min(1),
  chairRoles: z.array(Role).min(1),
  basis: Basis,
});

/** A 文号 pattern: `{year}` and `{seq}` stand for the year and the per-year sequence, e.g. 宁交执法审〔{year}〕{seq}号. */
export const NumberPatternSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((p) => p.includes('{year}') && p.includes('{seq}'), { message: 'a pattern names {year} and {seq}' });

/** The documents the engine issues: the 审核意见书 and the 决定书, with what they print. */
const HANDOVER_NUMBER_BASIS =
  '[T] 《行政执法机关移送涉嫌犯罪案件的规定》 art 12 (移交 with the 交接手续); 文号 form of 《党政机关公文处理工作条例》 art 9; agency code to confirm';

export const DocumentsPolicySchema = z.strictObject({
  agency: z.strictObject({ name: z.string().trim().min(1).max(200), basis: Basis }),
  opinion: z.strictObject({ pattern: NumberPatternSchema, basis: Basis }),
  decision: z.strictObject({ pattern: NumberPatternSchema, basis: Basis }),
  remedies: z.strictObject({
    reconsiderationBody: z.string().trim().min(1).max(200),
    reconsiderationDays: z.number().int().positive(),
    court: z.string().trim().min(1).max(200),
    litigationMonths: z.number().int().positive(),
    basis: Basis,
  }),
  /** The 移送书 (移送规定 arts 6, 8): the police body it goes to by default, and its 文号 pattern. */
  transfer: z.strictObject({ recipient: z.string().trim().min(1).max(200), pattern: NumberPatternSchema, basis: Basis }),
  /** The 移交清单 after a 立案 (移送规定 art 12). Defaulted so a policy written before case version 8 still loads. */
  handover: z
    .strictObject({ pattern: NumberPatternSchema, basis: Basis })
    .default({ pattern: '宁交执法移交〔{year}〕{seq}号', basis: HANDOVER_NUMBER_BASIS }),
});
export type DocumentsPolicy = z.infer<typeof DocumentsPolicySchema>;
