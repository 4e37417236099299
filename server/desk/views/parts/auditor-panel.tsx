// The auditor's part of the home page: how far the record is signed (the latest checkpoint), the way to
// verify it, and the open accountability inquiries (责任追究) with links to their cases.
import type { FC } from 'hono/jsx';
import type { DeskContext } from '../../session.js';
import { formatDateTime } from '../../i18n/index.js';

/** What the panel shows. */
export interface AuditorSummary {
  checkpoint: { sequence: number; at: string } | null;
  inquiries: { id: string; caseId: string; caseTitle: string; openedAt: string }[];
}

/** The auditor's overview: checkpoint, verification link, open inquiries. */
export const AuditorPanel: FC<{ desk: DeskContext; summary: AuditorSummary }> = ({ desk, summary }) => {
  const a = desk.t.queue.auditor;
  return (
    <section class="card" aria-labelledby="auditor-overview" data-section="auditor">
      <h2 id="auditor-overview">{a.title}</h2>
      <p>
        {summary.checkpoint ? a.checkpoint(summary.checkpoint.sequence, formatDateTime(summary.checkpoint.at, desk.lang)) : a.noCheckpoint}
      </p>
      <p>
        <a href="/desk/audit">{a.verifyLink}</a>
      </p>
      <h3>{a.inquiries}</h3>
      {summary.inquiries.length ? (
        <ul>
          {summary.inquiries.map((i) => (
            <li>
              <a href={`/desk/audit/cases/${i.caseId}`}>{i.caseTitle}</a>{' '}
              <span class="muted">{desk.t.audit.openedOn(formatDateTime(i.openedAt, desk.lang))}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{a.noInquiries}</p>
      )}
    </section>
  );
};
