// The 涉嫌犯罪案件移送书 as issued when an approved transfer is sent (移送规定 arts 6, 8): the agency, the
// police body it goes to, the case and party, the team's report date, the approval, the materials list and the
// list of seized items. Invariant: plain JSON with every printed word, so its SHA-256 binds the text.
import { z } from 'zod';
import type { CaseEvent } from '../../machines/case/case.events.js';
import type { TransferRecord } from '../../machines/case/transfer.rules.js';
import type { DraftContent } from '../../machines/case/draft.schema.js';

/** What every letter to the police holds (移送书, 移交清单): its number, the addressee, the case and party, the draft. */
export const policeLetterFields = {
  version: z.literal(1),
  number: z.string(),
  title: z.string(),
  issuedAt: z.string(),
  agency: z.string(),
  recipient: z.string(),
  case: z.object({ id: z.string(), title: z.string() }),
  party: z.object({ name: z.string(), kind: z.enum(['person', 'organization']) }),
  materials: z.array(z.string()),
  seizedItems: z.array(z.object({ name: z.string(), quantity: z.string() })),
  statement: z.array(z.string()),
  draft: z.object({ version: z.number().int(), hash: z.string() }),
};

/** The 移送书 as stored and answered (one schema for the content, the API and its OpenAPI component). */
export const TransferDocumentSchema = z.object({
  ...policeLetterFields,
  kind: z.literal('legal-review/transfer'),
  facts: z.string(),
  legalBasis: z.array(z.string()),
  team: z.object({ officers: z.array(z.string()), reportedAt: z.string() }),
  approval: z.object({ by: z.string(), byName: z.string(), at: z.string() }),
  expertReports: z.array(z.string()),
});
export type TransferDocument = z.infer<typeof TransferDocumentSchema>;

/** What the 移送书 needs: the send event, the transfer as approved, the draft and the people's names. */
export interface TransferInput {
  caseId: string;
  number: string;
  agency: string;
  event: Extract<CaseEvent, { type: 'transfer.send' }>;
  transfer: TransferRecord;
  draft: { version: number; hash: string; content: DraftContent };
  officerNames: string[];
  approverName: string;
}

/** The 移送书 content (pure). */
export function transferDocument(input: TransferInput): TransferDocument {
  const { event, transfer, draft } = input;
  const content = draft.content;
  return {
    kind: 'legal-review/transfer',
    version: 1,
    number: input.number,
    title: '涉嫌犯罪案件移送书',
    issuedAt: event.at,
    agency: input.agency,
    recipient: event.recipient,
    case: { id: input.caseId, title: content.title },
    party: { name: content.party.name, kind: content.party.kind },
    facts: content.facts,
    legalBasis: content.legalBasis,
    team: { officers: input.officerNames, reportedAt: transfer.reportedAt },
    approval: { by: transfer.approval!.by, byName: input.approverName, at: transfer.approval!.at },
    materials: event.materials,
    seizedItems: event.seizedItems,
    expertReports: event.expertReports ?? [],
    statement: [
      `本机关在依法查处${content.party.name}${content.title}过程中，发现其行为涉嫌构成犯罪，依照《行政执法机关移送涉嫌犯罪案件的规定》第三条、第六条、第八条的规定，现将该案移送你局，请依法审查并将是否立案的决定书面告知本机关。`,
      '本机关不以行政处罚代替移送（《中华人民共和国行政处罚法》第二十七条、第八十二条）；涉案物品随附清单，妥善保管，不得截留、私分或者擅自处理（《行政执法机关移送涉嫌犯罪案件的规定》第十六条）。',
    ],
    draft: { version: draft.version, hash: draft.hash },
  };
}
