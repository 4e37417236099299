// Records that a periodic report was handed in, so its reminder stops. First record wins; repeats change nothing.
import type { Services } from '../services.js';
import type { ReportKind } from './report-due.js';

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
  const statement = services.reports.submissionStatement(kind, period, services.now().toISOString(), by);
  await services.writer.write({ entries: [], statements: () => [statement] });
  return { submission: (await findSubmission(services, kind, period))!, created: true };
}
