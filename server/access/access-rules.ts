// Who may read or administer what, for everything that is not a case transition (those are the machine's
// rules in machines/case/case.rules.ts). Pure functions of (user, resource) answering allow or a DomainError;
// API routes, desk pages and the desk navigation all ask these, and no role list lives anywhere else.
import type { CaseRow } from '../../db/cases/case-store.js';
import type { DocumentKind } from '../../db/documents/document-store.js';
import type { CaseContext } from '../../machines/case/case.context.js';
import type { User, UserRole } from '../../db/users/user-store.js';
import type { DomainError } from '../shared/result.js';
import { reachesCase, type CaseSubject } from './case-reach.js';

export type { CaseSubject } from './case-reach.js';
import { canAdministerStaff, canAdministerWebhooks } from './admin-rules.js';
export { canAdministerStaff, canAdministerWebhooks, canReadCertificateWarnings, canReadUnitReports } from './admin-rules.js';

/** The answer of an access rule: allowed, or the refusal to send (its kind picks the HTTP status). */
export type Access = { ok: true } | { ok: false; error: DomainError };

const allow: Access = { ok: true };
const refuse = (error: DomainError): Access => ({ ok: false, error });
const holds = (user: User, roles: readonly UserRole[]) => user.roles.some((r) => roles.includes(r));

/** Roles that read a case's full record: refusals, timeline, responsibility chain and case-file export. */
const recordReaders: readonly UserRole[] = ['auditor', 'head', 'admin'];
/** Roles that verify the whole record and export or sign its checkpoints. */
const recordVerifiers: readonly UserRole[] = ['auditor', 'admin'];
const reportReaders: readonly UserRole[] = ['head', 'clerk', 'auditor', 'admin'];
const reportSubmitters: readonly UserRole[] = ['head', 'clerk'];
const deadlineListReaders: readonly UserRole[] = ['head', 'clerk'];
const calendarYearReaders: readonly UserRole[] = ['head', 'admin'];

/** The 404 for a case that does not exist or that `user` may not know of (the two must look the same). */
export function caseNotFound(id: string): DomainError {
  return { kind: 'not_found', code: 'case_not_found', detail: `No case ${id}.` };
}

const wrongRole = (detail: string): Access => refuse({ kind: 'forbidden', code: 'wrong_role', detail });

/**
 * Whether `user` may read the case (its view, accepted record, drafts, deadlines, inquiries, files) and send it
 * commands: only a case within the user's reach by unit (`reachesCase`); any other is `caseNotFound`, exactly
 * like a case that does not exist.
 */
export function canReadCase(user: User, subject: CaseSubject): Access {
  return reachesCase(user, subject) ? allow : refuse(caseNotFound(subject.id));
}

/** The case's full record: refusals, timeline, responsibility chain, case-file export (auditor, head, admin). */
export function canReadCaseFile(user: User, subject: CaseSubject): Access {
  const read = canReadCase(user, subject);
  if (!read.ok) return read;
  return holds(user, recordReaders) ? allow : wrongRole('Only auditors (监督人员), heads and admins read the full record of a case.');
}

/** The record of a case: its accepted entries like the case itself; with refused attempts, as the case file. */
export function canReadCaseRecord(user: User, subject: CaseSubject, withRefusals: boolean): Access {
  return withRefusals ? canReadCaseFile(user, subject) : canReadCase(user, subject);
}

/**
 * Who called up a case's records (调阅监督, seed §9(2)): the read log is supervised by auditors and admins,
 * not by the people whose reads it lists.
 */
export function canReadAccessLog(user: User, subject: CaseSubject): Access {
  const read = canReadCase(user, subject);
  return read.ok ? canSuperviseReads(user) : read;
}

/** The role part of `canReadAccessLog`, for a page whose case was already found readable (auditor, admin). */
export function canSuperviseReads(user: User): Access {
  return holds(user, recordVerifiers) ? allow : wrongRole('Only auditors (监督人员) and admins read who called up a case (调阅记录).');
}

/** What the documents rule reads of a case: its snapshot, for who handles and who reviewed it. */
export type DocumentSubject = CaseSubject & Pick<CaseRow, 'snapshot'>;
const documentReaders: readonly UserRole[] = ['head', 'auditor'];

/**
 * The issued 审核意见书 and 决定书 of a case: heads and auditors, the case's handler and its reviewers (assigned,
 * or who gave an opinion); the 决定书 also clerks, who serve it (送达). Admins administer, they do not read them.
 */
export function canReadDocuments(user: User, subject: DocumentSubject, kind: DocumentKind): Access {
  const read = canReadCase(user, subject);
  if (!read.ok) return read;
  if (holds(user, documentReaders) || (kind === 'decision' && holds(user, ['clerk']))) return allow;
  const context = subject.snapshot.context as unknown as Pick<CaseContext, 'handlerId' | 'reviewerId' | 'reviewers'>;
  if (user.id === context.handlerId || user.id === context.reviewerId || (context.reviewers ?? []).includes(user.id)) return allow;
  return refuse({
    kind: 'forbidden',
    code: 'not_case_reader',
    detail: 'Only the case’s handler, its reviewers, heads and auditors may read its documents (clerks also the 决定书).',
  });
}

