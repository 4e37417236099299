// Issues the document an accepted event calls for (a review outcome: 审核意见书; a decision: 决定书; a transfer:
// 移送书; a handover: 移交清单): its 文号
// from the policy's pattern and the next number of its kind in the year, its content, and its SHA-256.
// Invariant: the number is drawn by the writer when the event's write is planned into its batch, in commit order,
// so it is neither skipped nor taken twice (the unique index backs it) and no lock is held across a commit.
import type { CaseContext } from '../../machines/case/case.context.js';
import type { CaseEvent } from '../../machines/case/case.events.js';
import type { DraftContent } from '../../machines/case/draft.schema.js';
import { procedureOf } from '../../machines/case/decision.rules.js';
import { sha256Canonical } from '../../machines/shared/canonical-hash.js';
import type { Numbering, RowGroup } from '../../db/core/writer.js';
import type { RecordEntry } from '../../db/core/record-hash.js';
import type { DocumentKind, DocumentStore } from '../../db/documents/document-store.js';
import type { UserStore } from '../../db/users/user-store.js';
import type { AcceptedChange } from '../cases/case-stream.js';
import type { Policy } from '../policy/policy.schema.js';
import { chinaDate } from '../deadlines/deadline-rules.js';
import { opinionDocument } from './opinion-document.js';
import { decisionDocument } from './decision-document.js';
import { transferDocument } from './transfer-document.js';
import { handoverDocument } from './handover-document.js';

/** What the record entry of the issuing event carries: which document, its number and its SHA-256. */
export interface DocumentRef {
  kind: DocumentKind;
  number: string;
  hash: string;
}

/** The number `pattern` gives for `year` and `seq`, e.g. 宁交执法审〔2026〕12号. */
export const formatNumber = (pattern: string, year: number, seq: number): string =>
  pattern.replaceAll('{year}', String(year)).replaceAll('{seq}', String(seq));

/** The kind of document an event issues, if any. */
export function documentKindOf(event: { type: string }): DocumentKind | null {
  if (event.type === 'review.approve' || event.type === 'review.return' || event.type === 'review.refer') return 'opinion';
  if (event.type === 'transfer.send') return 'transfer';
  if (event.type === 'transfer.handover') return 'handover';
  return event.type === 'decision.issue' ? 'decision' : null;
}

export interface IssuerDeps {
  store: DocumentStore;
  users: UserStore;
  policy: Policy;
}

/** Builds the issuer. */
export function createDocumentIssuer(deps: IssuerDeps) {
  const { store, users, policy } = deps;

  /** Reads what the document needs; answers how to write it once its number is known (synchronously). */
  async function content(kind: DocumentKind, change: AcceptedChange, draft: DraftContent): Promise<(number: string) => unknown> {
    const c = change.after.context as CaseContext;
    const event = change.event;
    const judged = { version: c.draft.version, hash: c.draft.hash, content: draft };
    if (kind === 'opinion') {
      return (number) =>
        opinionDocument({
          event: event as Extract<CaseEvent, { type: 'review.approve' }>,
          number,
          agency: policy.documents.agency.name,
          caseId: change.caseId,
          draft: judged,
          reviewer: { name: change.user.displayName, qualificationNo: change.user.qualificationNo },
          signOffRequired: procedureOf(c).opinionSignOff,
        });
    }
    if (kind === 'transfer') {
      const transfer = c.transfer!;
      const nameOf = async (id: string) => (await users.byId(id))?.displayName ?? id;
      const officerNames = await Promise.all(transfer.officers.map(nameOf));
      const approverName = await nameOf(transfer.approval!.by);
      return (number) =>
        transferDocument({
          caseId: change.caseId,
          number,
          agency: policy.documents.agency.name,
          event: event as Extract<CaseEvent, { type: 'transfer.send' }>,
          transfer,
          draft: judged,
          officerNames,
          approverName,
        });
    }
    if (kind === 'handover') {
      const handlerName = (await users.byId(event.actor.id))?.displayName ?? event.actor.id;
      return (number) =>
        handoverDocument({
          caseId: change.caseId,
          number,
          agency: policy.documents.agency.name,
          event: event as Extract<CaseEvent, { type: 'transfer.handover' }>,
          transfer: c.transfer!,
          draft: judged,
          handlerName,
        });
    }
    const opinionNumber = await store.opinionNumber(change.caseId, c.draft.hash);
    const chair = c.discussion?.chairId ? await users.byId(c.discussion.chairId) : null;
    return (number) =>
      decisionDocument({
        caseId: change.caseId,
        number,
        at: event.at,
        outcome: c.decision!.outcome,
        target: c.review?.target ?? null,
        draft: judged,
        opinionNumber,
        discussion: c.discussion ? { at: c.discussion.at, chair: chair?.displayName ?? null } : null,
        decidedBy: { id: event.actor.id, name: change.user.displayName },
        policy,
      });
  }

  return {
    /**
     * The document `change` issues, as the numbering of its write: once the writer draws its number, the
     * record entry carries the document's number and SHA-256 and its row joins the same transaction.
     */
    async issue(kind: DocumentKind, change: AcceptedChange, draft: DraftContent, entry: RecordEntry): Promise<Numbering> {
      const year = Number(chinaDate(change.at).slice(0, 4));
      const write = await content(kind, change, draft);
      const draftHash = (change.after.context as CaseContext).draft.hash;
      return {
        ...store.sequence(kind, year),
        complete(seq) {
          const number = formatNumber(policy.documents[kind].pattern, year, seq);
          const doc = write(number);
          const hash = sha256Canonical(doc);
          const ref: DocumentRef = { kind, number, hash };
          const row: RowGroup = store.row({
            caseId: change.caseId,
            kind,
            year,
            seq,
            number,
            issuedAt: change.at,
            draftHash,
            content: doc,
            documentHash: hash,
          });
          return { entries: [{ ...entry, payload: { ...(entry.payload as object), document: ref } }], rows: [row] };
        },
      };
    },
  };
}
export type DocumentIssuer = ReturnType<typeof createDocumentIssuer>;
