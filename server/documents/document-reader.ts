// Reads a case's issued documents for one user: the list of opinions with what followed each on the record
// (sign-off, objection, coordination), one opinion, the decision document, the 移送书 and the 移交清单. Order: 404 case, 403 reader
// (`canReadDocuments` of the access module), 404 document.
import type { CaseStore } from '../../db/cases/case-store.js';
import type { DocumentKind, DocumentStore, StoredDocument } from '../../db/documents/document-store.js';
import type { User, UserStore } from '../../db/users/user-store.js';
import { fail, ok, type Result } from '../shared/result.js';
import { canReadDocuments } from '../access/access-rules.js';
import { lookupCase } from '../access/case-lookup.js';
import type { OpinionDocument } from './opinion-document.js';
import type { DecisionDocument } from './decision-document.js';
import type { TransferDocument } from './transfer-document.js';
import type { HandoverDocument } from './handover-document.js';

/** What the record says happened to an opinion after it was issued. */
export interface OpinionTrail {
  signOff: { by: string; byName: string; at: string; agree: boolean; comment: string | null; entryId: number } | null;
  objection: { by: string; byName: string; at: string; reason: string; entryId: number } | null;
  coordination: { by: string; byName: string; at: string; result: string; note: string; entryId: number } | null;
}

/** One opinion as listed: its number and hashes, and whether it took effect. */
export interface OpinionItem extends OpinionTrail {
  number: string;
  kind: 'approved' | 'returned' | 'referred';
  issuedAt: string;
  draftHash: string;
  documentHash: string;
  entryId: number;
  reviewerId: string;
  reviewerName: string;
  signOffRequired: boolean;
  /** In effect: no sign-off needed, or signed off. */
  effective: boolean;
}

/** A document with its number and hash, for the API and the pages. */
export interface IssuedDocument<T> {
  number: string;
  issuedAt: string;
  documentHash: string;
  entryId: number;
  document: T;
}

const missing = (what: string) => ({ kind: 'not_found' as const, code: 'document_not_found', detail: `No ${what} on this case.` });

export interface ReaderDeps {
  store: CaseStore;
  documents: DocumentStore;
  users: UserStore;
}

