// The auditor's read log of one case (调阅记录, /desk/audit/cases/:id/access-log): every read of its record,
// drafts, documents or evidence, through the API or the desk, with who, when, what and from where.
import type { FC } from 'hono/jsx';
import type { AccessLogPage } from '../../../evidence/access-log.js';
import type { DeskContext } from '../../session.js';
import { formatDateTime } from '../../i18n/index.js';
import { Layout } from '../../layout.js';
import { auditCssPath } from '../audit-styles.js';

type Props = { desk: DeskContext; caseId: string; title: string; page: AccessLogPage };

/** The read-log page, one page of reads with a link to the next. */
export const AccessLogPageView: FC<Props> = ({ desk, caseId, title, page }) => {
  const { t, lang } = desk;
  const e = t.evidence;
  const base = `/desk/audit/cases/${encodeURIComponent(caseId)}`;
  return (
    <Layout desk={desk} title={e.accessLogTitle(title)} current="audit">
      <link rel="stylesheet" href={auditCssPath} />
      <p>
        <a href={base}>{t.case.back}</a>
      </p>
      <p>{e.accessLogIntro}</p>
      {page.items.length === 0 ? (
        <p>{e.noReads}</p>
      ) : (
        <table class="access-log">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{e.atCol}</th>
              <th scope="col">{e.readerCol}</th>
              <th scope="col">{e.resourceCol}</th>
              <th scope="col">{e.targetCol}</th>
              <th scope="col">{e.channelCol}</th>
              <th scope="col">{e.addressCol}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((r) => (
              <tr data-read={r.id} data-user={r.userId} data-resource={r.resource}>
                <td class="hash">{r.id}</td>
                <td>{formatDateTime(r.at, lang)}</td>
                <td>{r.userName}</td>
                <td>{r.resource}</td>
                <td class="hash">{r.target ?? '—'}</td>
                <td>{e.channels[r.channel] ?? r.channel}</td>
                <td>{r.address}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page.next !== null ? (
        <p>
          <a href={`${base}/access-log?after=${page.next}`}>{e.more}</a>
        </p>
      ) : null}
    </Layout>
  );
};
