// The shapes of the documents API's answers: the issued 法制审核意见书 and 决定书 exactly as the document reader
// returns them (content as issued, number, hash and record entry), and the list of a case's opinions with
// what followed each. One source for the OpenAPI document and for the response-schema test.
import { z } from 'zod';
import { DecisionOutcomeSchema, ReferralTargetSchema } from '../../machines/case/case.events.js';
import { EvidenceSchema, PartySchema } from '../../machines/case/draft.schema.js';
import { TransferDocumentSchema } from '../documents/transfer-document.js';
import { HandoverDocumentSchema } from '../documents/handover-document.js';

const Hashed = z.object({ version: z.number().int(), hash: z.string() });
const Who = { by: z.string(), byName: z.string(), at: z.string(), entryId: z.number().int() };
const Outcome = z.enum(['approved', 'returned', 'referred']);

/** What the record says followed an opinion: sign-off, objection (异议), coordination (协调). */
export const OpinionTrailSchema = z.object({
  signOff: z.object({ ...Who, agree: z.boolean(), comment: z.string().nullable() }).nullable(),
  objection: z.object({ ...Who, reason: z.string() }).nullable(),
  coordination: z.object({ ...Who, result: z.string(), note: z.string() }).nullable(),
});

/** One opinion as listed, and whether it took effect. */
export const OpinionItemSchema = OpinionTrailSchema.extend({
  number: z.string(),
  kind: Outcome,
  issuedAt: z.string(),
  draftHash: z.string(),
  documentHash: z.string(),
  entryId: z.number().int(),
  reviewerId: z.string(),
  reviewerName: z.string(),
  signOffRequired: z.boolean(),
  effective: z.boolean(),
}).meta({ id: 'OpinionItem' });

export const OpinionListSchema = z.object({ items: z.array(OpinionItemSchema) });

/** The 法制审核意见书 as issued (交通 art 72; 国办发〔2018〕118号 (十三)). */
export const OpinionDocumentSchema = z.object({
  kind: z.literal('legal-review/opinion'),
  version: z.literal(1),
  number: z.string(),
  issuedAt: z.string(),
  agency: z.string(),
  case: z.object({ id: z.string(), title: z.string(), party: PartySchema }),
  draft: Hashed,
  outcome: Outcome,
  outcomeLabel: z.string(),
  target: ReferralTargetSchema.nullable(),
  targetLabel: z.string().nullable(),
  items: z.array(z.object({ key: z.string(), label: z.string(), passed: z.boolean(), finding: z.string().nullable() })),
  opinion: z.string(),
  reviewer: z.object({ id: z.string(), name: z.string(), qualificationNo: z.string().nullable(), qualified: z.boolean() }),
  signOffRequired: z.boolean(),
});

/** The 决定书 as issued (行政处罚法 art 59; 交通 art 77). */
export const DecisionDocumentSchema = z.object({
  kind: z.literal('legal-review/decision'),
  version: z.literal(1),
  number: z.string(),
  title: z.string(),
  issuedAt: z.string(),
  agency: z.string(),
  case: z.object({ id: z.string(), title: z.string() }),
  party: PartySchema,
  facts: z.string(),
  evidence: z.array(EvidenceSchema),
  outcome: DecisionOutcomeSchema,
  outcomeLabel: z.string(),
  measures: z.array(
    z.object({ kind: z.string(), label: z.string(), amountYuan: z.number().nullable(), durationDays: z.number().int().nullable() }),
  ),
  legalBasis: z.array(z.string()),
  discretion: z.string().nullable(),
  compliance: z.array(z.string()),
  remedies: z.string(),
  draft: Hashed,
  review: z.object({ opinionNumber: z.string().nullable() }),
  discussion: z.object({ at: z.string(), chair: z.string().nullable() }).nullable(),
  decidedBy: z.object({ id: z.string(), name: z.string() }),
});

const issued = <T extends z.ZodType>(document: T) =>
  z.object({ number: z.string(), issuedAt: z.string(), documentHash: z.string(), entryId: z.number().int(), document });

/** One opinion with its trail, as `GET …/opinions/{number}` answers. */
export const IssuedOpinionSchema = issued(OpinionDocumentSchema).extend({ trail: OpinionItemSchema }).meta({ id: 'IssuedOpinion' });

/** The decision document, as `GET …/decision-document` answers. */
export const IssuedDecisionSchema = issued(DecisionDocumentSchema).meta({ id: 'IssuedDecision' });

/** The 涉嫌犯罪案件移送书, as `GET …/transfer-document` answers. */
export const IssuedTransferSchema = issued(TransferDocumentSchema).meta({ id: 'IssuedTransfer' });

/** The 涉案物品和材料移交清单, as `GET …/handover-document` answers. */
export const IssuedHandoverSchema = issued(HandoverDocumentSchema).meta({ id: 'IssuedHandover' });
