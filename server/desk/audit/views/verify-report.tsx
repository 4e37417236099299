// Integrity results in words: the whole record's verification (entries, first broken entry, checkpoints)
// and the check of one case's entries. The verdict is text, never colour alone.
import type { FC } from 'hono/jsx';
import type { VerifyReport } from '../../../../db/audit/audit-verify.js';
import type { StreamVerification } from '../../../../db/audit/audit-verify-case.js';
import type { DeskContext } from '../../session.js';
import { formatDateTime } from '../../i18n/index.js';

/** A problem code in words (unknown codes as they are). */
const problemText = (desk: DeskContext, problem: string): string => desk.t.audit.problems[problem] ?? problem;

/** The whole-record verification report. */
export const RecordVerification: FC<{ desk: DeskContext; report: VerifyReport }> = ({ desk, report }) => {
  const { t } = desk;
  const broken = report.firstBroken;
  const checkpointIssue = report.checkpoints.issues[0];
  return (
    <div class={`result ${report.ok ? 'ok' : 'bad'}`} role="status" data-verify={report.ok ? 'ok' : 'broken'}>
      <p class="verdict">{report.ok ? t.audit.verifyOk : t.audit.verifyBroken}</p>
      <dl class="facts">
        <dt>{t.audit.entriesChecked}</dt>
        <dd data-fact="entries">{String(report.entries)}</dd>
        <dt>{t.audit.headEntry}</dt>
        <dd class="hash">{report.head ? `#${report.head.id} ${report.head.hash}` : '—'}</dd>
        <dt>{t.audit.checkpointsChecked}</dt>
        <dd data-fact="checkpoints">{String(report.checkpoints.checked)}</dd>
        <dt>{t.audit.streamsChecked}</dt>
        <dd>{String(report.streams.checked)}</dd>
        <dt>{t.audit.issueCount}</dt>
        <dd data-fact="issues">{String(report.issueCount + report.checkpoints.issues.length + report.streams.issues.length)}</dd>
        {broken ? (
          <>
            <dt>{t.audit.firstBroken}</dt>
            <dd data-fact="first-broken">
              {`${t.audit.entryRef(broken.id, broken.caseId, broken.type)}：${problemText(desk, broken.problem)}`}
              <br />
              <span class="muted">{broken.detail}</span>
            </dd>
          </>
        ) : null}
        {checkpointIssue ? (
          <>
            <dt>{t.audit.firstCheckpointIssue}</dt>
            <dd>{`#${checkpointIssue.sequence} ${checkpointIssue.problem}：${checkpointIssue.detail}`}</dd>
          </>
        ) : null}
      </dl>
      <p class="muted">{t.audit.elapsed(report.elapsedMs)}</p>
    </div>
  );
};

/** The check of one case's entries and of the latest checkpoint covering them. */
export const CaseVerification: FC<{ desk: DeskContext; verification: StreamVerification }> = ({ desk, verification: v }) => {
  const { t, lang } = desk;
  return (
    <div class={`result ${v.ok ? 'ok' : 'bad'}`} data-verify={v.ok ? 'ok' : 'broken'}>
      <p class="verdict">{v.ok ? t.audit.caseVerifyOk : t.audit.caseVerifyBroken}</p>
      <p>{t.audit.caseEntries(v.entries)}</p>
      <p>
        {v.checkpoint
          ? t.audit.checkpoint(
              v.checkpoint.sequence,
              formatDateTime(v.checkpoint.at, lang),
              v.checkpoint.signatureValid,
              v.checkpoint.headMatches,
            )
          : t.audit.noCheckpoint}
      </p>
      {v.issues.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.audit.entryCol}</th>
              <th scope="col">{t.audit.eventCol}</th>
              <th scope="col">{t.audit.issueCol}</th>
            </tr>
          </thead>
          <tbody>
            {v.issues.map((i) => (
              <tr>
                <td class="hash">{`#${i.id}`}</td>
                <td>{i.type}</td>
                <td>{`${problemText(desk, i.problem)}：${i.detail}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
};
