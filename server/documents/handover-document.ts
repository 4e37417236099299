// The 涉案物品和材料移交清单 as issued when the seized items and materials are handed over to the police after
// their 立案 (移送规定 art 12, 交接手续): the agency, the police body and who signed for it, the case, the 立案
// notice's receipt, the materials and the items. Invariant: plain JSON with every printed word, so its SHA-256
// binds the text.
import { z } from 'zod';
import type { CaseEvent } from '../../machines/case/case.events.js';
import type { TransferRecord } from '../../machines/case/transfer.rules.js';
import type { DraftContent } from '../../machines/case/draft.schema.js';
import { policeLetterFields } from './transfer-document.js';

/** The 移交清单 as stored and answered. */
export const HandoverDocumentSchema = z.object({
  ...policeLetterFields,
  kind: z.literal('legal-review/handover'),
  receivedBy: z.string(),
  handedOverOn: z.string(),
  filedNoticeReceivedOn: z.string().nullable(),
  handedOverBy: z.object({ id: z.string(), name: z.string() }),
});
export type HandoverDocument = z.infer<typeof HandoverDocumentSchema>;

/** What the 移交清单 needs: the handover event, the transfer as filed, the draft and the handler's name. */
export interface HandoverInput {
  caseId: string;
  number: string;
  agency: string;
  event: Extract<CaseEvent, { type: 'transfer.handover' }>;
  transfer: TransferRecord;
  draft: { version: number; hash: string; content: DraftContent };
  handlerName: string;
}

/** The 移交清单 content (pure). */
export function handoverDocument(input: HandoverInput): HandoverDocument {
  const { event, transfer, draft } = input;
  const content = draft.content;
  return {
    kind: 'legal-review/handover',
    version: 1,
    number: input.number,
    title: '涉案物品和材料移交清单',
    issuedAt: event.at,
    agency: input.agency,
    recipient: transfer.sent?.recipient ?? '',
    receivedBy: event.receivedBy,
    handedOverOn: event.handedOverOn,
    filedNoticeReceivedOn: transfer.answers.at(-1)?.receivedOn ?? null,
    case: { id: input.caseId, title: content.title },
    party: { name: content.party.name, kind: content.party.kind },
    handedOverBy: { id: event.actor.id, name: input.handlerName },
    materials: event.materials,
    seizedItems: event.seizedItems,
    statement: [
      `${transfer.sent?.recipient ?? '公安机关'}已对本机关移送的${content.party.name}${content.title}一案决定立案。依照《行政执法机关移送涉嫌犯罪案件的规定》第十二条的规定，本机关将涉案物品以及与案件有关的其他材料移交你局，并办结交接手续。`,
    ],
    draft: { version: draft.version, hash: draft.hash },
  };
}
