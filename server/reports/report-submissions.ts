// Records that a periodic report was handed in, so its reminder stops. First record wins; repeats change nothing.
import type { Services } from '../services.js';
import type { ReportKind } from './report-due.js';
import { outboxAfterInsert } from '../../db/outbox/outbox-rows.js';

/** A recorded submission. */
export interface ReportSubmission {
  kind: ReportKind;
  period: string;
  submittedAt: string;
  submittedBy: string;
}

/** The submission of `kind` for `period`, if any. */
export async function findSubmission(services: Services, kind: ReportKind, period: string): Promise<ReportSubmission | null> {
  return (await services.reports.submission(kind, period)) as ReportSubmission | null;
}

/** Records a submission; returns the stored one and whether this call created it (a repeat keeps the first). */
export async function recordSubmission(services: Services, kind: ReportKind, period: string, by: string) {
  const existing = await findSubmission(services, kind, period);
  if (existing) return { submission: existing, created: false };
  const at = services.now().toISOString();
  const statement = services.reports.submissionStatement(kind, period, at, by);
  // The outbox message commits with the submission, and only if this call recorded it (a racing repeat does not).
  const message = outboxAfterInsert('report.submitted', { kind, period, submittedAt: at, submittedBy: by }, at, 'report_submissions', {
    kind,
    period,
    submitted_at: at,
    submitted_by: by,
  });
  await services.writer.write({ entries: [], statements: () => [statement, message] });
  return { submission: (await findSubmission(services, kind, period))!, created: true };
}
