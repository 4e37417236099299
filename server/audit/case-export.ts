// The case-file export for 案卷评查: everything an auditor needs about one case in one JSON document —
// timeline, drafts, reviews, discussion, decision, responsibility chain, inquiries and the check of its entries.
import type { CaseContext } from '../../machines/case/case.context.js';
import type { InquiryContext } from '../../machines/inquiry/inquiry.context.js';
import type { Services } from '../services.js';
import { currentCredentials } from '../../db/audit/audit-credentials.js';
import { verifyStream, type StreamVerification } from '../../db/audit/audit-verify-case.js';
import { inquiryStream } from '../../db/audit/inquiry-store.js';
import { loadChain } from './chain-loader.js';
import { buildTimeline, type TimelineItem } from './timeline.js';
import type { ResponsibilityChain } from './responsibility.js';
import type { IssuedDocument, OpinionItem } from '../documents/document-reader.js';
import type { OpinionDocument } from '../documents/opinion-document.js';
import type { DecisionDocument } from '../documents/decision-document.js';
import type { TransferDocument } from '../documents/transfer-document.js';
import type { HandoverDocument } from '../documents/handover-document.js';
import { evidenceManifest, type ManifestItem } from '../evidence/evidence-manifest.js';

export interface CaseExport {
  kind: 'legal-review/case-file';
  version: 1;
  exportedAt: string;
  exportedBy: string;
  case: {
    id: string;
    title: string;
    state: string;
    isMajor: boolean;
    majorReasons: string[];
    handlerId: string;
    reviewerId: string | null;
    openedAt: string;
    endedAt: string | null;
    duties: CaseContext['duties'];
  };
  timeline: TimelineItem[];
  drafts: { version: number; hash: string; authorId: string; authorName: string; at: string; content: unknown }[];
  reviews: {
    entryId: number;
    draftHash: string;
    reviewerId: string;
    reviewerName: string;
    outcome: string;
    opinion: string;
    items: unknown;
    at: string;
  }[];
  decision: (NonNullable<ResponsibilityChain['decision']> & { headName: string }) | null;
  responsibility: ResponsibilityChain;
  inquiries: {
    id: string;
    state: string;
    outcome: InquiryContext['outcome'];
    determination: InquiryContext['determination'];
    verification: StreamVerification;
  }[];
  verification: StreamVerification;
  /** The issued 审核意见书 (with what followed each), the 决定书, the 移送书 and the 移交清单, as issued. */
  documents: {
    opinions: (IssuedDocument<OpinionDocument> & { trail: OpinionItem })[];
    decision: IssuedDocument<DecisionDocument> | null;
    transfers: IssuedDocument<TransferDocument>[];
    handovers: IssuedDocument<HandoverDocument>[];
  };
  /** Every evidence file of the case with its SHA-256 and where the record cites it (证据清单). */
  evidence: ManifestItem[];
}

/** Gathers the export of `caseId`, or null when there is no such case. */
export async function loadCaseExport(services: Services, caseId: string, exportedBy: string): Promise<CaseExport | null> {
  const row = await services.store.get(caseId);
  const chain = await loadChain({ store: services.store, client: services.database.client }, caseId);
  if (!row || !chain) return null;
  const client = services.database.client;
  const credentials = await currentCredentials(client);
  const names = new Map([...credentials].map(([id, c]) => [id, c.displayName]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const [entries, drafts, reviews, verification, documents, files] = await Promise.all([
    services.store.events(caseId, true),
    services.store.drafts(caseId),
    services.store.reviews(caseId),
    verifyStream(client, caseId),
    services.documentReader.ofCase(caseId),
    services.evidence.list(caseId),
  ]);
  const inquiryRows = await services.inquiryStore.list({ caseId });
  const inquiries = await Promise.all(
    inquiryRows.map(async (r) => {
      const c = r.snapshot.context as unknown as InquiryContext;
      return {
        id: r.id,
        state: r.status,
        outcome: c.outcome,
        determination: c.determination,
        verification: await verifyStream(client, inquiryStream(r.id)),
      };
    }),
  );
  const context = row.snapshot.context as unknown as CaseContext;
  return {
    kind: 'legal-review/case-file',
    version: 1,
    exportedAt: services.now().toISOString(),
    exportedBy,
    case: {
      id: row.id,
      title: row.title,
      state: row.status,
      isMajor: context.major.isMajor,
      majorReasons: context.major.reasons,
      handlerId: row.handlerId,
      reviewerId: row.reviewerId,
      openedAt: context.openedAt,
      endedAt: context.endedAt,
      duties: context.duties,
    },
    timeline: buildTimeline(entries, names),
    drafts: drafts.map((d) => ({ ...d, authorName: nameOf(d.authorId) })),
    reviews: reviews.map(({ eventId, ...r }) => ({ entryId: eventId, ...r, reviewerName: nameOf(r.reviewerId) })),
    decision: chain.decision ? { ...chain.decision, headName: nameOf(chain.decision.by) } : null,
    responsibility: chain,
    inquiries,
    verification,
    documents,
    evidence: evidenceManifest(files, drafts, entries, nameOf),
  };
}