/** Builds the reader. */
export function createDocumentReader(deps: ReaderDeps) {
  /** The case if `user` may read its documents of `kind` (404 for a missing or hidden case, else 403). */
  async function caseFor(user: User, caseId: string, kind: DocumentKind): Promise<Result<unknown>> {
    return lookupCase(deps.store, user, caseId, (u, row) => canReadDocuments(u, row, kind));
  }

  /** The latest document of `kind` of the case, for a reader of that kind. */
  async function latest<T>(user: User, caseId: string, kind: DocumentKind, what: string): Promise<Result<IssuedDocument<T>>> {
    const allowed = await caseFor(user, caseId, kind);
    if (!allowed.ok) return allowed;
    const doc = (await deps.documents.byCase(caseId)).filter((d) => d.kind === kind).at(-1);
    return doc ? ok(issued<T>(doc)) : fail(missing(what));
  }

  /** Every opinion of the case, with the sign-off, objection and coordination recorded after each. */
  async function trails(caseId: string, opinions: StoredDocument[]): Promise<OpinionItem[]> {
    const [entries, users] = await Promise.all([deps.store.events(caseId, false), deps.users.list()]);
    const name = (id: string) => users.find((u) => u.id === id)?.displayName ?? id;
    const items: OpinionItem[] = [];
    for (const e of entries) {
      const p = e.payload as { agree?: unknown; comment?: string; reason?: unknown; result?: unknown; note?: unknown };
      const doc = opinions.find((d) => d.eventId === e.id);
      const last = items.at(-1);
      const who = { by: e.actorId, byName: name(e.actorId), at: e.at, entryId: e.id };
      if (doc) {
        const content = doc.content as OpinionDocument;
        items.push({
          number: doc.number,
          kind: content.outcome,
          issuedAt: doc.issuedAt,
          draftHash: doc.draftHash,
          documentHash: doc.documentHash,
          entryId: e.id,
          reviewerId: content.reviewer.id,
          reviewerName: content.reviewer.name,
          signOffRequired: content.signOffRequired,
          effective: !content.signOffRequired,
          signOff: null,
          objection: null,
          coordination: null,
        });
      } else if (last && e.type === 'review.signOff') {
        last.signOff = { ...who, agree: p.agree === true, comment: p.comment ?? null };
        last.effective = p.agree === true;
      } else if (last && e.type === 'review.object') last.objection = { ...who, reason: String(p.reason) };
      else if (last && e.type === 'review.coordinate') last.coordination = { ...who, result: String(p.result), note: String(p.note) };
    }
    return items;
  }

  const issued = <T>(d: StoredDocument): IssuedDocument<T> => ({
    number: d.number,
    issuedAt: d.issuedAt,
    documentHash: d.documentHash,
    entryId: d.eventId,
    document: d.content as T,
  });

  return {
    /** Every document of a case without asking who reads (the case-file export has its own readers). */
    async ofCase(caseId: string) {
      const docs = await deps.documents.byCase(caseId);
      const opinions = docs.filter((d) => d.kind === 'opinion');
      const items = await trails(caseId, opinions);
      const decision = docs.find((d) => d.kind === 'decision');
      return {
        opinions: opinions.map((d, i) => ({ ...issued<OpinionDocument>(d), trail: items[i]! })),
        decision: decision ? issued<DecisionDocument>(decision) : null,
        // Every 移送书, oldest first: a case back from a final 不予立案 may be transferred again.
        transfers: docs.filter((d) => d.kind === 'transfer').map((d) => issued<TransferDocument>(d)),
        // The 移交清单 after a 立案 (移送规定 art 12), printed in the case file and shipped in its ZIP.
        handovers: docs.filter((d) => d.kind === 'handover').map((d) => issued<HandoverDocument>(d)),
      };
    },

    /** GET /cases/:id/opinions */
    async opinions(user: User, caseId: string): Promise<Result<OpinionItem[]>> {
      const allowed = await caseFor(user, caseId, 'opinion');
      if (!allowed.ok) return allowed;
      const docs = (await deps.documents.byCase(caseId)).filter((d) => d.kind === 'opinion');
      return ok(await trails(caseId, docs));
    },

    /** GET /cases/:id/opinions/:number: the opinion as issued, with its trail. */
    async opinion(user: User, caseId: string, number: string): Promise<Result<IssuedDocument<OpinionDocument> & { trail: OpinionItem }>> {
      const allowed = await caseFor(user, caseId, 'opinion');
      if (!allowed.ok) return allowed;
      const docs = (await deps.documents.byCase(caseId)).filter((d) => d.kind === 'opinion');
      const doc = docs.find((d) => d.number === number);
      if (!doc) return fail(missing(`opinion ${number}`));
      const trail = (await trails(caseId, docs)).find((i) => i.number === number)!;
      return ok({ ...issued<OpinionDocument>(doc), trail });
    },

    /** GET /cases/:id/decision-document */
    async decision(user: User, caseId: string): Promise<Result<IssuedDocument<DecisionDocument>>> {
      const allowed = await caseFor(user, caseId, 'decision');
      if (!allowed.ok) return allowed;
      const doc = (await deps.documents.byCase(caseId)).find((d) => d.kind === 'decision');
      return doc ? ok(issued<DecisionDocument>(doc)) : fail(missing('decision document'));
    },

    /** GET /cases/:id/transfer-document: the latest 移送书 (a case refused and proposed again may send a second). */
    transfer: (user: User, caseId: string) => latest<TransferDocument>(user, caseId, 'transfer', 'transfer document'),

    /** GET /cases/:id/handover-document: the 移交清单 of the handover after a 立案 (移送规定 art 12). */
    handover: (user: User, caseId: string) => latest<HandoverDocument>(user, caseId, 'handover', 'handover list'),
  };
}
export type DocumentReader = ReturnType<typeof createDocumentReader>;
