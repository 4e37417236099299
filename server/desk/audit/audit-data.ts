// What the auditor's home lists: cases (decided and closed first, optionally filtered by a title or id
// fragment) within the reader's reach (filtered in the query), and open accountability inquiries.
import type { Services } from '../../services.js';
import type { CaseRow } from '../../../db/cases/case-store.js';
import type { User } from '../../../db/users/user-store.js';
import { reachOf } from '../../access/case-reach.js';
import type { InquiryContext } from '../../../machines/inquiry/inquiry.context.js';

/** One case in the auditor's list (the whole row, so the access rules can filter it by unit). */
export type AuditCaseRow = CaseRow;

/** One open inquiry, with the title of its case. */
export interface OpenInquiryRow {
  id: string;
  caseId: string;
  caseTitle: string;
  status: string;
  forum: string;
  result: string;
  openedAt: string;
}

/** Most rows the list shows; a search narrows it. */
export const auditListLimit = 200;

/** Cases within `user`'s reach matching `query` (a fragment of the title or the id), decided and closed first. */
export async function listAuditCases(services: Services, user: User, query: string): Promise<AuditCaseRow[]> {
  return services.queue.auditSearch(query, reachOf(user), auditListLimit);
}

/** Inquiries not yet closed (open or determined), newest first, each with its case title. */
export async function listOpenInquiries(services: Services): Promise<OpenInquiryRow[]> {
  const store = services.inquiryStore;
  const rows = (await Promise.all(['open', 'determined'].map((status) => store.list({ status, limit: 100 })))).flat();
  const titles = new Map<string, string>();
  for (const caseId of new Set(rows.map((r) => r.caseId))) titles.set(caseId, (await services.store.get(caseId))?.title ?? caseId);
  return rows
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .map((r) => {
      const context = r.snapshot.context as unknown as InquiryContext;
      return {
        id: r.id,
        caseId: r.caseId,
        caseTitle: titles.get(r.caseId) ?? r.caseId,
        status: r.status,
        forum: context.outcome.forum,
        result: context.outcome.result,
        openedAt: context.openedAt,
      };
    });
}