/** Verifying the whole record, and exporting or signing its checkpoints (auditor, admin). */
export function canVerifyRecord(user: User): Access {
  return holds(user, recordVerifiers) ? allow : wrongRole('Only auditors (监督人员) and admins verify the record and its checkpoints.');
}

/** The monthly and annual statistics (head, clerk, auditor, admin). */
export function canReadReports(user: User): Access {
  if (holds(user, reportReaders)) return allow;
  return refuse({ kind: 'forbidden', code: 'reports_forbidden', detail: 'Reports are for heads, clerks, auditors and admins.' });
}

/** Recording a report as handed in (head, clerk). */
export function canSubmitReport(user: User): Access {
  if (holds(user, reportSubmitters)) return allow;
  return refuse({ kind: 'forbidden', code: 'reports_forbidden', detail: 'Only heads and clerks record a report as submitted.' });
}

/** The cross-case deadline list (head, clerk). */
export function canListDeadlines(user: User): Access {
  if (holds(user, deadlineListReaders)) return allow;
  return refuse({ kind: 'forbidden', code: 'deadlines_forbidden', detail: 'Only heads (负责人) and clerks see the deadline list.' });
}

/** Reminders of the reports due, shown beside the deadline list to heads, who answer for them. */
export function canSeeReportReminders(user: User): Access {
  return holds(user, ['head']) ? allow : wrongRole('Report reminders are for heads.');
}

/** The loaded State Council holiday years and the next-year warning (head, admin). */
export function canReadCalendarYears(user: User): Access {
  if (holds(user, calendarYearReaders)) return allow;
  return refuse({ kind: 'forbidden', code: 'calendar_years_forbidden', detail: 'The loaded years are for heads and admins.' });
}

/** Loading a holiday notice or a regional override into the calendar (admin). */
export function canAdministerCalendar(user: User): Access {
  if (holds(user, ['admin'])) return allow;
  return refuse({ kind: 'forbidden', code: 'admin_only', detail: 'Only an administrator may change the calendar.' });
}

/** Moving a case to a newer machine version (`POST /cases/:id/migrate`): an administrator's act, on the record. */
export function canMigrateCase(user: { roles: readonly string[] }): Access {
  if (user.roles.includes('admin')) return allow;
  return refuse({ kind: 'forbidden', code: 'admin_only', detail: 'Only an administrator may move a case to another machine version.' });
}

/** The desk's pages that have a rule of their own (case pages follow `canReadCase`). */
export const deskPageKeys = ['queue', 'head', 'clerk', 'audit', 'public', 'inbox', 'webhooks', 'staff'] as const;
export type DeskPageKey = (typeof deskPageKeys)[number];

const deskPageRules: Record<DeskPageKey, (user: User) => Access> = {
  queue: () => allow,
  head: (user) => (holds(user, ['head']) ? allow : wrongRole('The decisions page is for heads (负责人).')),
  clerk: (user) => (holds(user, ['clerk']) ? allow : wrongRole('The duties page is for clerks.')),
  // The auditor's pages show case files, so they follow the case-file rule.
  audit: (user) => (holds(user, recordReaders) ? allow : wrongRole('Only auditors (监督人员), heads and admins open the audit pages.')),
  // The public register (公示): what is published is public, so everyone may open it, signed in or not.
  public: () => allow,
  // Everyone has an inbox of their own messages.
  inbox: () => allow,
  // The delivery log and dead letters of the webhooks.
  webhooks: (user) => canAdministerWebhooks(user),
  // Units, users, roles and certificates: the same rule as the administration API.
  staff: (user) => canAdministerStaff(user),
};

/** The public register of published decisions (`GET /public/decisions`): open to anyone, no sign-in. */
export function canReadPublicRegister(): Access {
  return allow;
}

/** Roles that see what a case's publication would say before it is published. */
const publicationPreviewers: readonly UserRole[] = ['clerk', 'head', 'auditor'];

/** The preview of a decided case's publication, redacted as it would be published (clerk, head, auditor). */
export function canPreviewPublication(user: User, subject: CaseSubject): Access {
  const read = canReadCase(user, subject);
  if (!read.ok) return read;
  return holds(user, publicationPreviewers) ? allow : wrongRole('Publication previews are for clerks, heads and auditors.');
}

/** Whether `user` may open a desk page (and so whether the navigation shows it). */
export function canOpenDeskPage(user: User, page: DeskPageKey): Access {
  return deskPageRules[page](user);
}

/** Problem codes an access rule may answer with (a 403 or 404 with another code came from a later check). */
export const accessCodes = [
  'case_not_found',
  'wrong_role',
  'reports_forbidden',
  'deadlines_forbidden',
  'calendar_years_forbidden',
  'admin_only',
  'not_case_reader',
] as const;
