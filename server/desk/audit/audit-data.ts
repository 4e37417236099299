// What the auditor's home lists: cases (decided and closed first, optionally filtered by a title or id
// fragment) and open accountability inquiries. Read-only queries over the shared client.
import type { Services } from '../../services.js';
import type { InquiryContext } from '../../../machines/inquiry/inquiry.context.js';

/** One case in the auditor's list. */
export interface AuditCaseRow {
  id: string;
  title: string;
  status: string;
  isMajor: boolean;
  updatedAt: string;
}

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

/**
 * Cases matching `query` (a fragment of the title or the id; empty: all), decided and closed first, then
 * the most recently updated. `instr` rather than LIKE, so `%` and `_` in a search are plain characters.
 */
export async function listAuditCases(services: Services, query: string): Promise<AuditCaseRow[]> {
  const q = query.trim().toLowerCase();
  const rs = await services.database.client.execute({
    sql: `SELECT id, title, status, is_major, updated_at FROM cases
          WHERE ? = '' OR instr(lower(title), ?) > 0 OR instr(lower(id), ?) > 0
          ORDER BY CASE WHEN status IN ('decided', 'closed') THEN 0 ELSE 1 END, updated_at DESC, id LIMIT ?`,
    args: [q, q, q, auditListLimit],
  });
  return rs.rows.map((r) => ({
    id: String(r.id),
    title: String(r.title),
    status: String(r.status),
    isMajor: Number(r.is_major) === 1,
    updatedAt: String(r.updated_at),
  }));
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
