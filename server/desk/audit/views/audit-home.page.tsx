// The auditor's home (/desk/audit): the whole-record verification, run on demand by a POST form, the open
// accountability inquiries, and the cases with a search by title or id (decided and closed first).
import type { FC } from 'hono/jsx';
import type { VerifyReport } from '../../../../db/audit/audit-verify.js';
import type { DeskContext } from '../../session.js';
import type { StateName } from '../../i18n/zh-CN.js';
import { formatDate, formatDateTime } from '../../i18n/index.js';
import { CsrfField, Layout } from '../../layout.js';
import type { AuditCaseRow, OpenInquiryRow } from '../audit-data.js';
import { auditCssPath } from '../audit-styles.js';
import { RecordVerification } from './verify-report.js';

/** Everything the home page shows. */
export interface AuditHomeProps {
  desk: DeskContext;
  cases: AuditCaseRow[];
  query: string;
  inquiries: OpenInquiryRow[];
  /** The verification just run (after the POST), or null. */
  report: VerifyReport | null;
  canVerify: boolean;
}

const caseHref = (id: string): string => `/desk/audit/cases/${encodeURIComponent(id)}`;

const VerifySection: FC<Pick<AuditHomeProps, 'desk' | 'report' | 'canVerify'>> = ({ desk, report, canVerify }) => (
  <section class="card" aria-labelledby="verify-heading">
    <h2 id="verify-heading">{desk.t.audit.verify}</h2>
    <p>{desk.t.audit.verifyIntro}</p>
    {report ? <RecordVerification desk={desk} report={report} /> : <p class="muted">{desk.t.audit.verifyNotRun}</p>}
    {canVerify ? (
      <form method="post" action="/desk/audit/verify">
        <CsrfField desk={desk} />
        <button type="submit" class="primary">
          {desk.t.audit.verifyRun}
        </button>
      </form>
    ) : (
      <p class="muted">{desk.t.audit.verifyForbidden}</p>
    )}
  </section>
);

const InquiryList: FC<{ desk: DeskContext; inquiries: OpenInquiryRow[] }> = ({ desk, inquiries }) => {
  const { t, lang } = desk;
  if (inquiries.length === 0) return <p class="muted">{t.audit.noInquiries}</p>;
  return (
    <ul>
      {inquiries.map((q) => (
        <li data-inquiry={q.id}>
          <a href={`${caseHref(q.caseId)}#inquiries`}>{q.caseTitle}</a>
          {` · ${t.audit.forums[q.forum] ?? q.forum}，${t.audit.results[q.result] ?? q.result} · ${t.audit.inquiryStates[q.status] ?? q.status} · ${t.audit.openedOn(formatDate(q.openedAt, lang))}`}
        </li>
      ))}
    </ul>
  );
};

const CaseTable: FC<{ desk: DeskContext; cases: AuditCaseRow[] }> = ({ desk, cases }) => {
  const { t, lang } = desk;
  if (cases.length === 0) return <p class="muted">{t.audit.noCases}</p>;
  return (
    <table class="audit-cases">
      <caption>{t.audit.casesCaption(cases.length)}</caption>
      <thead>
        <tr>
          <th scope="col">{t.queue.caseCol}</th>
          <th scope="col">{t.audit.idCol}</th>
          <th scope="col">{t.queue.stateCol}</th>
          <th scope="col">{t.audit.majorCol}</th>
          <th scope="col">{t.audit.updatedCol}</th>
        </tr>
      </thead>
      <tbody>
        {cases.map((c) => (
          <tr data-case-id={c.id} data-state={c.status}>
            <td>
              <a href={caseHref(c.id)}>{c.title}</a>
            </td>
            <td class="hash">{c.id}</td>
            <td>
              <span class="badge state">{t.states[c.status as StateName] ?? c.status}</span>
            </td>
            <td>{c.isMajor ? t.audit.yes : t.audit.no}</td>
            <td>{formatDateTime(c.updatedAt, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};

/** The auditor's home page. */
export const AuditHomePage: FC<AuditHomeProps> = ({ desk, cases, query, inquiries, report, canVerify }) => {
  const { t } = desk;
  return (
    <Layout desk={desk} title={t.audit.title} current="audit">
      <link rel="stylesheet" href={auditCssPath} />
      <VerifySection desk={desk} report={report} canVerify={canVerify} />
      <section aria-labelledby="inquiries-heading">
        <h2 id="inquiries-heading">{t.audit.openInquiries}</h2>
        <InquiryList desk={desk} inquiries={inquiries} />
      </section>
      <section aria-labelledby="cases-heading">
        <h2 id="cases-heading">{t.audit.cases}</h2>
        {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is not yet announced by every screen reader the bureaus use; role="search" is */}
        <form class="search" method="get" action="/desk/audit" role="search">
          <label for="audit-q">{t.audit.search}</label>
          <input type="search" id="audit-q" name="q" value={query} />
          <button type="submit" class="secondary">
            {t.audit.searchSubmit}
          </button>
          {query ? <a href="/desk/audit">{t.audit.clearSearch}</a> : null}
        </form>
        <CaseTable desk={desk} cases={cases} />
      </section>
    </Layout>
  );
};
