// The commands of a criminal transfer (行刑衔接, 《行政执法机关移送涉嫌犯罪案件的规定》 arts 5–12) and of a
// clue transfer to 纪检监察 (art 19), merged into the case command union by case.events.ts. Self-contained so
// the transfer can be switched on as one feature of a machine version.
import { z } from 'zod';
import { IsoDateSchema } from './legal-dates.js';

const Text = (max: number) => z.string().trim().min(1).max(max);

/** The police's answer to a transfer (公安机关 立案 or 不予立案, arts 8–9). */
export const PoliceAnswerSchema = z.enum(['filed', 'not_filed']);
export type PoliceAnswer = z.infer<typeof PoliceAnswerSchema>;

/** What the procuratorate's 立案监督 (art 9 ¶2) has come to so far. */
export const SupervisionResultSchema = z.enum(['requested', 'filing_ordered', 'not_filing_upheld']);

/** Client-sent commands of the transfer (merged into `CaseCommandSchema`). */
export const transferCommands = {
  // art 5: a 专案组 (at least two certified officers; transfer.rules.ts) writes the 调查报告 proposing the transfer.
  report: z.object({
    type: z.literal('transfer.report'),
    officers: z.array(Text(100)).min(1).max(20),
    report: Text(20000),
  }),
  // art 5: the 正职负责人 (or the head presiding) approves within 3 days, or refuses with reasons.
  approve: z.object({ type: z.literal('transfer.approve'), note: Text(4000).optional() }),
  refuse: z.object({ type: z.literal('transfer.refuse'), reasons: Text(4000) }),
  // art 6: within 24 hours of approval, the 移送书 with the materials and the list of seized items.
  send: z.object({
    type: z.literal('transfer.send'),
    recipient: Text(200),
    materials: z.array(Text(500)).min(1).max(200),
    /** 涉案物品清单; empty when nothing was seized. */
    seizedItems: z.array(z.object({ name: Text(200), quantity: Text(100) })).max(500),
    /** 检验报告或者鉴定结论 (art 6(4)), where there are any. */
    expertReports: z.array(Text(500)).max(100).optional(),
  }),
  // arts 8–9: the police's 立案 or 不予立案, dated as the agency received the notice of it.
  answer: z.object({
    type: z.literal('transfer.answer'),
    result: PoliceAnswerSchema,
    receivedOn: IsoDateSchema,
    reasons: Text(4000).optional(),
  }),
  // art 12: within 3 days of receiving the 立案通知书, the seized items and the case's other materials are handed
  // over to the police with the formalities of a handover (交接手续).
  handover: z.object({
    type: z.literal('transfer.handover'),
    handedOverOn: IsoDateSchema,
    /** Who at the police signed for the handover (the 交接 receipt). */
    receivedBy: Text(200),
    materials: z.array(Text(500)).min(1).max(200),
    /** 涉案物品 handed over; empty when nothing was seized. */
    seizedItems: z.array(z.object({ name: Text(200), quantity: Text(100) })).max(500),
  }),
  // art 9: the agency may ask for 复议 within 3 days of receiving a 不予立案.
  reconsider: z.object({ type: z.literal('transfer.reconsider'), request: Text(4000) }),
  // art 9 ¶2, art 14: the procuratorate's 立案监督, as asked for and as it stands.
  supervise: z.object({ type: z.literal('transfer.supervise'), result: SupervisionResultSchema, note: Text(4000) }),
  // art 12 (by analogy) and 行政处罚法 art 27: the 不予立案 is final; the administrative case continues.
  resume: z.object({ type: z.literal('transfer.resume'), reason: Text(4000) }),
  // art 19: clues of officials' misconduct go to 纪检监察, at any stage.
  clue: z.object({ type: z.literal('clue.transfer'), recipient: Text(200), summary: Text(20000) }),
};

/** Every transfer event type, in pipeline order (appended to the case's event types). */
export const transferEventTypes = [
  'transfer.report',
  'transfer.approve',
  'transfer.refuse',
  'transfer.send',
  'transfer.answer',
  'transfer.handover',
  'transfer.reconsider',
  'transfer.supervise',
  'transfer.resume',
  'clue.transfer',
] as const;

/** One officer of the 专案组 as the server found them: whether they hold a handler's valid 执法证. */
export const TeamMemberSchema = z.object({ id: z.string(), certified: z.boolean() });
export type TeamMember = z.infer<typeof TeamMemberSchema>;

/** What the server stamps on `transfer.report`: each named officer as found in the users table. */
export interface TransferStamps {
  'transfer.report': { team: TeamMember[] };
}
