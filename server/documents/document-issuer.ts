// Issues the document an accepted event calls for (a review outcome: 审核意见书; a decision: 决定书): its 文号
// from the policy's pattern and the next number of its kind in the year, its content, and its SHA-256.
// Invariant: `issue` runs under the pipeline's `documentLock` until the event's write has committed or failed,
// so the last number it reads is final and the next is neither skipped nor taken twice (the unique index backs it).
import type { CaseContext } from '../../machines/case/case.context.js';
import type { CaseEvent } from '../../machines/case/case.events.js';
import type { DraftContent } from '../../machines/case/draft.schema.js';
import { procedureOf } from '../../machines/case/decision.rules.js';
import { sha256Canonical } from '../../machines/shared/canonical-hash.js';
import type { RowGroup } from '../../db/core/writer.js';
import type { DocumentKind, DocumentStore } from '../../db/documents/document-store.js';
import type { UserStore } from '../../db/users/user-store.js';
import type { AcceptedChange } from '../cases/case-stream.js';
import type { Policy } from '../policy/policy.schema.js';
import { chinaDate } from '../deadlines/deadline-rules.js';
import { opinionDocument } from './opinion-document.js';
import { decisionDocument } from './decision-document.js';
import { transferDocument } from './transfer-document.js';

/** The lock every issuing event holds from numbering to commit (one per process: the single writer's). */
export const documentLock = 'case-documents';

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

  async function content(kind: DocumentKind, number: string, change: AcceptedChange, draft: DraftContent): Promise<unknown> {
    const c = change.after.context as CaseContext;
    const event = change.event;
    const judged = { version: c.draft.version, hash: c.draft.hash, content: draft };
    if (kind === 'opinion') {
      return opinionDocument({
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
      return transferDocument({
        caseId: change.caseId,
        number,
        agency: policy.documents.agency.name,
        event: event as Extract<CaseEvent, { type: 'transfer.send' }>,
        transfer,
        draft: judged,
        officerNames: await Promise.all(transfer.officers.map(nameOf)),
        approverName: await nameOf(transfer.approval!.by),
      });
    }
    const opinions = (await store.byCase(change.caseId)).filter((d) => d.kind === 'opinion' && d.draftHash === c.draft.hash);
    const chair = c.discussion?.chairId ? await users.byId(c.discussion.chairId) : null;
    return decisionDocument({
      caseId: change.caseId,
      number,
      at: event.at,
      outcome: c.decision!.outcome,
      target: c.review?.target ?? null,
      draft: judged,
      opinionNumber: opinions.at(-1)?.number ?? null,
      discussion: c.discussion ? { at: c.discussion.at, chair: chair?.displayName ?? null } : null,
      decidedBy: { id: event.actor.id, name: change.user.displayName },
      policy,
    });
  }

  return {
    /** The document `change` issues: the reference for its record entry and the row for the same write. */
    async issue(kind: DocumentKind, change: AcceptedChange, draft: DraftContent): Promise<{ ref: DocumentRef; row: RowGroup }> {
      const year = Number(chinaDate(change.at).slice(0, 4));
      const seq = (await store.lastSeq(kind, year)) + 1;
      const number = formatNumber(policy.documents[kind].pattern, year, seq);
      const doc = await content(kind, number, change, draft);
      const hash = sha256Canonical(doc);
      const c = change.after.context as CaseContext;
      const row = store.row({
        caseId: change.caseId,
        kind,
        year,
        seq,
        number,
        issuedAt: change.at,
        draftHash: c.draft.hash,
        content: doc,
        documentHash: hash,
      });
      return { ref: { kind, number, hash }, row };
    },
  };
}
export type DocumentIssuer = ReturnType<typeof createDocumentIssuer>;
