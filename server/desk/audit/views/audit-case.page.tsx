// The auditor's page of one case (/desk/audit/cases/:id): overview and exports, the timeline, the
// responsibility chain (picture and table), the check of the case's entries, and its inquiries.
import type { FC } from 'hono/jsx';
import type { DecisionOutcome } from '../../../../machines/case/case.events.js';
import type { MajorReason } from '../../../../machines/case/major-catalog.js';
import type { CaseExport } from '../../../audit/case-export.js';
import type { DeskContext } from '../../session.js';
import type { StateName } from '../../i18n/zh-CN.js';
import { formatDate, formatDateTime } from '../../i18n/index.js';
import { Layout } from '../../layout.js';
import { auditCssPath } from '../audit-styles.js';
import { TimelineTable } from './timeline-table.js';
import { ChainView } from './chain-view.js';
import { CaseVerification } from './verify-report.js';
import { recordLang } from './record-lang.js';
import { canSuperviseReads } from '../../../access/access-rules.js';

type Props = { desk: DeskContext; data: CaseExport };

const exportHref = (id: string, file: string): string => `/desk/audit/cases/${encodeURIComponent(id)}/${file}`;

const Overview: FC<Props> = ({ desk, data }) => {
  const { t, lang } = desk;
  const c = data.case;
  const d = data.decision;
  const reasons = c.majorReasons.map((r) => t.reasons[r as MajorReason] ?? r).join('；');
  return (
    <dl class="facts card" data-state={c.state}>
      <dt>{t.audit.idCol}</dt>
      <dd class="hash">{c.id}</dd>
      <dt>{t.case.state}</dt>
      <dd>
        <span class="badge state">{t.states[c.state as StateName] ?? c.state}</span>
      </dd>
      <dt>{t.audit.majorCol}</dt>
      <dd>{c.isMajor ? `${t.audit.yes}（${reasons}）` : t.audit.no}</dd>
      <dt>{t.audit.decision}</dt>
      <dd data-decision={d ? d.outcome : 'none'}>
        {d
          ? `${t.outcomes[d.outcome as DecisionOutcome] ?? d.outcome}（${d.headName}，${t.audit.decidedOn(d.draftVersion, formatDateTime(d.at, lang))}）`
          : t.audit.noDecision}
        {d ? (
          <>
            <br />
            <span class="hash">{d.draftHash}</span>
          </>
        ) : null}
      </dd>
    </dl>
  );
};

const Exports: FC<Props> = ({ desk, data }) => (
  <section aria-labelledby="exports-heading">
    <h2 id="exports-heading">{desk.t.audit.exports}</h2>
    <ul class="exports">
      <li>
        <a href={exportHref(data.case.id, 'export.json')} download>
          {desk.t.audit.exportJson}
        </a>
      </li>
      <li>
        <a href={exportHref(data.case.id, 'export.html')}>{desk.t.audit.exportHtml}</a>
      </li>
      {desk.user && canSuperviseReads(desk.user).ok ? (
        <li>
          <a href={exportHref(data.case.id, 'access-log')}>{desk.t.evidence.accessLogLink}</a>
        </li>
      ) : null}
    </ul>
    <p class="hint">{desk.t.audit.exportHint}</p>
  </section>
);

const Inquiries: FC<Props> = ({ desk, data }) => {
  const { t, lang } = desk;
  return (
    <section aria-labelledby="inquiries-heading" id="inquiries">
      <h2 id="inquiries-heading">{t.audit.inquiries}</h2>
      {data.inquiries.length === 0 ? (
        <p>{t.audit.noCaseInquiries}</p>
      ) : (
        <ul>
          {data.inquiries.map((q) => (
            <li data-inquiry={q.id}>
              <strong>{t.audit.inquiryStates[q.state] ?? q.state}</strong>
              {` · ${t.audit.inquiryOutcome(t.audit.forums[q.outcome.forum] ?? q.outcome.forum, q.outcome.body, q.outcome.documentRef, t.audit.results[q.outcome.result] ?? q.outcome.result)} · ${formatDate(q.outcome.decidedOn, lang)}`}
              {q.determination ? <p lang={recordLang(desk)}>{`${t.audit.conclusion}：${q.determination.conclusion}`}</p> : null}
              <p>{q.verification.ok ? t.audit.inquiryVerifyOk : t.audit.inquiryVerifyBroken}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};

/** The case page; `svg` is the chain picture ready for the desk (see svgForDesk). */
export const AuditCasePage: FC<Props & { svg: string }> = ({ desk, data, svg }) => {
  const { t } = desk;
  return (
    <Layout desk={desk} title={t.audit.caseTitle(data.case.title)} current="audit">
      <link rel="stylesheet" href={auditCssPath} />
      <Overview desk={desk} data={data} />
      <Exports desk={desk} data={data} />
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t.audit.timeline}</h2>
        <TimelineTable desk={desk} items={data.timeline} />
      </section>
      <section aria-labelledby="chain-heading">
        <h2 id="chain-heading">{t.audit.chain}</h2>
        <ChainView desk={desk} chain={data.responsibility} svg={svg} />
      </section>
      <section aria-labelledby="case-verify-heading">
        <h2 id="case-verify-heading">{t.audit.caseVerify}</h2>
        <CaseVerification desk={desk} verification={data.verification} />
      </section>
      <Inquiries desk={desk} data={data} />
    </Layout>
  );
};
