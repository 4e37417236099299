// Deadline and age badges: the most urgent open deadline (overdue, due soon, due) and how long the
// case has sat in its current stage. Urgency is in the text, never in colour alone.
import type { FC } from 'hono/jsx';
import type { DeskContext } from '../../session.js';
import type { DeskDeadline } from '../../deadline-source.js';
import type { SinceKind } from '../../queue-data.js';
import { daysBetween, formatDate } from '../../i18n/index.js';

/** One deadline as a badge. */
export const DeadlineBadge: FC<{ desk: DeskContext; deadline: DeskDeadline }> = ({ desk, deadline }) => {
  const { t, lang } = desk;
  const date = deadline.dueDate ? formatDate(deadline.dueDate, lang) + (deadline.provisional ? t.badge.provisional : '') : null;
  const text =
    deadline.urgency === 'overdue'
      ? date
        ? t.badge.overdue(date)
        : t.badge.overdueNoDate
      : deadline.urgency === 'soon'
        ? date
          ? t.badge.dueSoon(date)
          : t.badge.dueSoonNoDate
        : date
          ? t.badge.due(date)
          : t.badge.none;
  const cls = deadline.urgency === 'overdue' ? 'overdue' : deadline.urgency === 'soon' ? 'soon' : 'ok';
  const kind = t.deadlineKinds[deadline.kind] ?? deadline.kind;
  return (
    <span class={`badge ${cls}`} data-urgency={deadline.urgency}>
      {t.badge.withKind(kind, text)}
    </span>
  );
};

/** Days in the current stage, e.g. 已审核 3 天. */
export const AgeBadge: FC<{ desk: DeskContext; since: string; kind: SinceKind; now: Date }> = ({ desk, since, kind, now }) => {
  const n = daysBetween(since, now);
  const { badge } = desk.t;
  const text = { review: badge.daysInReview, awaiting: badge.daysSinceReview, decision: badge.daysSinceDecision, open: badge.daysOpen }[
    kind
  ](n);
  return (
    <span class="badge age" data-days={n}>
      {text}
    </span>
  );
};
