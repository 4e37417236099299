// Events of an accountability inquiry (责任追究), as one zod union shared by the API and the machine.
// An inquiry opens when a decision is overturned; people claim exemptions; a supervisor determines.
import { z } from 'zod';
import type { ActorSchema } from '../case/case.events.js';

const Text = (max: number) => z.string().trim().min(1).max(max);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const Code = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'a configured code');

/** Where the decision was overturned: 行政复议 or 行政诉讼. */
export const OutcomeForumSchema = z.enum(['reconsideration', 'litigation']);
/** What the body did to the decision: 变更, 撤销, 确认违法, 确认无效 (行政处罚法 art 48 ¶2). */
export const OutcomeResultSchema = z.enum(['changed', 'revoked', 'confirmed_illegal', 'confirmed_void']);
/** The ground the body gave, in the terms of the review items (DOMAIN §1.2). */
export const OverturnCauseSchema = z.enum([
  'facts_evidence',
  'law_application',
  'discretion',
  'procedure',
  'authority',
  'documents',
  'other',
]);
export type OverturnCause = z.infer<typeof OverturnCauseSchema>;

/** `POST /cases/:id/outcomes`: the adverse outcome of 行政复议 or 行政诉讼, with the body's document. */
export const OutcomeRecordSchema = z.strictObject({
  forum: OutcomeForumSchema,
  result: OutcomeResultSchema,
  causes: z.array(OverturnCauseSchema).min(1).max(7),
  /** The 复议机关 or court, e.g. 西宁市人民政府. */
  body: Text(200),
  /** The document reference, e.g. 宁政复决字〔2026〕12号. */
  documentRef: Text(200),
  decidedOn: IsoDate,
  summary: Text(4000).optional(),
});
export type OutcomeRecord = z.infer<typeof OutcomeRecordSchema>;

/** Fault levels (DOMAIN §2.2): 直接责任, 主要责任, 重要责任, 次要责任, none. */
export const FaultLevelSchema = z.enum(['direct', 'main', 'important', 'secondary', 'none']);
export type FaultLevel = z.infer<typeof FaultLevelSchema>;

/** One person's share in the determination; an exemption (尽职免责) needs configured grounds. */
export const AllocationSchema = z
  .strictObject({
    personId: Text(100),
    level: FaultLevelSchema,
    exempted: z.boolean(),
    grounds: z.array(Code).max(20).optional(),
    reasons: Text(4000),
  })
  .refine((a) => !a.exempted || (a.grounds?.length ?? 0) > 0, { message: 'an exemption needs at least one ground', path: ['grounds'] });
export type Allocation = z.infer<typeof AllocationSchema>;

/** Commands a client may post to `/inquiries/:id/events`. */
export const InquiryCommandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('exemption.claim'), grounds: z.array(Code).min(1).max(20), statement: Text(8000) }),
  z.strictObject({ type: z.literal('withdrawal.record'), withdrawnOn: IsoDate, note: Text(2000) }),
  z.strictObject({ type: z.literal('inquiry.determine'), allocations: z.array(AllocationSchema).min(1).max(50), conclusion: Text(8000) }),
]);
export type InquiryCommand = z.infer<typeof InquiryCommandSchema>;

type Actor = z.infer<typeof ActorSchema>;
/** Every event the inquiry machine accepts after opening: a command stamped with actor and time. */
export type InquiryEvent = InquiryCommand & { actor: Actor; at: string };
export type InquiryEventType = InquiryEvent['type'];

/** Command types in the order the API lists them. */
export const inquiryEventTypes: readonly InquiryEventType[] = ['exemption.claim', 'withdrawal.record', 'inquiry.determine'];
