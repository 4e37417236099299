// Loads the case or inquiry a request names and applies the access rule to it, so a missing case and a
// case the caller may not know of answer the same 404. The one path API routes and desk pages use to read.
import type { CaseRow, CaseStore } from '../../db/cases/case-store.js';
import type { InquiryRow, InquiryStore } from '../../db/audit/inquiry-store.js';
import type { User } from '../../db/users/user-store.js';
import { fail, ok, type Result } from '../shared/result.js';
import { canReadCase, caseNotFound, type Access } from './access-rules.js';

/** A rule over the loaded row (a rule may read more of it than `CaseSubject`, as the documents rule does). */
type CaseRule = (user: User, subject: CaseRow) => Access;

/** The case `id` if it exists and `rule` (default: reading the case) lets `user` have it. */
export async function lookupCase(store: CaseStore, user: User, id: string, rule: CaseRule = canReadCase): Promise<Result<CaseRow>> {
  const row = await store.get(id);
  if (!row) return fail(caseNotFound(id));
  const access = rule(user, row);
  return access.ok ? ok(row) : fail(access.error);
}

const inquiryNotFound = (id: string) => ({ kind: 'not_found' as const, code: 'inquiry_not_found', detail: `No inquiry ${id}.` });

/**
 * The inquiry `id` if it exists and `rule` lets `user` have its case (an inquiry is part of its case's file);
 * a case hidden from the user hides its inquiries with the same 404.
 */
export async function lookupInquiry(
  stores: { cases: CaseStore; inquiries: InquiryStore },
  user: User,
  id: string,
  rule: CaseRule = canReadCase,
): Promise<Result<InquiryRow>> {
  const row = await stores.inquiries.get(id);
  if (!row) return fail(inquiryNotFound(id));
  const found = await lookupCase(stores.cases, user, row.caseId, rule);
  if (found.ok) return ok(row);
  return fail(found.error.kind === 'not_found' ? inquiryNotFound(id) : found.error);
}

/** The inquiries of a list whose cases `user` may read. */
export async function readableInquiries<T extends Pick<InquiryRow, 'caseId'>>(cases: CaseStore, user: User, rows: T[]): Promise<T[]> {
  const readable = new Map<string, boolean>();
  for (const caseId of new Set(rows.map((r) => r.caseId))) readable.set(caseId, (await lookupCase(cases, user, caseId)).ok);
  return rows.filter((r) => readable.get(r.caseId));
}
