// The clerk's page: decided cases with service (送达), publication (公示) and filing (备案) due, each
// with its deadline, and the one-click actions the case allows the clerk now.
import type { FC } from 'hono/jsx';
import type { CaseEventType } from '../../../machines/case/case.events.js';
import type { DeskContext } from '../session.js';
import type { QueueRow } from '../queue-data.js';
import type { CaseView } from '../../cases/case-view.js';
import { formatDate } from '../i18n/index.js';
import { Layout } from '../layout.js';
import { DeadlineBadge } from './parts/deadline-badge.js';
import { QuickAction } from './parts/case-table.js';

const duties = [
  { key: 'service', event: 'decision.serve' },
  { key: 'publication', event: 'publication.publish' },
  { key: 'filing', event: 'filing.submit' },
] as const;

const DutyCell: FC<{ desk: DeskContext; row: QueueRow<CaseView>; duty: (typeof duties)[number]['key'] }> = ({ desk, row, duty }) => {
  const { t, lang } = desk;
  const d = row.view.duties;
  const doneAt = duty === 'service' ? d.servedAt : duty === 'publication' ? d.publishedAt : d.filedAt;
  if (duty === 'publication' && d.publicationWithdrawnAt) return <span>{t.clerk.withdrawn}</span>;
  if (doneAt) return <span>{t.clerk.done(formatDate(doneAt, lang))}</span>;
  const required = duty === 'service' || (duty === 'publication' ? d.publicationRequired : d.filingRequired);
  if (!required) return <span class="muted">{t.clerk.notRequired}</span>;
  const deadline = row.deadlines.find((x) => x.kind === duty);
  return (
    <span data-duty-due={duty}>
      {t.clerk.due}
      {deadline ? (
        <>
          <br />
          <DeadlineBadge desk={desk} deadline={deadline} />
        </>
      ) : null}
    </span>
  );
};

/** The clerk's page. */
export const ClerkPage: FC<{ desk: DeskContext; rows: QueueRow<CaseView>[]; notice?: string }> = ({ desk, rows, notice }) => {
  const { t, lang } = desk;
  const actions: CaseEventType[] = [...duties.map((x) => x.event), 'case.close'];
  return (
    <Layout desk={desk} title={t.clerk.title} current="clerk">
      {notice ? (
        <div class="notice success" role="status">
          {notice}
        </div>
      ) : null}
      {rows.length === 0 ? (
        <p class="muted">{t.queue.empty}</p>
      ) : (
        <table>
          <caption>{t.queue.caption(rows.length)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.queue.caseCol}</th>
              <th scope="col">{t.clerk.service}</th>
              <th scope="col">{t.clerk.publication}</th>
              <th scope="col">{t.clerk.filing}</th>
              <th scope="col">{t.queue.actionCol}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr data-case-id={row.view.id}>
                <td>
                  <a id={`case-${row.view.id}`} href={`/desk/cases/${row.view.id}`}>
                    {row.view.title}
                  </a>
                  {row.view.decision ? (
                    <>
                      <br />
                      <span class="muted">{t.clerk.decidedOn(formatDate(row.view.decision.at, lang))}</span>
                    </>
                  ) : null}
                </td>
                {duties.map((duty) => (
                  <td>
                    <DutyCell desk={desk} row={row} duty={duty.key} />
                  </td>
                ))}
                <td class="actions-list">
                  {actions
                    .filter((e) => row.view.allowedEvents.includes(e))
                    .map((e) =>
                      // The duties carry content (service, preview, report number): their forms are on the case page.
                      e !== 'case.close' ? (
                        <a
                          class="button secondary"
                          href={`/desk/cases/${row.view.id}#action-${e.replace('.', '-')}`}
                          aria-describedby={`case-${row.view.id}`}
                        >
                          {t.events[e]}
                        </a>
                      ) : (
                        <QuickAction
                          desk={desk}
                          caseId={row.view.id}
                          version={row.view.version}
                          type={e}
                          label={t.events[e]}
                          describedBy={`case-${row.view.id}`}
                          back="clerk"
                        />
                      ),
                    )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
};
