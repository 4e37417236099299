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
  const rs = await services.database.client.execute({
    sql: 'SELECT kind, period, submitted_at, submitted_by FROM report_submissions WHERE kind = ? AND period = ?',
    args: [kind, period],
  });
  const r = rs.rows[0];
  return r ? { kind, period, submittedAt: String(r.submitted_at), submittedBy: String(r.submitted_by) } : null;
}

/** Records a submission; returns the stored one and whether this call created it (a repeat keeps the first). */
export async function recordSubmission(services: Services, kind: ReportKind, period: string, by: string) {
  const existing = await findSubmission(services, kind, period);
  if (existing) return { submission: existing, created: false };
  await services.writer.write({
    entries: [],
    statements: () => [
      {
        sql: 'INSERT OR IGNORE INTO report_submissions (kind, period, submitted_at, submitted_by) VALUES (?, ?, ?, ?)',
        args: [kind, period, services.now().toISOString(), by],
      },
    ],
  });
  return { submission: (await findSubmission(services, kind, period))!, created: true };
}
