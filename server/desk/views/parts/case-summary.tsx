// The case at a glance: state, handler, reviewer, version, open deadlines; and why it is major.
import type { FC } from 'hono/jsx';
import type { DeskContext } from '../../session.js';
import type { CasePageData } from '../../case-data.js';
import { DeadlineBadge } from './deadline-badge.js';
import { stateLabel } from './case-table.js';

/** The summary list under the page heading. */
export const CaseSummary: FC<{ desk: DeskContext; data: CasePageData }> = ({ desk, data }) => {
  const { t } = desk;
  const { view, names, deadlines } = data;
  return (
    <dl class="facts card" data-state={view.state} data-version={view.version}>
      <dt>{t.case.state}</dt>
      <dd>
        <span class="badge state">{stateLabel(desk, view.state)}</span>
        {` ${t.case.version(view.version)}`}
      </dd>
      <dt>{t.case.handler}</dt>
      <dd>{names.get(view.handlerId) ?? view.handlerId}</dd>
      <dt>{t.case.reviewer}</dt>
      <dd>{view.reviewerId ? (names.get(view.reviewerId) ?? view.reviewerId) : t.case.unassigned}</dd>
      <dt>{t.queue.deadlineCol}</dt>
      <dd>
        {deadlines.length ? (
          deadlines.map((d) => (
            <>
              <DeadlineBadge desk={desk} deadline={d} />{' '}
            </>
          ))
        ) : (
          <span class="muted">{t.badge.none}</span>
        )}
      </dd>
    </dl>
  );
};

/** Why the decision is major (reasons translated), and whether collective discussion is required. */
export const MajorReasons: FC<{ desk: DeskContext; data: CasePageData }> = ({ desk, data }) => {
  const { t } = desk;
  const { major } = data.view;
  return (
    <section aria-labelledby="major-heading" class="card">
      <h2 id="major-heading">{t.case.major}</h2>
      {major.isMajor ? (
        <ul>
          {major.reasons.map((r) => (
            <li data-reason={r}>{t.reasons[r]}</li>
          ))}
        </ul>
      ) : (
        <p>{t.case.notMajor}</p>
      )}
      {major.discussionRequired ? (
        <p>
          {t.case.discussionRequired}
          {major.discussionReasons.map((r) => t.reasons[r]).join('；')}
        </p>
      ) : null}
    </section>
  );
};
