// A table of queued cases: title (link), party, state, deadline and age badges, and the row's action.
import type { FC } from 'hono/jsx';
import type { DeskContext } from '../../session.js';
import type { QueueRow } from '../../queue-data.js';
import type { StateName } from '../../i18n/zh-CN.js';
import { CsrfField } from '../../layout.js';
import { AgeBadge, DeadlineBadge } from './deadline-badge.js';
import { caseHref } from '../../coercion/coercion-queue.js';

/** The translated name of a top-level state. */
export function stateLabel(desk: DeskContext, state: string): string {
  return desk.t.states[state as StateName] ?? state;
}

/** A one-button form sending a payload-free event at the version the page showed. */
export const QuickAction: FC<{
  desk: DeskContext;
  caseId: string;
  version: number;
  type: string;
  label: string;
  describedBy?: string;
  back?: string;
  /** The case page the form posts under (default: the penalty case's). */
  base?: string;
}> = (p) => (
  <form method="post" action={`${p.base ?? `/desk/cases/${p.caseId}`}/events`}>
    <CsrfField desk={p.desk} />
    <input type="hidden" name="type" value={p.type} />
    <input type="hidden" name="version" value={String(p.version)} />
    {p.back ? <input type="hidden" name="back" value={p.back} /> : null}
    <button type="submit" class="secondary" aria-describedby={p.describedBy}>
      {p.label}
    </button>
  </form>
);

/** The queue table; `now` dates the age badges. */
export const CaseTable: FC<{ desk: DeskContext; rows: QueueRow[]; caption: string; now: Date }> = ({ desk, rows, caption, now }) => {
  const { t } = desk;
  return (
    <table class="cases">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.queue.caseCol}</th>
          <th scope="col">{t.queue.partyCol}</th>
          <th scope="col">{t.queue.stateCol}</th>
          <th scope="col">{t.queue.deadlineCol}</th>
          <th scope="col">{t.queue.actionCol}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ view, deadline, since, sinceKind }) => (
          <tr data-case-id={view.id}>
            <td data-label={t.queue.caseCol}>
              <a id={`case-${view.id}`} href={caseHref(view)}>
                {view.title}
              </a>
            </td>
            <td data-label={t.queue.partyCol}>{view.draft.party.name}</td>
            <td data-label={t.queue.stateCol}>
              <span class="badge state">{stateLabel(desk, view.state)}</span>
            </td>
            <td data-label={t.queue.deadlineCol}>
              {deadline ? (
                <>
                  <DeadlineBadge desk={desk} deadline={deadline} />
                  <br />
                </>
              ) : null}
              <AgeBadge desk={desk} since={since} kind={sinceKind} now={now} />
            </td>
            <td data-label={t.queue.actionCol}>
              {view.allowedEvents.includes('review.assign') && view.reviewerId === null && desk.user?.roles.includes('reviewer') ? (
                <QuickAction
                  desk={desk}
                  caseId={view.id}
                  version={view.version}
                  type="review.assign"
                  label={t.queue.claim}
                  describedBy={`case-${view.id}`}
                  base={caseHref(view)}
                />
              ) : (
                <a href={caseHref(view)} aria-describedby={`case-${view.id}`}>
                  {t.queue.open}
                </a>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};
