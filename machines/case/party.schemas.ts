// The content of the party's rights and of the duties after a decision, as zod schemas shared by the API
// and the machine: how a document was served (送达, 交通 art 18), a hearing's schedule, a 回避 application,
// the filing (备案) and the published content (公示). Every date here is a legal date (legal-dates.ts).
import { z } from 'zod';
import { IsoDateSchema } from './legal-dates.js';

const Text = (max: number) => z.string().trim().min(1).max(max);

/**
 * Service methods of 交通 art 18: 直接送达, 留置送达, 邮寄送达, 公告送达, 电子送达 (with the party's consent,
 * 行政处罚法 art 61 ¶2).
 */
export const ServiceMethodSchema = z.enum(['direct', 'left', 'post', 'public_notice', 'electronic']);
export type ServiceMethod = z.infer<typeof ServiceMethodSchema>;

/**
 * How a document was served: `date` is the receipt date signed on the 送达回证, or the date service is deemed
 * complete for post and public notice; `recipient` is who signed or received it.
 */
export const ServiceSchema = z.object({
  method: ServiceMethodSchema,
  date: IsoDateSchema,
  recipient: Text(200),
  /** The 送达回证 (or postal receipt, 公告) reference. */
  receiptRef: Text(100).optional(),
});
export type Service = z.infer<typeof ServiceSchema>;

/** Service of the 决定书: the receipt reference is required (交通 art 18, 送达回证). */
export const DecisionServiceSchema = ServiceSchema.extend({ receiptRef: Text(100) });

/** The 听证 request period as the server counted it from the receipt date on its calendar. */
export interface HearingWindow {
  /** The last day on which the party may still ask for a hearing. */
  endsOn: string;
  /** The count reached a year without a published State Council schedule. */
  provisional: boolean;
}

/** The published content (公示, seed §9(1)): 执法机关, 执法对象, 执法类别, 执法结论, with the decision's 文号 and date. */
export const PublicationContentSchema = z.object({
  agency: z.string(),
  party: z.string(),
  category: z.string(),
  conclusion: z.string(),
  facts: z.string(),
  legalBasis: z.array(z.string()),
  documentNo: z.string().nullable(),
  decidedOn: z.string(),
  /** The redaction rules that changed the text (names only), so the record shows what policy applied. */
  redactedBy: z.array(z.string()),
});
export type PublicationContent = z.infer<typeof PublicationContentSchema>;

/** Client-sent members of the case command union for the party's rights and the duties (merged in case.events.ts). */
export const partyCommands = {
  noticeReceipt: z.object({ type: z.literal('notice.receipt'), receivedOn: IsoDateSchema, note: Text(2000).optional() }),
  hearingSchedule: z.object({
    type: z.literal('hearing.schedule'),
    date: IsoDateSchema,
    place: Text(300),
    hostId: Text(100),
    recorderId: Text(100),
    /** When the 听证通知书 was served on the party. */
    noticeServedOn: IsoDateSchema,
  }),
  hearingAdjourn: z.object({ type: z.literal('hearing.adjourn'), reason: Text(2000) }),
  recusalApply: z.object({ type: z.literal('recusal.apply'), againstId: Text(100), reason: Text(2000), appliedOn: IsoDateSchema }),
  recusalDecide: z.object({
    type: z.literal('recusal.decide'),
    applicationNo: z.number().int().min(1).max(1000),
    granted: z.boolean(),
    reason: Text(2000),
  }),
  handlerAssign: z.object({ type: z.literal('handler.assign'), handlerId: Text(100) }),
};
